// Secrets read once per cold start. In AWS the stack stores each in Secrets Manager and passes its ARN; locally
// (and in tests) a variable holds the value itself. The status-link secret is a plain secret or a JSON keyring
// (status-keyring.ts).
import type { StatusKeyring } from '../domain/status-token.ts';
import { runtimeConfig, type EnvironmentVariable } from './runtime.ts';
import { parseStatusKeyring } from './status-keyring.ts';

function secret(arnVariable: EnvironmentVariable, localVariable: EnvironmentVariable, what: string): () => Promise<string> {
  let cached: Promise<string> | undefined;
  return () => {
    cached ??= (async () => {
      const config = runtimeConfig();
      const arn = config[arnVariable];
      if (typeof arn !== 'string' || !arn) {
        const local = config[localVariable];
        if (typeof local !== 'string' || !local) throw new Error(`neither ${arnVariable} nor (in local mode) ${localVariable} is set`);
        return local;
      }
      const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
      const client = new SecretsManagerClient({});
      const result = await client.send(new GetSecretValueCommand({ SecretId: arn }));
      if (!result.SecretString) throw new Error(`the ${what} is empty`);
      return result.SecretString;
    })().catch((error: unknown) => {
      cached = undefined; // a passing failure must not stick for the container's life
      throw error;
    });
    return cached;
  };
}

/** The keyring of the reporters' status links (status, notify): signing key with its id, and the keys still valid. */
const statusLinkSecretText = secret('STATUS_LINK_SECRET_ARN', 'STATUS_LINK_SECRET', 'status link secret');

export async function statusLinkKeyring(): Promise<StatusKeyring> {
  return parseStatusKeyring(await statusLinkSecretText());
}

/**
 * The one secret of links that carry no key id (consultation links): the keyring's legacy secret while it has one,
 * so a rotation of the status-link keys does not break them, else the current key's.
 */
export async function statusLinkSecret(): Promise<string> {
  const keyring = await statusLinkKeyring();
  return keyring.legacy ?? keyring.current.secret;
}

/** The HMAC key of the portal list's cursors (cases only). */
export const listCursorSecret = secret('LIST_CURSOR_SECRET_ARN', 'LIST_CURSOR_SECRET', 'list cursor secret');
