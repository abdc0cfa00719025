// The one UUID rule: submission ids (idempotency keys) and report ids are UUIDs (versions 1-8, RFC 9562 variant).
import * as z from 'zod/mini';

export const uuidSchema = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i));

export function isUuid(value: string): boolean {
  return uuidSchema.safeParse(value).success;
}
