// A short reference a person can read aloud on the phone. Derived from the submission id (a random UUID
// made by the form page), so a retried submission gets the same reference and no personal data is in it.
import { createHash } from 'node:crypto';

// Crockford's base 32: no I, L, O or U, so nothing is misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function referenceFor(submissionId: string, submittedAt: Date): string {
  const digest = createHash('sha256').update(submissionId).digest();
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[digest[i]! % 32];
  return `ORO-${submittedAt.getUTCFullYear()}-${code.slice(0, 4)}-${code.slice(4)}`;
}
