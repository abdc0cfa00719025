// The keyed hash of child-match keys (core/domain/child-match.ts KeyedHash) as an HMAC-SHA-256 with a secret:
// local mode and tests. In AWS the key must be an HMAC key in KMS that only notify may use (GenerateMac): that
// adapter needs @aws-sdk/client-kms, which the project does not have yet (issue 12, point 4: not built).
import { createHmac } from 'node:crypto';
import type { KeyedHash } from '../../domain/child-match.ts';

export function hmacKeyedHash(secret: string): KeyedHash {
  if (secret.length < 16) throw new Error('the child-match secret must be at least 16 characters');
  return async (input) => createHmac('sha256', secret).update(input, 'utf8').digest('base64url');
}
