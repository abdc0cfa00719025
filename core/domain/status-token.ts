// The reporter's status link: the report id signed with HMAC-SHA256, so it cannot be guessed or altered.
// The token carries no personal data; the status it opens shows no report content.
import { createHmac, timingSafeEqual } from 'node:crypto';

const ID = /^[0-9a-f-]{36}$/;

export function signStatusToken(reportId: string, secret: string): string {
  const id = Buffer.from(reportId, 'utf8').toString('base64url');
  return `${id}.${mac(reportId, secret)}`;
}

/** The report id, or null when the token was not made with this secret. */
export function verifyStatusToken(token: string, secret: string): string | null {
  const [id, signature, extra] = token.split('.');
  if (!id || !signature || extra !== undefined || signature.length > 64) return null;
  const reportId = Buffer.from(id, 'base64url').toString('utf8');
  if (!ID.test(reportId)) return null;
  const expected = Buffer.from(mac(reportId, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? reportId : null;
}

function mac(reportId: string, secret: string): string {
  return createHmac('sha256', secret).update(`status:${reportId}`).digest('base64url');
}
