// The reporter's side on the local stack (DynamoDB Local, its stream → notify, the local SES): only a trusted
// reporter gets the status link and the outcome notice; a question and an answer travel both ways with notice
// emails that carry no text; the 404 pages; a link stops working when its report expires.
import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEmail } from '../../local/ses.ts';
import { signIn, startTestStack, submit, validSubmission, type TestStack } from '../support/local-stack.ts';
import { about, waitForEmails } from './notify-support.ts';

let stack: TestStack;
let sara: string; // a contact of mottagning-norr (serves ekbacken)
const OUT_OF_HOURS_PHONE = '010-100 10 00'; // directory/sample.json, outOfHours.phone

async function call(method: string, path: string, options: { token?: string; body?: unknown } = {}) {
  const response = await fetch(`${stack.url}${path}`, {
    method,
    headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.body ? { 'content-type': 'application/json' } : {}) },
    body: options.body ? JSON.stringify(options.body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, json: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null, text };
}

async function newReport(reporter: string, language: 'sv' | 'en' = 'sv') {
  const response = await submit(stack.url, validSubmission({ reporter: { email: reporter }, language }), { key: randomUUID() });
  expect(response.status).toBe(201);
  return response.json as { id: string; reference: string };
}

const to = (address: string) => (email: StoredEmail) => email.destination.to.includes(address);
const both = (a: (e: StoredEmail) => boolean, b: (e: StoredEmail) => boolean) => (e: StoredEmail) => a(e) && b(e);
const statusLinkIn = (email: StoredEmail) => /\/status\/([A-Za-z0-9_.%-]+)/.exec(email.body.text ?? "")?.[1];
const everything = (email: StoredEmail) => [email.subject, email.body.text, email.body.html ?? ""].join("\n");

beforeAll(async () => {
  stack = await startTestStack();
  sara = await signIn(stack.url, 'sara.lindqvist@ekdala.example');
});
afterAll(async () => {
  await stack?.stop();
});

