// The reporter's status link: the report id signed with HMAC-SHA256, so it cannot be guessed or altered.
// The token carries no personal data; the status it opens shows no report content.
//
// Keys have ids so the secret can be rotated: a token names the key it was signed with (`<kid>.<id>.<mac>`),
// and verification looks the key up in a keyring of every key still inside the retention period, so a link in
// a receipt keeps working for as long as the report is kept (DESIGN.md, "Retention"). Tokens issued before key
// ids (`<id>.<mac>`) keep working with the legacy secret for as long as the keyring holds it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';

const ID = /^[0-9a-f-]{36}$/;
const KID = /^[A-Za-z0-9_-]{1,16}$/;

export interface StatusKey {
  kid: string;
  secret: string;
}

/** The keys a token may be signed with: the one new tokens get, older ones still in retention, the legacy one. */
export interface StatusKeyring {
  current: StatusKey;
  previous?: readonly StatusKey[];
  /** The secret of tokens without a key id (made before key ids existed). */
  legacy?: string;
}

const secret = z.string().check(z.minLength(32, 'must be at least 32 characters'));
const key = z.object({ kid: z.string().check(z.regex(KID, 'must be 1-16 letters, digits, - or _')), secret });

/** The keyring as stored (e.g. a JSON secret in Secrets Manager), validated. */
export const statusKeyringSchema = z.object({
  current: key,
  previous: z.optional(z.array(key)),
  legacy: z.optional(secret),
});

/**
 * What a signed link opens. The purpose is part of what is signed, so a token made for one purpose never
 * verifies for another (a reporter's status link never opens a consultation, nor the other way round).
 */
export type TokenPurpose = 'status' | 'consultation';

/** Signs with a key id when given a key; with a bare secret, makes the legacy token without one. */
export function signStatusToken(reportId: string, key: string | StatusKey, purpose: TokenPurpose = 'status'): string {
  const id = Buffer.from(reportId, 'utf8').toString('base64url');
  if (typeof key === 'string') return `${id}.${mac(`${purpose}:${reportId}`, key)}`;
  if (!KID.test(key.kid)) throw new Error('a status key id must be 1-16 letters, digits, - or _');
  return `${key.kid}.${id}.${mac(`${purpose}:${key.kid}:${reportId}`, key.secret)}`;
}

/**
 * The report id, or null when the token was not made with one of these keys. A bare secret verifies only
 * legacy tokens (the first slice's callers); a keyring verifies both kinds.
 */
export function verifyStatusToken(token: string, keys: string | StatusKeyring, purpose: TokenPurpose = 'status'): string | null {
  const keyring: StatusKeyring | null = typeof keys === 'string' ? null : keys;
  const parts = token.split('.');
  if (parts.length === 2) {
    const legacy = keyring ? keyring.legacy : (keys as string);
    const [id, signature] = parts as [string, string];
    const reportId = reportIdOf(id);
    return legacy && reportId && same(signature, mac(`${purpose}:${reportId}`, legacy)) ? reportId : null;
  }
  if (parts.length !== 3 || !keyring) return null;
  const [kid, id, signature] = parts as [string, string, string];
  const found = [keyring.current, ...(keyring.previous ?? [])].find((candidate) => candidate.kid === kid);
  const reportId = reportIdOf(id);
  return found && reportId && same(signature, mac(`${purpose}:${kid}:${reportId}`, found.secret)) ? reportId : null;
}

function reportIdOf(encoded: string): string | null {
  if (!encoded) return null;
  const reportId = Buffer.from(encoded, 'base64url').toString('utf8');
  return ID.test(reportId) ? reportId : null;
}

function same(given: string, expected: string): boolean {
  if (given.length > 64) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function mac(message: string, secret: string): string {
  return createHmac('sha256', secret).update(message).digest('base64url');
}

/** The asker's link to a consultation: the status-link signing with the consultation purpose. */
export const signConsultationToken = (consultationId: string, key: string | StatusKey) => signStatusToken(consultationId, key, 'consultation');
export const verifyConsultationToken = (token: string, keys: string | StatusKeyring) => verifyStatusToken(token, keys, 'consultation');
