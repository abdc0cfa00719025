// The list's paging cursor. DESIGN.md, "Second slice", GET /api/cases: "the cursor is opaque, signed, and bound
// to the caller and the filters". Signed, so a caller cannot hand-craft a position (e.g. a key of another team's
// partition); bound, so a cursor replayed by another person or with other filters (or another search) is
// refused rather than silently paging a different list. Opaque: base64url of the position, then an HMAC.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type * as z from 'zod/mini';

/** What a cursor is bound to: the signing secret, who asked, and every filter (and search text) of the list. */
export interface CursorBinding {
  secret: string;
  caller: string;
  filters: Readonly<Record<string, string | number | boolean | null | undefined>>;
}

/** A cursor in a URL stays short: API Gateway and browsers handle this easily. */
export const MAX_CURSOR_LENGTH = 2_048;

export type DecodedCursor<T> = { ok: true; position: T } | { ok: false; reason: string };

export function encodeCursor(position: unknown, binding: CursorBinding): string {
  const payload = Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
  const cursor = `${payload}.${mac(payload, binding)}`;
  if (cursor.length > MAX_CURSOR_LENGTH) throw new Error('a list position too large for a cursor');
  return cursor;
}

/** The position, validated with `schema`, or why the cursor is refused (for a 400 naming `cursor`). */
export function decodeCursor<T>(cursor: string, binding: CursorBinding & { schema: z.ZodMiniType<T> }): DecodedCursor<T> {
  const refused = { ok: false as const, reason: 'is not a cursor from this list: start again from the first page' };
  if (cursor.length > MAX_CURSOR_LENGTH) return refused;
  const [payload, signature, extra] = cursor.split('.');
  if (!payload || !signature || extra !== undefined) return refused;
  const expected = Buffer.from(mac(payload, binding));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refused;
  let position: unknown;
  try {
    position = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return refused;
  }
  const parsed = binding.schema.safeParse(position);
  return parsed.success ? { ok: true, position: parsed.data } : refused;
}

// Filters in one order, empty ones dropped, so `?urgency=normal&status=open` and its reordering are one list.
function canonicalFilters(filters: CursorBinding['filters']): Array<[string, string | number | boolean]> {
  return Object.entries(filters)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null && entry[1] !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function mac(payload: string, binding: CursorBinding): string {
  // A JSON array keeps the parts apart: no caller or filter value can be made to read as another.
  const message = JSON.stringify(['cursor', binding.caller.trim().toLowerCase(), canonicalFilters(binding.filters), payload]);
  return createHmac('sha256', binding.secret).update(message).digest('base64url');
}