describe("the reporter's side on the local stack", () => {
  it('an unverified reporter gets no status link and no outcome; once verified by phone, both', async () => {
    const reporter = `unverified-${randomUUID().slice(0, 8)}@example.se`;
    const report = await newReport(reporter);
    const [receipt] = await waitForEmails(stack.sesEndpoint, both(about(report.reference), to(reporter)), 1);
    expect(receipt).toBeDefined();
    expect(statusLinkIn(receipt!)).toBeUndefined();
    expect(receipt!.body.text).toContain(OUT_OF_HOURS_PHONE);

    const view = await call('GET', `/api/cases/${report.id}`, { token: sara });
    expect(view.json.summary).toMatchObject({ reporterTrust: 'untrusted', reporterTrusted: false });
    expect((await call('POST', `/api/cases/${report.id}/questions`, { token: sara, body: { text: 'Vilken klass?' } })).status).toBe(409);

    // Closed while still unverified: no outcome email.
    const closedUnverified = await newReport(`closed-${randomUUID().slice(0, 8)}@example.se`);
    await waitForEmails(stack.sesEndpoint, about(closedUnverified.reference), 3);
    expect((await call('POST', `/api/cases/${closedUnverified.id}/feedback`, { token: sara, body: { outcome: 'investigation-opened' } })).status).toBe(200);

    // Verified by phone: the status link arrives, and later the outcome notice (a notice, not the outcome).
    const verified = await call('POST', `/api/cases/${report.id}/verify-reporter`, { token: sara });
    expect(verified.status).toBe(200);
    expect(verified.json).toMatchObject({ reporterTrust: 'verified-by-team', reporterTrusted: true });
    const [linkEmail] = await waitForEmails(stack.sesEndpoint, both(about(report.reference), (e) => to(reporter)(e) && statusLinkIn(e) !== undefined), 1);
    const token = decodeURIComponent(statusLinkIn(linkEmail!)!);
    expect(token).toMatch(/^k1\./);
    expect((await call('GET', `/api/status/${token}`)).json).toMatchObject({ status: 'received', outcome: null });

    expect((await call('POST', `/api/cases/${report.id}/feedback`, { token: sara, body: { outcome: 'investigation-not-opened', note: 'NOTE-NEVER-SENT' } })).status).toBe(200);
    const reporterEmails = await waitForEmails(stack.sesEndpoint, both(about(report.reference), to(reporter)), 3);
    const outcome = reporterEmails.find((e) => /given feedback|lämnat återkoppling/.test(e.subject))!;
    expect(outcome).toBeDefined();
    expect(everything(outcome)).not.toMatch(/inte inleda|Utredning inleds inte|not open|NOTE-NEVER-SENT/);
    expect((await call('GET', `/api/status/${token}`)).json).toMatchObject({ status: 'closed', outcome: 'investigation-not-opened' });

    // The unverified one's outcome never came (its alerts and receipt did).
    await expect.poll(async () => (await stack.repository.get(closedUnverified.id))?.report.sentEmails.includes('receipt'), { timeout: 15_000 }).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await stack.repository.get(closedUnverified.id))!.report.sentEmails).not.toContain('outcome');
    expect(await waitForEmails(stack.sesEndpoint, about(closedUnverified.reference), 4, 0)).toHaveLength(3);
  });

  it('a question and an answer travel both ways, with notice emails that carry no text', async () => {
    const reporter = `trusted-${randomUUID().slice(0, 8)}@skola.ekdala.example`;
    const report = await newReport(reporter, 'en');
    const [receipt] = await waitForEmails(stack.sesEndpoint, both(about(report.reference), to(reporter)), 1);
    const token = decodeURIComponent(statusLinkIn(receipt!)!);

    const question = 'QUESTION-TEXT: does the pupil have siblings at the school?';
    expect((await call('POST', `/api/cases/${report.id}/questions`, { token: sara, body: { text: question } })).status).toBe(201);
    const [notice] = await waitForEmails(stack.sesEndpoint, both(about(report.reference), (e) => to(reporter)(e) && /question/.test(e.subject)), 1);
    expect(notice).toBeDefined();
    expect(statusLinkIn(notice!)).toBeDefined();
    expect(everything(notice!)).not.toContain('QUESTION-TEXT');
    const status = await call('GET', `/api/status/${token}`);
    expect(status.json.thread).toEqual([{ from: 'team', text: question, at: expect.any(String) }]);
    const page = await (await fetch(`${stack.url}/status/${token}`)).text();
    expect(page).toContain('QUESTION-TEXT');
    expect(page).toContain(`action="/api/status/${encodeURIComponent(token)}/messages"`);

    const answer = await call('POST', `/api/status/${token}/messages`, { body: { text: 'ANSWER-TEXT: yes, a brother in year 2.' } });
    expect(answer.status).toBe(201);
    const teamNotices = await waitForEmails(stack.sesEndpoint, both(about(report.reference), (e) => /Anmälaren har skrivit/.test(e.subject)), 2);
    expect(teamNotices.flatMap((e) => e.destination.to).sort()).toEqual(['johan.ek@ekdala.example', 'sara.lindqvist@ekdala.example']);
    for (const email of teamNotices) {
      expect(email.body.text).toContain(`/cases/${report.id}`);
      expect(everything(email)).not.toContain('ANSWER-TEXT');
    }
    const view = await call('GET', `/api/cases/${report.id}`, { token: sara });
    expect(view.json.report.thread.map((e: { from: string }) => e.from)).toEqual(['team', 'reporter']);

    // Without JavaScript: the page's form post goes back to the page.
    const posted = await fetch(`${stack.url}/api/status/${encodeURIComponent(token)}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ text: 'More, learned later.' }).toString(),
      redirect: 'manual',
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe(`/status/${encodeURIComponent(token)}#thread`);
    const blank = await fetch(`${stack.url}/api/status/${encodeURIComponent(token)}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'text=%E2%80%8B%20',
    });
    expect(blank.status).toBe(400);
    expect(await blank.text()).toContain('aria-invalid="true"');
    expect((await call('POST', `/api/status/${token}/messages`, { body: { text: ' ' } })).json.errors[0].path).toBe('text');

    // Closed: the reporter is told to make a new report.
    await call('POST', `/api/cases/${report.id}/feedback`, { token: sara, body: { outcome: 'already-ongoing' } });
    const refused = await call('POST', `/api/status/${token}/messages`, { body: { text: 'One more thing.' } });
    expect(refused.status).toBe(409);
    expect(refused.json.message).toMatch(/make a new report/);
    expect(await (await fetch(`${stack.url}/status/${token}`)).text()).toContain('make a new concern report');
  });

  it('the HTML 404 page for a bad status link and for every unknown path (Swedish; English under /en)', async () => {
    for (const path of ['/status/not-a-token', '/no/such/page', '/cases/x/y']) {
      const response = await fetch(`${stack.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toContain('text/html');
      expect(await response.text(), path).toContain('<html lang="sv">');
    }
    const english = await fetch(`${stack.url}/en/nothing-here`);
    expect(english.status).toBe(404);
    expect(await english.text()).toContain('Page not found');
    const api = await fetch(`${stack.url}/api/no-such-route`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('json');
  });

  it('a status link stops working when its report expires (the read filters expiresAt)', async () => {
    const reporter = `expiring-${randomUUID().slice(0, 8)}@ekdala.example`;
    const report = await newReport(reporter);
    const [receipt] = await waitForEmails(stack.sesEndpoint, both(about(report.reference), to(reporter)), 1);
    const token = decodeURIComponent(statusLinkIn(receipt!)!);
    expect((await call('GET', `/api/status/${token}`)).status).toBe(200);
    // DynamoDB Local never deletes by TTL: an expiry in the past, still present, must read as gone.
    await stack.documentClient.send(
      new UpdateCommand({
        TableName: stack.tableName,
        Key: { pk: `REPORT#${report.id}`, sk: 'REPORT' },
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 60 },
      }),
    );
    expect((await call('GET', `/api/status/${token}`)).status).toBe(404);
    expect((await fetch(`${stack.url}/status/${token}`)).status).toBe(404);
  });
});
