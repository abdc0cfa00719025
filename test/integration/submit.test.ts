// Submit against DynamoDB Local through the local server: the walking skeleton's promises.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEMS_PER_NEW_REPORT } from '../../core/storage/table.ts';
import { ReportRepository } from '../../core/adapters/dynamodb/report-repository.ts';
import { systemClock } from '../../core/app/ports/clock.ts';
import { loadDirectory } from '../../core/directory/load.ts';
import { fixedDirectorySource } from '../../core/directory/source.ts';
import { buildSubmitHandler } from '../../functions/submit/handler.ts';
import { lambdaContext, toEvent } from '../../local/http-server.ts';
import { freePort } from '../../local/processes.ts';
import { localDocumentClient } from '../support/dynamodb.ts';
import { startTestStack, submit, validSubmission, type TestStack } from '../support/local-stack.ts';

let stack: TestStack;

const itemCount = () => stack.countItems();

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('a valid report', () => {
  it('is stored with its route, deadlines and first audit event, and answered 201 with the reference', async () => {
    const key = randomUUID();
    const response = await submit(stack.url, validSubmission(), { key });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ id: key, status: 'received', reference: expect.stringMatching(/^ORO-\d{4}-/) });
    const stored = await stack.repository.get(key);
    expect(stored?.report).toMatchObject({
      teamId: 'mottagning-norr',
      areaId: 'norr',
      schoolName: 'Ekbackens skola',
      routedToFallback: false,
      acknowledgeBy: response.json.acknowledgeBy,
      feedbackBy: response.json.feedbackBy,
      status: 'received',
    });
    expect(stored?.report.submission.child.firstName).toBe('Elias');
    const audit = await stack.repository.auditTrail(key);
    expect(audit.map((e) => e.action)).toEqual(['submitted']);
  });

  it('from an unknown school goes to the fallback team, flagged', async () => {
    const key = randomUUID();
    const response = await submit(stack.url, validSubmission({ schoolId: 'skolan-som-inte-finns' }), { key });
    expect(response.status).toBe(201);
    const stored = await stack.repository.get(key);
    expect(stored?.report).toMatchObject({ teamId: 'mottagning-central', routedToFallback: true });
  });

  it('sent 20 times at once with one Idempotency-Key gives one report and one reference', async () => {
    const key = randomUUID();
    const before = await itemCount();
    const responses = await Promise.all(Array.from({ length: 20 }, () => submit(stack.url, validSubmission(), { key })));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(responses.map((r) => r.json.reference)).size).toBe(1);
    expect(await itemCount()).toBe(before + ITEMS_PER_NEW_REPORT); // the report, its audit event, its receipt
  });

  it('with a reused key but a different body is a conflict, not a silent overwrite', async () => {
    const key = randomUUID();
    expect((await submit(stack.url, validSubmission(), { key })).status).toBe(201);
    const response = await submit(stack.url, validSubmission({ urgency: 'urgent' }), { key });
    expect(response.status).toBe(409);
  });

  it('a form post that reuses a submission id for another report gets the form again (409), with a fresh id', async () => {
    const key = randomUUID();
    expect((await submit(stack.url, validSubmission(), { key })).status).toBe(201);
    const form = new URLSearchParams({ submissionId: key, language: 'en', schoolId: 'ekbacken', urgency: 'urgent', 'reporter.name': 'Anna Lind', 'reporter.role': 'Teacher', 'reporter.email': 'anna.lind@example.se', 'child.firstName': 'Elias', 'child.lastName': 'Berg', 'concern.categories': 'other', 'concern.description': 'Changed text.', guardiansInformed: 'yes' });
    const response = await fetch(`${stack.url}/api/forms/concern-report/submissions`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page).toContain('Changed text.');
    expect(page).not.toContain(`value="${key}"`);
  });

  it('posted as a plain form (no JavaScript) gets the receipt page', async () => {
    const form = new URLSearchParams({
      submissionId: randomUUID(),
      language: 'en',
      schoolId: 'sodervik',
      urgency: 'urgent',
      'reporter.name': 'Anna Lind',
      'reporter.role': 'School nurse',
      'reporter.email': 'anna.lind@example.se',
      'child.firstName': 'Elias',
      'child.lastName': 'Berg',
      'concern.description': 'Seen today.',
      guardiansInformed: 'no',
      guardiansNotInformedReason: 'Suspected violence at home.',
    });
    form.append('concern.categories', 'violence-or-abuse-suspected');
    form.append('concern.categories', 'home-situation');
    const response = await fetch(`${stack.url}/api/forms/concern-report/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(response.status).toBe(201);
    const page = await response.text();
    expect(page).toContain('Your report has been received');
    expect(page).toMatch(/ORO-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    // A copy to print or save, on the page only (issue 13), with the form's labels and the school's name.
    expect(page).toContain('Print or save a copy');
    expect(page).toContain('Suspected violence at home.');
    expect(page).toContain('Södervik');
    const stored = await stack.repository.get(form.get('submissionId')!);
    expect(stored?.report.submission.concern.categories).toEqual(['violence-or-abuse-suspected', 'home-situation']);
    expect(stored?.report.teamId).toBe('mottagning-syd');
  });
});

describe('bad input gets a clear answer and nothing is written', () => {
  const cases: Array<{ name: string; send: () => Promise<{ status: number; json: any }>; status: number; path: string }> = [
    { name: 'missing field', send: () => submit(stack.url, { ...validSubmission(), reporter: { role: 'x', email: 'a@b.se' } }), status: 400, path: 'reporter.name' },
    { name: 'bad email', send: () => submit(stack.url, validSubmission({ reporter: { email: 'anna.lind@' } })), status: 400, path: 'reporter.email' },
    { name: 'bad check digit', send: () => submit(stack.url, validSubmission({ child: { personalNumber: '20150312-2383' } })), status: 400, path: 'child.personalNumber' },
    { name: 'unknown category', send: () => submit(stack.url, validSubmission({ concern: { categories: ['weather'], description: 'x' } })), status: 400, path: 'concern.categories.0' },
    { name: 'reason missing when guardians not informed', send: () => submit(stack.url, validSubmission({ guardiansInformed: 'no' })), status: 400, path: 'guardiansNotInformedReason' },
    { name: 'malformed JSON', send: () => submit(stack.url, null, { raw: '{"schoolId": "ekbacken",' }), status: 400, path: '' },
    { name: 'wrong content type', send: () => submit(stack.url, null, { raw: 'hello', contentType: 'text/plain' }), status: 415, path: 'Content-Type' },
    { name: 'oversize body', send: () => submit(stack.url, validSubmission({ concern: { categories: ['other'], description: 'x'.repeat(70_000) } })), status: 413, path: '' },
    { name: 'text over its length limit', send: () => submit(stack.url, validSubmission({ concern: { categories: ['other'], description: 'x'.repeat(10_001) } })), status: 400, path: 'concern.description' },
    { name: 'missing Idempotency-Key', send: () => submit(stack.url, validSubmission(), { key: '' }), status: 400, path: 'Idempotency-Key' },
    { name: 'a JSON array instead of an object', send: () => submit(stack.url, null, { raw: '[1,2]' }), status: 400, path: '' },
  ];

  for (const testCase of cases) {
    it(`${testCase.name} → ${testCase.status} naming "${testCase.path || 'the body'}"`, async () => {
      const before = await itemCount();
      const response = await testCase.send();
      expect(response.status).toBe(testCase.status);
      expect(response.json.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: testCase.path, message: expect.any(String) })]));
      expect(await itemCount()).toBe(before);
    });
  }

  it('a form post with errors gets the form again with the messages beside the fields and the typed values kept', async () => {
    const before = await itemCount();
    const form = new URLSearchParams({ submissionId: randomUUID(), language: 'sv', schoolId: 'ekbacken', 'reporter.name': 'Anna <b>Lind</b>', 'reporter.email': 'inte-en-adress' });
    const response = await fetch(`${stack.url}/api/forms/concern-report/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('id="f-reporter-email-error"');
    expect(page).toContain('Din e-postadress: måste vara en giltig e-postadress'); // the schema's message, in the page's language
    expect(page).toContain('value="Anna &lt;b&gt;Lind&lt;/b&gt;"');
    expect(page).toContain(`value="${form.get('submissionId')}"`);
    expect(await itemCount()).toBe(before);
  });
});

