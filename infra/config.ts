// The deployment config: one JSON file per municipality, validated at synth time. Every problem is reported
// as one sentence that names its key, so an operator can fix the file without reading this code.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import * as z from 'zod';
import { parseDirectory, type Directory } from '../core/directory/directory.ts';

const hostname = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a lowercase domain name such as "example.se"');

const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });

const identityProviderSchema = z.discriminatedUnion(
  'type',
  [
    z.object({
      type: z.literal('oidc'),
      /** The name shown on the sign-in page and used as the provider name in Cognito. */
      name: z.string().regex(/^[A-Za-z0-9_-]{3,32}$/, 'must be 3 to 32 letters, digits, "_" or "-"'),
      issuerUrl: httpsUrl,
      clientId: z.string().min(1, 'must not be empty'),
      /** Name or ARN of a Secrets Manager secret holding the client secret (never the secret itself). */
      clientSecretName: z.string().min(1, 'must name a Secrets Manager secret holding the client secret'),
      scopes: z.array(z.string().min(1)).default(['openid', 'email', 'profile']),
      /** The claim carrying the user's email address. */
      emailClaim: z.string().min(1).default('email'),
      /**
       * Whether this provider's word that an email is verified counts: only then is its email_verified claim mapped,
       * and only a verified email gives directory access (a team's reports, administration).
       */
      trusted: z.boolean().default(false),
      /** The claim saying the email is verified ("true"). */
      emailVerifiedClaim: z.string().min(1).default('email_verified'),
    }),
    z.object({
      type: z.literal('saml'),
      name: z.string().regex(/^[A-Za-z0-9_-]{3,32}$/, 'must be 3 to 32 letters, digits, "_" or "-"'),
      metadataUrl: httpsUrl,
      /** The SAML attribute carrying the user's email address. */
      emailAttribute: z.string().min(1).default('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress'),
      /** As for OIDC: whether this provider's word that an email is verified counts. */
      trusted: z.boolean().default(false),
      /** SAML has no standard claim for it: the attribute the provider sends as "true" for a verified email (required when trusted). */
      emailVerifiedAttribute: z.string().min(1).optional(),
    }).refine((idp) => !idp.trusted || idp.emailVerifiedAttribute !== undefined, {
      path: ['emailVerifiedAttribute'],
      message: 'is required for a trusted SAML provider: name the attribute that carries "true" for a verified email',
    }),
  ],
  { error: 'must have "type": "oidc" or "type": "saml"' },
);

