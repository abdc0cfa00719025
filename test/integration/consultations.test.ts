// Consultations on the local stack (DynamoDB Local, the local SES, the stream poller feeding notify):
// ask → the named contact's alert → the team's list and answer → the asker's notice and link → "make it a report",
// the report then carrying the consultation's id. A personal identity number is refused with nothing stored; the
// item is keyed CONSULTATION#<id> / CONSULTATION with the figures' attributes on top; an answered consultation
// expires like a closed report. The handlers run in this worker: no log line carries the question, the answer or
// the asker's name, and neither does any email.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signStatusToken } from '../../core/domain/status-token.ts';
import { consultationKey } from '../../core/storage/table.ts';
import type { StoredEmail } from '../../local/ses.ts';
import { signIn, startTestStack, submit, validSubmission, type TestStack } from '../support/local-stack.ts';
import { waitForEmails } from './notify-support.ts';

const marker = randomUUID().slice(0, 8);
const QUESTION = `Frågetext-${marker}: en elev verkar ofta hungrig. Är det skäl för en anmälan?`;
const ANSWER = `Svarstext-${marker}: ja, gör en anmälan.`;
const ASKER = { name: `Frida Frågvis${marker}`, role: `Mentor-${marker}`, email: `asker-${marker}@skola.ekdala.example` };

let stack: TestStack;
const captured: string[] = [];
const originals = { stdout: process.stdout.write, stderr: process.stderr.write };
function capture(stream: NodeJS.WriteStream, original: typeof process.stdout.write) {
  stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof process.stdout.write;
}

beforeAll(async () => {
  capture(process.stdout, originals.stdout);
  capture(process.stderr, originals.stderr);
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
  process.stdout.write = originals.stdout;
  process.stderr.write = originals.stderr;
});

