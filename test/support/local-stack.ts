// A test file's own copy of the local app: its own table and port, over the run's shared DynamoDB Local
// and SES. The same handlers and local server as `npm start`.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { exampleSubmission } from '../../forms/concern-report/example.ts';
import { ReportRepository } from '../../core/adapters/dynamodb/report-repository.ts';
import { startApp, type LocalApp } from '../../local/app.ts';
import { LOCAL_CREDENTIALS } from '../../local/dynamodb.ts';
import { freePort } from '../../local/processes.ts';
import { mailbox, type StoredEmail } from '../../local/ses.ts';

export interface TestStack extends LocalApp {
  dynamoEndpoint: string;
  sesEndpoint: string;
  documentClient: DynamoDBDocumentClient;
  repository: ReportRepository;
  /** Emails in the local SES (shared by the whole run: filter by recipient or reference). */
  emails: () => Promise<StoredEmail[]>;
  /** Log lines the app printed (the local server's request log). */
  logLines: string[];
}

export async function startTestStack(options: { directoryFile?: string; directoryMaxAgeSeconds?: number } = {}): Promise<TestStack> {
  const dynamoEndpoint = inject('dynamoEndpoint');
  const sesEndpoint = inject('sesEndpoint');
  const logLines: string[] = [];
  const app = await startApp({
    port: await freePort(),
    dynamoEndpoint,
    sesEndpoint,
    tableName: `reports-${randomUUID().slice(0, 8)}`,
    directoryFile: options.directoryFile,
    directoryMaxAgeSeconds: options.directoryMaxAgeSeconds,
    log: (line) => logLines.push(line),
    sweepIntervalMs: 0,
    rateLimit: false, // the rate limit has its own test (test/hostile/abuse.test.ts)
  });
  const documentClient = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: dynamoEndpoint, region: 'eu-north-1', credentials: LOCAL_CREDENTIALS }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  return {
    ...app,
    dynamoEndpoint,
    sesEndpoint,
    documentClient,
    repository: new ReportRepository({ client: documentClient, tableName: app.tableName, retentionDays: 90 }),
    emails: () => mailbox(sesEndpoint),
    logLines,
    stop: async () => {
      await app.stop();
      documentClient.destroy();
    },
  };
}

/** A valid submission body (the design's example), with overrides merged one level deep. */
export function validSubmission(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base = exampleSubmission() as Record<string, Record<string, unknown> | string>;
  for (const [key, value] of Object.entries(overrides)) {
    const current = base[key];
    base[key] =
      typeof value === 'object' && value !== null && !Array.isArray(value) && typeof current === 'object'
        ? { ...current, ...(value as Record<string, unknown>) }
        : (value as string);
  }
  return base;
}

/** A bearer token from the local dev sign-in for a directory contact. */
export async function signIn(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** Runs one reminder sweep at `now` through the local dev route. */
export async function sweepAt(url: string, now: Date): Promise<any> {
  const response = await fetch(`${url}/dev/sweep`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: now.toISOString() }) });
  return response.json();
}

export async function submit(
  url: string,
  body: unknown,
  options: { key?: string; contentType?: string; raw?: string } = {},
): Promise<{ status: number; json: any; headers: Headers }> {
  const response = await fetch(`${url}/api/forms/concern-report/submissions`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/json',
      ...(options.key === '' ? {} : { 'idempotency-key': options.key ?? randomUUID() }),
    },
    body: options.raw ?? JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // an HTML page
  }
  return { status: response.status, json, headers: response.headers };
}