export const configSchema = z
  .object({
    /** The CloudFormation stack name; two municipalities in one account need two names. */
    stackName: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'must start with a letter and hold only letters, digits and "-"')
      .default('ConcernIntake'),
    /** The directory (schools, areas, teams), relative to this config file. */
    directoryFile: z.string().min(1, 'must name the directory JSON file'),
    /**
     * Where people open the system. Without it the API's own https://<id>.execute-api… address is used,
     * which is fine for a first deploy and a trial.
     */
    publicDomain: z
      .object({
        name: hostname,
        /** An ACM certificate for the name, in the stack's region. */
        certificateArn: z.string().regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/, 'must be an ACM certificate ARN'),
      })
      .strict()
      .optional(),
    email: z
      .object({
        /** The From address of every email. */
        sender: z.email('must be an email address'),
        /** The verified SES identity the sender belongs to: a domain ("example.se") or an email address. */
        identity: z.union([z.email(), hostname], { error: 'must be a domain name or an email address' }),
        /** Create the SES identity in this stack (set false if it already exists in the account and region). */
        createIdentity: z.boolean().default(true),
        /** Only while the account is in the SES sandbox: the verified test recipients (see README.md, "Deploy to AWS"). */
        sandboxRecipients: z.array(z.email('must be an email address')).default([]),
      })
      .strict(),
    /** Operators: alarms, email bounces and complaints go here. */
    alarmEmail: z.email('must be an email address'),
    /** Days a closed report is kept before DynamoDB's TTL removes it. */
    retentionDays: z.number().int('must be a whole number of days').min(1, 'must be at least 1').max(3650, 'must be at most 3650'),
    /** How often the reminder sweep runs. */
    reminderRateMinutes: z
      .number()
      .int('must be a whole number of minutes')
      .min(1, 'must be at least 1')
      .max(60, 'must be at most 60 (reminders would be late)')
      .default(5),
    auth: z
      .object({
        /** The hosted sign-in page's domain prefix: <prefix>.auth.<region>.amazoncognito.com (unique per region). */
        domainPrefix: z
          .string()
          .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'must be lowercase letters, digits and "-"')
          .refine((value) => !/aws|amazon|cognito/.test(value), 'must not contain "aws", "amazon" or "cognito" (Cognito refuses them)'),
        /** The municipality's own identity provider, if staff should sign in with it. */
        identityProvider: identityProviderSchema.optional(),
      })
      .strict(),
    api: z
      .object({
        /** Steady-state requests per second for the whole API. */
        throttleRate: z.number().int().min(1).max(10_000).default(50),
        /** Burst of requests for the whole API. */
        throttleBurst: z.number().int().min(1).max(5_000).default(100),
      })
      .strict()
      .default({ throttleRate: 50, throttleBurst: 100 }),
    /**
     * The optional edge: CloudFront with an AWS WAF web ACL in front of the API (infra/constructs/edge.ts), for a
     * per-address limit on submissions. Off by default. The web ACL lives in a second stack in us-east-1, which the
     * main stack reads through a cross-region reference: that needs the main stack's region here.
     */
    edge: z
      .object({
        enabled: z.boolean().default(false),
        /** The region the main stack deploys to (as AWS_REGION when you deploy). */
        region: z
          .string()
          .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as "eu-north-1"')
          .optional(),
        /** With publicDomain: an ACM certificate for that name in us-east-1 (CloudFront takes certificates only from there). */
        certificateArn: z
          .string()
          .regex(/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[A-Za-z0-9-]+$/, 'must be an ACM certificate ARN in us-east-1 (CloudFront takes certificates only from there)')
          .optional(),
      })
      .strict()
      .default({ enabled: false }),
    /**
     * Reserved concurrency caps what a runaway can cost (submit, notify, reminders). A new account whose
     * concurrency quota is still 10 cannot reserve any; set false there until the quota is raised.
     */
    reservedConcurrency: z.boolean().default(true),
    /** Days the CloudWatch logs are kept. */
    logRetentionDays: z
      .union([z.literal(7), z.literal(14), z.literal(30), z.literal(60), z.literal(90), z.literal(180), z.literal(365)], {
        error: 'must be one of 7, 14, 30, 60, 90, 180, 365',
      })
      .default(90),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (config.edge.enabled && !config.edge.region) {
      ctx.addIssue({ code: 'custom', path: ['edge', 'region'], message: 'is required when edge.enabled is true: the region the stack deploys to, such as "eu-north-1"' });
    }
    if (config.edge.enabled && config.publicDomain && !config.edge.certificateArn) {
      ctx.addIssue({
        code: 'custom',
        path: ['edge', 'certificateArn'],
        message: `is required when edge.enabled is true and publicDomain is set: an ACM certificate for ${config.publicDomain.name} in us-east-1`,
      });
    }
    const { sender, identity } = config.email;
    const senderDomain = sender.split('@')[1]!.toLowerCase();
    if (identity.includes('@')) {
      if (sender.toLowerCase() !== identity.toLowerCase()) {
        ctx.addIssue({ code: 'custom', path: ['email', 'sender'], message: `must be the identity's address "${identity}" when the identity is an email address` });
      }
    } else if (senderDomain !== identity && !senderDomain.endsWith(`.${identity}`)) {
      ctx.addIssue({ code: 'custom', path: ['email', 'sender'], message: `must be an address at "${identity}" (the email.identity) or one of its subdomains` });
    }
  });

export type DeploymentConfig = z.output<typeof configSchema>;
export type IdentityProviderConfig = NonNullable<DeploymentConfig['auth']['identityProvider']>;

/** A config with its file paths resolved and its directory loaded and validated. */
export interface LoadedConfig extends DeploymentConfig {
  /** Absolute path of the config file. */
  configFile: string;
  /** Absolute path of the directory file (copied into every function bundle). */
  directoryPath: string;
  directory: Directory;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function sentence(issue: z.core.$ZodIssue, data: unknown): string {
  const key = issue.path.length ? issue.path.join('.') : '(the file)';
  let message = issue.message;
  if (issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined) message = 'is required';
  if (issue.code === 'unrecognized_keys') {
    return `${key === '(the file)' ? '' : `${key}: `}unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (a typo?)`;
  }
  return `${key}: ${message}`;
}

/** Validates config data; throws one readable sentence per problem, each naming its key. */
export function parseConfig(data: unknown, source = 'config'): DeploymentConfig {
  const result = configSchema.safeParse(data);
  if (!result.success) {
    throw new Error(`Invalid deployment config ${source}:\n  ${result.error.issues.map((issue) => sentence(issue, data)).join('\n  ')}`);
  }
  return result.data;
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the ${what} ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`The ${what} ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Reads, validates and resolves a config file, and loads and validates the directory it names. */
export function loadConfig(configFile: string, cwd = process.cwd()): LoadedConfig {
  const file = resolve(cwd, configFile);
  const shown = relative(cwd, file) || file;
  const config = parseConfig(readJson(file, 'deployment config'), shown);
  const directoryPath = isAbsolute(config.directoryFile) ? config.directoryFile : resolve(dirname(file), config.directoryFile);
  const directoryData = readJson(directoryPath, `directory (config key "directoryFile" in ${shown})`);
  let directory: Directory;
  try {
    directory = parseDirectory(directoryData, 'directory');
  } catch (error) {
    throw new Error(`${shown}: the directoryFile ${relative(cwd, directoryPath)} is invalid. ${(error as Error).message}`);
  }
  return { ...config, configFile: file, directoryPath, directory };
}
