// Property-based tests of the public submit endpoint, through the local server on DynamoDB Local. Whatever is
// sent (mutated bodies, random JSON, random headers and content types, form posts, Unicode of every kind):
//   - the answer is never a 5xx;
//   - a refused body leaves nothing in the table (counted with a Scan);
//   - an accepted body reads back exactly as the form's schema parsed it (trimmed, defaults filled in).
// The oracle is the schema itself, so the test knows in advance which answer each input must get.
import { ITEMS_PER_NEW_REPORT } from '../../core/storage/table.ts';
import { MAX_HEADER_BYTES } from '../../local/http-server.ts';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formToObject } from '../../core/http/form-data.ts';
import { logger } from '../../core/observability/logger.ts';
import { concernReportSchema, MAX_BODY_BYTES } from '../../forms/concern-report/schema.ts';
import { newFigures, recordFigures } from '../support/hostile-figures.ts';
import {
  contentType,
  extraHeaders,
  formFields,
  idempotencyKey,
  mutate,
  mutation,
  plausibleBody,
  SPECIAL_TEXTS,
} from '../support/hostile-inputs.ts';
import { postSubmission, rawRequest, startHostileStack, SUBMIT_PATH, type HostileStack, type RawResponse } from '../support/hostile-stack.ts';
import { validSubmission } from '../support/local-stack.ts';

const figures = newFigures();
const accepted = new Map<string, string>(); // report id → reference
let stack: HostileStack;
let items = 0; // items the table must hold: the seeded directory's, then those of each accepted report

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
// Bounded runs keep the suite fast; FC_RUNS raises them for a longer hunt, FC_SEED replays a failure.
const RUNS = Number(process.env.FC_RUNS ?? 1);
const seed = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {};
const runs = (n: number) => ({ numRuns: Math.round(n * RUNS), ...seed });

beforeAll(async () => {
  stack = await startHostileStack();
  items = await stack.countItems(); // the directory's first version and its pointer, seeded at startup
  logger.setLogLevel('WARN'); // hundreds of "report created" lines say nothing here
});
afterAll(async () => {
  logger.setLogLevel('INFO');
  // Every accepted report is stored once, nothing else is.
  const all = await stack.scanAll();
  const reports = all.filter((item) => item.sk === 'REPORT');
  for (const [id, reference] of accepted) {
    const found = reports.filter((item) => item.id === id);
    if (found.length === 1 && found[0]!.reference === reference) figures.reportsFound++;
  }
  await stack?.stop();
  figures.notes = { 'reports in table': reports.length };
  await recordFigures('property', figures);
  expect(reports.length).toBe(accepted.size);
  expect(figures.reportsFound).toBe(figures.reportsAccepted);
});

/** What the server must answer: derived from the schema, the size limit, the key and the honeypot. */
function expectation(kind: 'json' | 'form', text: string, key: string | undefined): { status: number; parsed?: unknown } {
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return { status: 413 };
  let value: unknown;
  if (kind === 'form') value = formToObject(text);
  else {
    try {
      value = JSON.parse(text);
    } catch {
      return { status: 400 };
    }
  }
  const body = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const { submissionId, website, ...fields } = body;
  if (website !== undefined && website !== null && String(website).trim() !== '') return { status: 201 }; // the honeypot's decoy
  const id = key ?? (kind === 'form' ? String(submissionId ?? '') : undefined);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { status: 400 };
  const parsed = concernReportSchema.safeParse(fields);
  if (!parsed.success || !id || !UUID.test(id)) return { status: 400 };
  return { status: 201, parsed: parsed.data };
}

/** Checks one answer against the expectation and the table; counts what it saw. */
async function check(response: RawResponse, expected: { status: number; parsed?: unknown }, key: string | undefined, what: string): Promise<void> {
  figures.inputsTried++;
  if (response.status >= 500) figures.errors++;
  expect(response.status, `${what}: never a server error (${response.text.slice(0, 200)})`).toBeLessThan(500);
  expect(response.status, `${what}: ${response.text.slice(0, 300)}`).toBe(expected.status);
  expect(({} as Record<string, unknown>).polluted, 'no prototype pollution').toBeUndefined();
  if (response.status === 201 && expected.parsed) {
    const id = key!.toLowerCase();
    const stored = await stack.repository.get(id);
    expect(stored, `${what}: an accepted report is stored`).not.toBeNull();
    expect(stored!.report.submission, `${what}: read back as the schema parsed it`).toEqual(expected.parsed);
    const reference = response.json?.reference ?? /ORO-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(response.text)?.[0];
    expect(reference).toBe(stored!.report.reference);
    if (!accepted.has(id)) {
      accepted.set(id, reference);
      figures.reportsAccepted++;
      items += ITEMS_PER_NEW_REPORT;
    }
  }
  // Nothing half-written and nothing written for a refusal: the table holds exactly the accepted reports.
  if (response.status !== 201 || !expected.parsed) expect(await stack.countItems(), `${what}: nothing stored`).toBe(items);
}

