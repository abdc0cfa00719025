// The keyed hash of child-match keys (core/domain/child-match.ts KeyedHash) in AWS: KMS GenerateMac with an HMAC
// key (HMAC_SHA_256) that only notify may use (DESIGN.md, "Privacy rules"; the key: infra/constructs/child-match-key.ts).
// The key never leaves KMS. The output is encoded exactly as the local adapter's (crypto/hmac-keyed-hash.ts:
// the 32-byte HMAC as base64url), so the index has one format: an HMAC with the same key bytes gives the same keys.
// A KMS error propagates: notify then fails the stream record before anything is written (it is retried).
// The SDK client is loaded with a dynamic import on the first hash (as core/config/secrets.ts loads Secrets
// Manager): notify's cold start does not pay for it, and local mode (the dev HMAC) never loads it.
import type { GenerateMacCommand, GenerateMacCommandOutput, KMSClient } from '@aws-sdk/client-kms';
import { runtimeConfig } from '../../config/runtime.ts';
import type { KeyedHash } from '../../domain/child-match.ts';

/** What the adapter needs of a KMS client (a test gives a fake whose send computes a real HMAC). */
export interface GenerateMacClient {
  send(command: GenerateMacCommand): Promise<Pick<GenerateMacCommandOutput, 'Mac'>>;
}

export function kmsKeyedHash(options: { client: () => Promise<GenerateMacClient>; keyId: string }): KeyedHash {
  const { keyId } = options;
  return async (input) => {
    const [client, { GenerateMacCommand }] = await Promise.all([options.client(), import('@aws-sdk/client-kms')]);
    const { Mac } = await client.send(
      new GenerateMacCommand({ KeyId: keyId, MacAlgorithm: 'HMAC_SHA_256', Message: Buffer.from(input, 'utf8') }),
    );
    if (!Mac?.length) throw new Error('KMS GenerateMac answered without a MAC');
    return Buffer.from(Mac).toString('base64url');
  };
}

let client: Promise<KMSClient> | undefined;

/** One KMS client per container (module scope is reused across invocations), made on its first use. */
export function kmsClient(): Promise<KMSClient> {
  client ??= import('@aws-sdk/client-kms').then(
    ({ KMSClient }) =>
      new KMSClient({
        region: runtimeConfig().AWS_REGION,
        maxAttempts: 3,
        // An outage fails the record quickly; the stream retries it with backoff.
        requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000 },
      }),
  );
  return client;
}
