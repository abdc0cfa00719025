// A test file's own copy of the local app: its own table and port, over the run's shared DynamoDB Local
// and SES. The same handlers and local server as `npm start`.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { ReportRepository } from '../../core/adapters/dynamodb/report-repository.ts';
import type { Throttle } from '../../core/http/throttling.ts';
import { startApp, type LocalApp } from '../../local/app.ts';
import { freePort } from '../../local/processes.ts';
import { mailbox, type StoredEmail } from '../../local/ses.ts';
import { countTable, localDocumentClient, scanTable } from './dynamodb.ts';

export interface TestStack extends LocalApp {
  port: number;
  dynamoEndpoint: string;
  sesEndpoint: string;
  documentClient: DynamoDBDocumentClient;
  repository: ReportRepository;
  /** Emails in the local SES (shared by the whole run: filter by recipient or reference). */
  emails: () => Promise<StoredEmail[]>;
  /** Log lines the app printed (the local server's request log). */
  logLines: string[];
  /** Items in this app's table (reports and audit events), read consistently. */
  countItems: () => Promise<number>;
  /** Every item in this app's table. */
  scanAll: () => Promise<Array<Record<string, unknown>>>;
}

export interface TestStackOptions {
  directoryFile?: string;
  /** Off by default: the rate limit has its own test (test/hostile/abuse.test.ts). */
  rateLimit?: Throttle | false;
  /** The run's shared DynamoDB Local and SES unless a test brings its own (to stop them). */
  dynamoEndpoint?: string;
  sesEndpoint?: string;
  port?: number;
  tableName?: string;
  /** How old the directory read by the functions may be (the cache), seconds; at most 60. */
  directoryMaxAgeSeconds?: number;
  /** Notify indexes children for the earlier-reports lookup (off by default: its items change the table's item counts). */
  earlierReports?: boolean;
}

/** The one starter of a test's own local app: its own table and port, the same handlers and server as `npm start`. */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const dynamoEndpoint = options.dynamoEndpoint ?? inject('dynamoEndpoint');
  const sesEndpoint = options.sesEndpoint ?? inject('sesEndpoint');
  const port = options.port ?? (await freePort());
  const logLines: string[] = [];
  const app = await startApp({
    port,
    dynamoEndpoint,
    sesEndpoint,
    tableName: options.tableName ?? `reports-${randomUUID().slice(0, 8)}`,
    directoryFile: options.directoryFile,
    directoryMaxAgeSeconds: options.directoryMaxAgeSeconds,
    ...(options.earlierReports ? { childMatchSecret: 'test-child-match-secret-of-length' } : {}),
    log: (line) => logLines.push(line),
    sweepIntervalMs: 0,
    rateLimit: options.rateLimit ?? false,
  });
  // Two attempts: a test that stops DynamoDB sees it at once, not after the SDK's backoff.
  const documentClient = localDocumentClient(dynamoEndpoint, { maxAttempts: 2 });
  return {
    ...app,
    port,
    dynamoEndpoint,
    sesEndpoint,
    documentClient,
    repository: new ReportRepository({ client: documentClient, tableName: app.tableName, retentionDays: 90 }),
    emails: () => mailbox(sesEndpoint),
    logLines,
    countItems: () => countTable(documentClient, app.tableName),
    scanAll: () => scanTable(documentClient, app.tableName),
    stop: async () => {
      await app.stop();
      documentClient.destroy();
    },
  };
}

export { validSubmission } from './submission.ts';


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
