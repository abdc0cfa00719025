// Helpers of the hostile tests: an app with the options they need (rate limit, own services), raw HTTP from a
// chosen loopback address, counting what the table holds, capturing what the process logs, waiting.
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { countTable, localDocumentClient, scanTable } from './dynamodb.ts';
import { startTestStack, type TestStack, type TestStackOptions } from './local-stack.ts';

export const SUBMIT_PATH = '/api/forms/concern-report/submissions';

// The hostile tests' app is the one test stack (test/support/local-stack.ts), in a table of its own name.
export type HostileStack = TestStack;
export type HostileStackOptions = Omit<TestStackOptions, 'directoryFile'>;

/** A document client for a DynamoDB Local endpoint (two attempts: outages show at once). */
export const tableClient = (endpoint: string) => localDocumentClient(endpoint, { maxAttempts: 2 });
export { countTable, scanTable };

export function startHostileStack(options: HostileStackOptions = {}): Promise<HostileStack> {
  return startTestStack({ tableName: `hostile-${randomUUID().slice(0, 8)}`, ...options });
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
