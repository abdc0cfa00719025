// Secrets read once per cold start. In AWS the stack stores the status-link secret in Secrets Manager and
// passes its ARN; locally (and in tests) STATUS_LINK_SECRET holds the value itself.
import { runtimeConfig } from './runtime.ts';

let statusSecret: Promise<string> | undefined;

export function statusLinkSecret(): Promise<string> {
  statusSecret ??= (async () => {
    const arn = runtimeConfig().STATUS_LINK_SECRET_ARN;
    if (!arn) {
      const local = runtimeConfig().STATUS_LINK_SECRET;
      if (!local) throw new Error('neither STATUS_LINK_SECRET_ARN nor (in local mode) STATUS_LINK_SECRET is set');
      return local;
    }
    const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
    const client = new SecretsManagerClient({});
    const result = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    if (!result.SecretString) throw new Error('the status link secret is empty');
    return result.SecretString;
  })().catch((error: unknown) => {
    statusSecret = undefined; // a passing failure must not stick for the container's life
    throw error;
  });
  return statusSecret;
}