describe('submit never breaks, never stores a refused body, and stores an accepted one exactly', () => {
  it('plausible bodies with Unicode everywhere (Swedish, right-to-left, emoji, zero-width, long lines)', async () => {
    await fc.assert(
      fc.asyncProperty(plausibleBody, async (body) => {
        const key = randomUUID();
        const text = JSON.stringify(body);
        const response = await postSubmission(stack.url, null, { key, raw: text });
        await check(response, expectation('json', text, key), key, 'plausible body');
      }),
      runs(150),
    );
  });

  it('a valid body mutated: fields of the wrong type, missing, nested, replaced, prototype keys', async () => {
    await fc.assert(
      fc.asyncProperty(plausibleBody, fc.array(mutation, { minLength: 1, maxLength: 3 }), async (body, mutations) => {
        const key = randomUUID();
        const text = JSON.stringify(mutate(body, mutations)) ?? 'null';
        const response = await postSubmission(stack.url, null, { key, raw: text });
        await check(response, expectation('json', text, key), key, `mutations ${JSON.stringify(mutations).slice(0, 300)}`);
      }),
      runs(200),
    );
  });

  it('random headers, content types and idempotency keys', async () => {
    await fc.assert(
      fc.asyncProperty(fc.option(plausibleBody, { nil: undefined }), contentType, idempotencyKey, extraHeaders, async (body, type, key, headers) => {
        const text = JSON.stringify(body ?? validSubmission());
        const sent: Record<string, string> = { ...headers, 'content-length': String(Buffer.byteLength(text)) };
        if (type !== undefined) sent['content-type'] = type;
        if (key !== undefined) sent['idempotency-key'] = key;
        // Headers over API Gateway's 10 KB are refused before any function runs (431), here as in AWS.
        const headerBytes = Object.entries(sent).reduce((sum, [name, value]) => sum + name.length + Buffer.byteLength(value) + 4, 0);
        // Near the limit the request line and default headers decide: leave that narrow band out.
        fc.pre(headerBytes < MAX_HEADER_BYTES - 1024 || headerBytes > MAX_HEADER_BYTES + 512);
        const response = await rawRequest(stack.url, { method: 'POST', path: SUBMIT_PATH, headers: sent, body: text });
        const normalised = (type ?? '').split(';')[0]!.trim().toLowerCase();
        const kind = normalised === 'application/json' ? 'json' : normalised === 'application/x-www-form-urlencoded' ? 'form' : undefined;
        const expected = headerBytes > MAX_HEADER_BYTES ? { status: 431 } : kind ? expectation(kind, text, key) : { status: 415 };
        await check(response, expected, key, `content type ${JSON.stringify(type)}, key ${JSON.stringify(key?.slice(0, 60))}`);
      }),
      runs(120),
    );
  });

  it('random urlencoded form posts (the page without JavaScript)', async () => {
    await fc.assert(
      fc.asyncProperty(formFields, fc.boolean(), async (fields, withId) => {
        const form = new URLSearchParams(fields);
        const id = randomUUID();
        if (withId) form.set('submissionId', id);
        const text = form.toString();
        const response = await rawRequest(stack.url, {
          method: 'POST',
          path: SUBMIT_PATH,
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(text)) },
          body: text,
        });
        const expected = expectation('form', text, undefined);
        await check(response, expected, form.get('submissionId') ?? undefined, `form ${text.slice(0, 200)}`);
        if (response.status === 400) expect(response.headers['content-type']).toMatch(/^text\/html/);
      }),
      runs(80),
    );
  });

  it('every special text in every free-text field at once is stored and read back exactly', async () => {
    for (const special of SPECIAL_TEXTS.filter((t) => t.trim() !== '')) {
      const body = validSubmission({
        reporter: { name: special, role: special },
        child: { firstName: special, lastName: special, grade: special.slice(0, 20) },
        concern: { categories: ['other'], description: special, childsOwnWords: special, actionsTaken: special },
        guardiansInformed: 'no',
        guardiansNotInformedReason: special,
      });
      const key = randomUUID();
      const text = JSON.stringify(body);
      await check(await postSubmission(stack.url, null, { key, raw: text }), expectation('json', text, key), key, `special ${JSON.stringify(special)}`);
    }
  });

  it('bodies at and just over the size limit, and pathological JSON', async () => {
    const key = () => randomUUID();
    const near = (bytes: number) => {
      const body = validSubmission();
      const base = Buffer.byteLength(JSON.stringify(body));
      (body.concern as Record<string, unknown>).childsOwnWords = 'x'.repeat(Math.max(0, bytes - base - 20));
      return JSON.stringify(body);
    };
    const texts = [
      near(MAX_BODY_BYTES - 100),
      near(MAX_BODY_BYTES + 100),
      '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000), // deep nesting
      '[' + '1,'.repeat(20_000) + '1]',
      '{"schoolId":"ekbacken","schoolId":"ekbacken"}',
      '\ufeff' + JSON.stringify(validSubmission()), // a byte order mark before the JSON
      JSON.stringify(validSubmission()).replace('"normal"', '"norm\\u0000al"'),
      '',
      'null',
      '"just a string"',
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    ];
    for (const text of texts) {
      const k = key();
      await check(await postSubmission(stack.url, null, { key: k, raw: text }), expectation('json', text, k), k, `pathological ${text.slice(0, 60)}`);
    }
  });
});
