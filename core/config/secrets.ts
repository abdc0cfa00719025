// Secrets read once per cold start. In AWS the stack stores each in Secrets Manager and passes its ARN; locally
// (and in tests) a variable holds the value itself.
import { runtimeConfig, type EnvironmentVariable } from './runtime.ts';

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

/** The HMAC key of the reporters' status links (status, notify). */
export const statusLinkSecret = secret('STATUS_LINK_SECRET_ARN', 'STATUS_LINK_SECRET', 'status link secret');

/** The HMAC key of the portal list's cursors (cases only). */
export const listCursorSecret = secret('LIST_CURSOR_SECRET_ARN', 'LIST_CURSOR_SECRET', 'list cursor secret');
