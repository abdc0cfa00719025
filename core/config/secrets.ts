// Secrets read once per cold start. In AWS the stack stores the status-link secret in Secrets Manager and
// passes its ARN; locally (and in tests) STATUS_LINK_SECRET holds the value itself. Either is a plain secret or a
// JSON keyring (status-keyring.ts).
import type { StatusKeyring } from '../domain/status-token.ts';
import { runtimeConfig } from './runtime.ts';
import { parseStatusKeyring } from './status-keyring.ts';

let statusSecret: Promise<StatusKeyring> | undefined;

export function statusLinkKeyring(): Promise<StatusKeyring> {
  statusSecret ??= (async () => {
    const arn = runtimeConfig().STATUS_LINK_SECRET_ARN;
    if (!arn) {
      const local = runtimeConfig().STATUS_LINK_SECRET;
      if (!local) throw new Error('neither STATUS_LINK_SECRET_ARN nor (in local mode) STATUS_LINK_SECRET is set');
      return parseStatusKeyring(local);
    }
    const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
    const client = new SecretsManagerClient({});
    const result = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    if (!result.SecretString) throw new Error('the status link secret is empty');
    return parseStatusKeyring(result.SecretString);
  })().catch((error: unknown) => {
    statusSecret = undefined; // a passing failure must not stick for the container's life
    throw error;
  });
  return statusSecret;
}

/**
 * The one secret of links that carry no key id (consultation links): the keyring's legacy secret while it has one,
 * so a rotation of the status-link keys does not break them, else the current key's.
 */
export async function statusLinkSecret(): Promise<string> {
  const keyring = await statusLinkKeyring();
  return keyring.legacy ?? keyring.current.secret;
}
