// The status-link keyring from its stored form. Two forms are accepted, so the first slice's secret keeps working:
//   - a plain string (the secret the stack generated before key ids): new links are signed with it under the key
//     id "k1", and links without a key id verify with it as the legacy secret;
//   - JSON, validated by statusKeyringSchema: {"current": {kid, secret}, "previous": [...], "legacy": "..."}.
// README, "Rotating the status-link key", says how to go from one to the other without breaking a link.
import { statusKeyringSchema, type StatusKeyring } from '../domain/status-token.ts';

/** The key id new links get while the secret is still the first slice's plain string. */
export const FIRST_KEY_ID = 'k1';

export function parseStatusKeyring(stored: string): StatusKeyring {
  const value = stored.trim();
  if (!value.startsWith('{')) return { current: { kid: FIRST_KEY_ID, secret: value }, legacy: value };
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    throw new Error('the status-link keyring is not valid JSON');
  }
  const parsed = statusKeyringSchema.safeParse(data);
  // Paths only: the message must never carry a secret.
  if (!parsed.success) throw new Error(`the status-link keyring is invalid at: ${parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}`);
  return parsed.data;
}
