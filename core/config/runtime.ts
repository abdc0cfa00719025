// Runtime settings of every function, read once from the environment and validated: the one list of the
// variables, which the stack (infra/stack.ts, infra/constructs/app-function.ts) and local mode (local/app.ts)
// set through functionEnvironment().
import * as z from 'zod/mini';

// Defaults exist for local mode and tests only: in AWS a missing setting must fail loudly at cold start,
// never fall back to a development value (a known status-link secret, a localhost link in emails).
const LOCAL_DEFAULTS = {
  TABLE_NAME: 'concern-intake-reports',
  PUBLIC_URL: 'http://localhost:3000',
  SENDER_ADDRESS: 'no-reply@concern-intake.example',
  STATUS_LINK_SECRET: 'local-development-status-secret',
  LIST_CURSOR_SECRET: 'local-development-list-cursor-secret',
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
  /** In AWS: the Secrets Manager secret that holds the status-link secret (core/config/secrets.ts). */
  STATUS_LINK_SECRET_ARN: z.optional(z.string().check(z.minLength(1))),
  /** Secret for signing the portal list's cursors (HMAC); in AWS from Secrets Manager (LIST_CURSOR_SECRET_ARN). */
  LIST_CURSOR_SECRET: z.optional(z.string().check(z.minLength(16))),
  /** Local mode and tests only: the HMAC key of the earlier-reports index (in AWS: CHILD_MATCH_KEY_ID). */
  CHILD_MATCH_SECRET: z.optional(z.string().check(z.minLength(16))),
  /** In AWS, notify's only: the KMS HMAC key (id or ARN) of the earlier-reports index's keyed hash (GenerateMac). */
  CHILD_MATCH_KEY_ID: z.optional(z.string().check(z.minLength(1))),
  LIST_CURSOR_SECRET_ARN: z.optional(z.string().check(z.minLength(1))),
  LOCAL_MODE: z._default(z.enum(['true', 'false']), 'false'),
});

export type RuntimeConfig = z.output<typeof runtimeSchema>;

/** The name of a variable the functions read: the one list, used by the stack, local mode and the functions. */
export type EnvironmentVariable = keyof RuntimeConfig;

/**
 * The environment to give a function (the stack) or this process (local mode), checked against the list at
 * type-check time: a misspelt or unknown name does not compile. Unset values are left out.
 */
export function functionEnvironment(values: Partial<Record<EnvironmentVariable, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

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
