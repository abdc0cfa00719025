// Runtime settings of every function, read once from the environment and validated.
import * as z from 'zod/mini';

// Defaults exist for local mode and tests only: in AWS a missing setting must fail loudly at cold start,
// never fall back to a development value (a known status-link secret, a localhost link in emails).
const LOCAL_DEFAULTS = {
  TABLE_NAME: 'concern-intake-reports',
  PUBLIC_URL: 'http://localhost:3000',
  SENDER_ADDRESS: 'no-reply@concern-intake.example',
  STATUS_LINK_SECRET: 'local-development-status-secret',
};

const runtimeSchema = z.object({
  TABLE_NAME: z.string().check(z.minLength(1)),
  /** Set only in local mode and tests: DynamoDB Local's URL. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  /** Set only in local mode and tests: aws-ses-v2-local's URL. */
  SES_ENDPOINT: z.optional(z.url()),
  AWS_REGION: z._default(z.string(), 'eu-north-1'),
  DIRECTORY_FILE: z._default(z.string(), 'directory.json'),
  /** How old a function's copy of the directory in the table may get before it reads it again (DESIGN.md: 60 s at most). */
  DIRECTORY_MAX_AGE_SECONDS: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(60)), 60),
  RETENTION_DAYS: z._default(z.coerce.number().check(z.int(), z.positive()), 90),
  /** Where people open the system: links in emails point here. */
  PUBLIC_URL: z.url(),
  SENDER_ADDRESS: z.email(),
  SES_CONFIGURATION_SET: z.optional(z.string()),
  /** Secret for signing reporter status links (HMAC). In AWS it comes from Secrets Manager via the stack. */
  STATUS_LINK_SECRET: z.optional(z.string().check(z.minLength(16))),
  LOCAL_MODE: z._default(z.enum(['true', 'false']), 'false'),
});

export type RuntimeConfig = z.output<typeof runtimeSchema>;

let cached: RuntimeConfig | undefined;

export function runtimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  if (env === process.env && cached) return cached;
  const result = runtimeSchema.safeParse(env.LOCAL_MODE === 'true' ? { ...LOCAL_DEFAULTS, ...env } : env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment (set these in the stack, or LOCAL_MODE=true for local defaults): ${problems.join('; ')}`);
  }
  if (env === process.env) cached = result.data;
  return result.data;
}

/** For tests and the local server, which change the environment between runs. */
export function resetRuntimeConfig(): void {
  cached = undefined;
}
