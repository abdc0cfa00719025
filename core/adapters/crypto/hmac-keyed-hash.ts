// The keyed hash of child-match keys (core/domain/child-match.ts KeyedHash) as an HMAC-SHA-256 with a secret:
// local mode and tests. In AWS the key is an HMAC key in KMS that only notify may use (core/adapters/kms/
// kms-keyed-hash.ts, GenerateMac); both encode the MAC as base64url, so the index has one format.
import { createHmac } from 'node:crypto';
import type { KeyedHash } from '../../domain/child-match.ts';

export function hmacKeyedHash(secret: string): KeyedHash {
  if (secret.length < 16) throw new Error('the child-match secret must be at least 16 characters');
  return async (input) => createHmac('sha256', secret).update(input, 'utf8').digest('base64url');
}