async function call(path: string, init: { method?: string; token?: string; json?: unknown; form?: Record<string, string> } = {}) {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  } else if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  }
  const response = await fetch(`${stack.url}${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
  const text = await response.text();
  let json: any = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // a page
  }
  return { status: response.status, text, json };
}

const ask = (overrides: Record<string, unknown> = {}) => call('/api/consultations', { json: { schoolId: 'norrskolan', reporter: ASKER, question: QUESTION, ...overrides } });

describe('consultation: ask → alert → answer → read → make it a report', () => {
  it('runs the whole flow on the local stack', async () => {
    const started = Date.now();
    // The local SES is shared by the whole run: the alert is the one more than were there before.
    const isAlert = (e: StoredEmail) => e.destination.to.includes('johan.ek@ekdala.example') && e.subject.startsWith('Ny konsultationsfråga');
    const alertsBefore = (await stack.emails()).filter(isAlert).length;
    const asked = await ask();
    expect(asked.status).toBe(201);
    const id: string = asked.json.id;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    // Its own item, with the attributes the figures count by on top.
    const item = (await stack.documentClient.send(new GetCommand({ TableName: stack.tableName, Key: consultationKey(id) }))).Item!;
    expect(item).toMatchObject({ pk: `CONSULTATION#${id}`, sk: 'CONSULTATION', schoolId: 'norrskolan', teamId: 'mottagning-norr', areaId: 'norr' });
    expect(Date.parse(item.askedAt as string)).toBeGreaterThanOrEqual(started - 1000);
    expect(item.expiresAt).toBeUndefined();

    // The school's named contact is alerted with a portal link, and the alert names no question.
    const alert = (await waitForEmails(stack.sesEndpoint, isAlert, alertsBefore + 1))[alertsBefore];
    expect(alert, 'the named contact got no alert').toBeDefined();
    expect(alert!.body.text).toContain('/cases?view=consultations');

    // The school's team sees it; another team neither sees nor answers it.
    const johan = await signIn(stack.url, 'johan.ek@ekdala.example');
    const maria = await signIn(stack.url, 'maria.holm@ekdala.example');
    const open = await call('/api/consultations?status=open', { token: johan });
    expect(open.status).toBe(200);
    expect(open.json.consultations.find((c: { id: string }) => c.id === id)).toMatchObject({ schoolName: 'Norrskolan', question: QUESTION, reporter: ASKER });
    expect((await call('/api/consultations?status=open', { token: maria })).json.consultations.some((c: { id: string }) => c.id === id)).toBe(false);
    expect((await call(`/api/consultations/${id}/answer`, { token: maria, json: { text: 'Nej' } })).status).toBe(404);
    expect((await call('/api/consultations?status=open')).status).toBe(401);

    // An answer naming a child is refused; the answer is given once.
    const refused = await call(`/api/consultations/${id}/answer`, { token: johan, json: { text: 'Gäller det 20150312-2382?' } });
    expect(refused.status).toBe(400);
    expect(refused.json.errors.map((e: { path: string }) => e.path)).toEqual(['text']);
    expect((await call(`/api/consultations/${id}/answer`, { token: johan, json: { text: ANSWER } })).status).toBe(200);
    expect((await call(`/api/consultations/${id}/answer`, { token: johan, json: { text: 'Igen' } })).status).toBe(409);
    expect((await call('/api/consultations?status=open', { token: johan })).json.consultations.some((c: { id: string }) => c.id === id)).toBe(false);

    // The asker's notice carries the signed link, not the answer.
    const [notice] = await waitForEmails(stack.sesEndpoint, (e) => e.destination.to.includes(ASKER.email), 1);
    expect(notice, 'the asker got no notice').toBeDefined();
    const link = /\/consultations\/([^\s"<]+)/.exec(notice!.body.text ?? '')![1]!;
    const read = await call(`/api/consultations/${link}`);
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ id, question: QUESTION, answer: { text: ANSWER }, schoolId: 'norrskolan' });
    const page = await call(`/consultations/${link}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Svarstext-');
    // A status link made for the same id does not open the consultation.
    expect((await call(`/api/consultations/${encodeURIComponent(signStatusToken(id, 'local-development-status-secret'))}`)).status).toBe(404);

    // "Make it a report": a form post (the asker's name and email never in a URL) answering the report form filled
    // in, carrying the consultation's id …
    const makeReport = /<form method="post" action="([^"]*)" data-make-report>([\s\S]*?)<\/form>/.exec(page.text)!;
    expect(makeReport[1]).toBe('/');
    expect(page.text).not.toMatch(/href="[^"]*(consultationId|reporter)/);
    const hidden = Object.fromEntries([...makeReport[2]!.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replaceAll('&amp;', '&')]));
    expect(hidden).toEqual({ schoolId: 'norrskolan', consultationId: id, 'reporter.name': ASKER.name, 'reporter.role': ASKER.role, 'reporter.email': ASKER.email });
    const form = await call(makeReport[1]!, { form: hidden });
    expect(form.status).toBe(200);
    expect(form.text).toContain(`name="consultationId" value="${id}"`);
    expect(form.text).toContain(`value="${ASKER.email}"`);
    expect(form.text).toMatch(/<option value="norrskolan"[^>]* selected>/);
    // … and the report made from it links to it.
    const report = await submit(stack.url, validSubmission({ schoolId: 'norrskolan', reporter: { ...ASKER, phone: '' }, consultationId: id }));
    expect(report.status).toBe(201);
    const stored = await stack.repository.get(report.json.id);
    expect(stored!.report.submission.consultationId).toBe(id);

    // Answered: it expires like a closed report (retention days after the answer), and an expired one is gone.
    const answered = (await stack.documentClient.send(new GetCommand({ TableName: stack.tableName, Key: consultationKey(id) }))).Item!;
    expect(answered.expiresAt).toBeGreaterThan(Date.now() / 1000 + 80 * 86_400);
    await stack.documentClient.send(
      new UpdateCommand({ TableName: stack.tableName, Key: consultationKey(id), UpdateExpression: 'SET expiresAt = :past', ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 1 } }),
    );
    expect((await call(`/api/consultations/${link}`)).status).toBe(404);
    const gone = await call(`/consultations/${link}`);
    expect(gone.status).toBe(404);
    expect(gone.text).toContain('Frågan finns inte');

    // Nothing of the question, the answer or the asker's name in any log line or email.
    const emails = [alert!, notice!];
    for (const secret of [QUESTION, ANSWER, `Frågetext-${marker}`, `Svarstext-${marker}`, ASKER.name, ASKER.role]) {
      expect(captured.join('').includes(secret), `a log line carries "${secret}"`).toBe(false);
      expect(stack.logLines.join('\n').includes(secret)).toBe(false);
      for (const email of emails) expect(`${email.subject}\n${email.body.text}\n${email.body.html}`.includes(secret)).toBe(false);
    }
  });

  it('refuses a personal identity number anywhere (400 naming the field) and stores nothing', async () => {
    const before = (await stack.scanAll()).filter((i) => String(i.pk).startsWith('CONSULTATION#')).length;
    for (const [overrides, path] of [
      [{ question: 'Eleven 150312-2382 är ofta borta.' }, 'question'],
      [{ question: 'Eleven 201503122382 är ofta borta.' }, 'question'],
      [{ reporter: { ...ASKER, name: 'Anna 20150312-2382' } }, 'reporter.name'],
    ] as const) {
      const response = await ask(overrides);
      expect(response.status).toBe(400);
      expect(response.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const missing = await ask({ question: '  ' });
    expect(missing.json.errors).toEqual([{ path: 'question', message: 'is required' }]);
    const after = (await stack.scanAll()).filter((i) => String(i.pk).startsWith('CONSULTATION#')).length;
    expect(after).toBe(before);
  });

  it('works without JavaScript: the form page, a plain post, the sent page, and the form again with the message', async () => {
    const sv = await call('/consultation');
    expect(sv.status).toBe(200);
    expect(sv.text).toContain('action="/api/consultations"');
    expect(sv.text).toContain('Skriv inte barnets namn');
    expect((await call('/en/consultation')).text).toContain('Do not write the child');
    expect((await call('/')).text).toContain('href="/consultation"');

    const fields = { language: 'en', schoolId: 'norrskolan', 'reporter.name': 'Form Asker', 'reporter.role': 'Teacher', 'reporter.email': 'form.asker@skola.ekdala.example', question: 'Is this a case for a report?' };
    const sent = await call('/api/consultations', { form: fields });
    expect(sent.status).toBe(201);
    expect(sent.text).toContain('Your question has been sent');
    const again = await call('/api/consultations', { form: { ...fields, question: 'The pupil 150312-2382 is absent.' } });
    expect(again.status).toBe(400);
    expect(again.text).toContain('href="#c-question"');
    expect(again.text).toContain('contains a personal identity number');
    expect(again.text).toContain('value="Form Asker"');
  });
});

describe('a link the path guard refuses (a slash, a control character, far too long)', () => {
  it('is the HTML 404 page on the page routes, as an unknown link is, and JSON on the API routes', async () => {
    for (const token of ['..%2F..%2Fapi%2Fcases', 'a%00b', 'x'.repeat(600)]) {
      for (const [page, api, heading] of [
        [`/status/${token}`, `/api/status/${token}`, 'Sidan finns inte'],
        [`/consultations/${token}`, `/api/consultations/${token}`, 'Frågan finns inte'],
      ] as const) {
        const refused = await fetch(`${stack.url}${page}`);
        expect(refused.status, page).toBe(404);
        expect(refused.headers.get('content-type'), page).toContain('text/html');
        expect(await refused.text(), page).toContain(heading);
        const fromApi = await fetch(`${stack.url}${api}`);
        expect(fromApi.status, api).toBe(404);
        expect(fromApi.headers.get('content-type'), api).toContain('application/json');
      }
      // The status page's message form, posted without JavaScript, gets the page too; a script's JSON post gets JSON.
      const messages = `${stack.url}/api/status/${token}/messages`;
      const posted = await fetch(messages, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=Hej' });
      expect(posted.status).toBe(404);
      expect(await posted.text()).toContain('Sidan finns inte');
      const sent = await fetch(messages, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"Hej"}' });
      expect(sent.status).toBe(404);
      expect(sent.headers.get('content-type')).toContain('application/json');
    }
  });
});