describe('an outage', () => {
  it('answers 503 with Retry-After when DynamoDB cannot be reached, and writes nothing', async () => {
    const deadPort = await freePort();
    const client = localDocumentClient(`http://127.0.0.1:${deadPort}`, { maxAttempts: 1 });
    const handler = buildSubmitHandler({
      reports: new ReportRepository({ client, tableName: stack.tableName, retentionDays: 90 }),
      directory: fixedDirectorySource(loadDirectory()),
      clock: systemClock,
    });
    const before = await itemCount();
    const request = { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, httpVersion: '1.1', socket: {} };
    const event = toEvent(request as never, new URL('http://localhost/api/forms/concern-report/submissions'), JSON.stringify(validSubmission()), 'POST /api/forms/concern-report/submissions', {}, null);
    const response = await handler(event as never, lambdaContext('submit'));
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toMatch(/^\d+$/);
    expect(JSON.parse(response.body as string).message).toMatch(/nothing was saved/);
    expect(await itemCount()).toBe(before);
  });
});

describe('the form definition', () => {
  it('serves the JSON Schema of the body, the labels in both languages and the school options', async () => {
    const response = await fetch(`${stack.url}/api/forms/concern-report`);
    expect(response.status).toBe(200);
    const definition = (await response.json()) as any;
    expect(definition.schema.properties.reporter.properties.email.format).toBe('email');
    expect(definition.schema.properties.concern.properties.categories.items.enum).toContain('honour-related');
    expect(definition.texts.sv.fields['child.firstName'].label).toBe('Barnets förnamn');
    expect(definition.texts.en.fields['child.firstName'].label).toBe("Child's first name");
    expect(definition.schools).toContainEqual({ id: 'ekbacken', name: 'Ekbackens skola', areaId: 'norr' });
  });

  it('renders the form page in Swedish and English with a fresh submission id per load', async () => {
    const [sv1, sv2, en] = (await Promise.all([fetch(`${stack.url}/`), fetch(`${stack.url}/`), fetch(`${stack.url}/en`)].map(async (p) => (await p).text()))) as [string, string, string];
    const id = (page: string) => /name="submissionId" value="([^"]+)"/.exec(page)?.[1];
    expect(sv1).toContain('<html lang="sv">');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Call 112');
    expect(id(sv1)).toMatch(/^[0-9a-f-]{36}$/);
    expect(id(sv1)).not.toBe(id(sv2));
  });
});
