// Helpers of the hostile tests: an app with the options they need (rate limit, own services), raw HTTP from a
// chosen loopback address, counting what the table holds, capturing what the process logs, waiting.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { inject } from 'vitest';
import { ReportRepository } from '../../core/adapters/dynamodb/report-repository.ts';
import type { Throttle } from '../../core/http/throttling.ts';
import { startApp, type LocalApp } from '../../local/app.ts';
import { LOCAL_CREDENTIALS } from '../../local/dynamodb.ts';
import { freePort } from '../../local/processes.ts';
import { mailbox, type StoredEmail } from '../../local/ses.ts';

export const SUBMIT_PATH = '/api/forms/concern-report/submissions';

export interface HostileStack extends LocalApp {
  port: number;
  dynamoEndpoint: string;
  sesEndpoint: string;
  documentClient: DynamoDBDocumentClient;
  repository: ReportRepository;
  /** The local server's request log. */
  logLines: string[];
  emails: () => Promise<StoredEmail[]>;
  /** Items in this app's table (reports and audit events), read consistently. */
  countItems: () => Promise<number>;
  /** Every item in this app's table. */
  scanAll: () => Promise<Array<Record<string, unknown>>>;
}

export interface HostileStackOptions {
  rateLimit?: Throttle | false;
  dynamoEndpoint?: string;
  sesEndpoint?: string;
  port?: number;
  tableName?: string;
}

export function tableClient(endpoint: string): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint, region: 'eu-north-1', credentials: LOCAL_CREDENTIALS, maxAttempts: 2 }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
}

export async function scanTable(client: DynamoDBDocumentClient, tableName: string): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

export async function countTable(client: DynamoDBDocumentClient, tableName: string): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, Select: 'COUNT', ConsistentRead: true, ExclusiveStartKey: start }));
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

export async function startHostileStack(options: HostileStackOptions = {}): Promise<HostileStack> {
  const dynamoEndpoint = options.dynamoEndpoint ?? inject('dynamoEndpoint');
  const sesEndpoint = options.sesEndpoint ?? inject('sesEndpoint');
  const port = options.port ?? (await freePort());
  const logLines: string[] = [];
  const app = await startApp({
    port,
    dynamoEndpoint,
    sesEndpoint,
    tableName: options.tableName ?? `hostile-${randomUUID().slice(0, 8)}`,
    log: (line) => logLines.push(line),
    sweepIntervalMs: 0,
    rateLimit: options.rateLimit ?? false,
  });
  const documentClient = tableClient(dynamoEndpoint);
  return {
    ...app,
    port,
    dynamoEndpoint,
    sesEndpoint,
    documentClient,
    repository: new ReportRepository({ client: documentClient, tableName: app.tableName, retentionDays: 90 }),
    logLines,
    emails: () => mailbox(sesEndpoint),
    countItems: () => countTable(documentClient, app.tableName),
    scanAll: () => scanTable(documentClient, app.tableName),
    stop: async () => {
      await app.stop();
      documentClient.destroy();
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/**
 * One HTTP request with node:http: any method, raw path (nothing normalised), raw headers, and a chosen local
 * address (127.0.0.x), so a test can be several clients at once.
 */
export function rawRequest(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; localAddress?: string },
): Promise<RawResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        localAddress: options.localAddress,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error('request timed out')));
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** POSTs a JSON submission with an Idempotency-Key (a new one unless given). */
export function postSubmission(
  url: string,
  body: unknown,
  options: { key?: string; headers?: Record<string, string>; localAddress?: string; raw?: string; contentType?: string } = {},
): Promise<RawResponse> {
  const payload = options.raw ?? JSON.stringify(body);
  return rawRequest(url, {
    method: 'POST',
    path: SUBMIT_PATH,
    headers: {
      'content-type': options.contentType ?? 'application/json',
      ...(options.key === '' ? {} : { 'idempotency-key': options.key ?? randomUUID() }),
      'content-length': String(Buffer.byteLength(payload)),
      ...options.headers,
    },
    body: payload,
    localAddress: options.localAddress,
  });
}

/** POSTs a urlencoded form, as the page does without JavaScript. */
export function postForm(url: string, form: URLSearchParams, options: { localAddress?: string } = {}): Promise<RawResponse> {
  const payload = form.toString();
  return rawRequest(url, {
    method: 'POST',
    path: SUBMIT_PATH,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(payload)) },
    body: payload,
    localAddress: options.localAddress,
  });
}

export interface OutputCapture {
  /** Every chunk written to stdout or stderr since the capture started. */
  text: () => string;
  /** The lines that parse as JSON (the structured logger's lines). */
  jsonLines: () => Array<Record<string, unknown>>;
  stop: () => void;
}

/** Captures what this process writes to stdout and stderr (the logger writes there), passing it through unless quiet. */
export function captureOutput(options: { quiet?: boolean } = {}): OutputCapture {
  const chunks: string[] = [];
  const originals = { out: process.stdout.write, err: process.stderr.write };
  const wrap = (original: typeof process.stdout.write, stream: NodeJS.WriteStream) =>
    function (this: unknown, chunk: unknown, ...rest: unknown[]): boolean {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      if (options.quiet) {
        const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
        callback?.();
        return true;
      }
      return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
    } as typeof process.stdout.write;
  process.stdout.write = wrap(originals.out, process.stdout);
  process.stderr.write = wrap(originals.err, process.stderr);
  return {
    text: () => chunks.join(''),
    jsonLines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .flatMap((l) => {
          try {
            return [JSON.parse(l) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
    stop: () => {
      process.stdout.write = originals.out;
      process.stderr.write = originals.err;
    },
  };
}

export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 30_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
