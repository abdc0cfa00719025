// Team work on the local stack (issue 12): forward a fallback-team report (the old team gets 404, the new team
// sees it and is alerted by email), take and give (the assignee's notice), the protection assessment's lead
// alert, notes. The JWT authorizer is AWS's and is mocked by the local server's dev sign-in.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestStack, submit, validSubmission, type TestStack } from '../support/local-stack.ts';
import { about, recipients, uniqueReporter, waitForEmails } from './notify-support.ts';

let stack: TestStack;
const token: Record<string, string> = {};
const people = {
  lina: 'lina.berg@ekdala.example', // the fallback team (mottagning-central)
  sara: 'sara.lindqvist@ekdala.example', // mottagning-norr
  johan: 'johan.ek@ekdala.example', // mottagning-norr
  karin: 'karin.norberg@ekdala.example', // mottagning-norr's lead
  alva: 'alva.admin@ekdala.example', // an administrator, in no team
};

async function call(method: string, path: string, who: keyof typeof people, body?: unknown) {
  const response = await fetch(`${stack.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token[who]}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

async function newReport(overrides: Record<string, unknown> = {}) {
  const response = await submit(stack.url, validSubmission({ reporter: { email: uniqueReporter() }, ...overrides }), { key: randomUUID() });
  expect(response.status).toBe(201);
  return response.json as { id: string; reference: string; acknowledgeBy: string; feedbackBy: string };
}

beforeAll(async () => {
  stack = await startTestStack({ earlierReports: true });
  for (const [who, email] of Object.entries(people)) token[who] = await signIn(stack.url, email);
});
afterAll(async () => {
  await stack?.stop();
});

describe('forward', () => {
  it('a fallback-team report forwarded to the right team: the old team gets 404, the new one sees it and is alerted', async () => {
    const report = await newReport({ schoolId: 'a-school-not-in-the-directory' });
    const before = await call('GET', `/api/cases/${report.id}`, 'lina');
    expect(before.status).toBe(200);
    expect(before.json.report).toMatchObject({ teamId: 'mottagning-central', routedToFallback: true });

    const forwarded = await call('POST', `/api/cases/${report.id}/forward`, 'lina', { teamId: 'mottagning-norr', reason: 'Eleven går på Ekbackens skola' });
    expect(forwarded.status).toBe(200);
    expect(forwarded.json).toEqual({ id: report.id, teamId: 'mottagning-norr', teamName: 'Mottagningsgruppen Norr' });

    expect((await call('GET', `/api/cases/${report.id}`, 'lina')).status).toBe(404);
    expect((await call('GET', '/api/cases', 'lina')).json.cases.map((c: { id: string }) => c.id)).not.toContain(report.id);
    const seen = await call('GET', `/api/cases/${report.id}`, 'sara');
    expect(seen.status).toBe(200);
    expect(seen.json.report).toMatchObject({ teamId: 'mottagning-norr', acknowledgeBy: report.acknowledgeBy, feedbackBy: report.feedbackBy });
    expect((await call('GET', '/api/cases', 'sara')).json.cases.map((c: { id: string }) => c.id)).toContain(report.id);
    const audit = seen.json.audit.find((e: { action: string }) => e.action === 'forwarded');
    expect(audit).toMatchObject({ actor: { kind: 'staff', id: people.lina }, detail: { fromTeamId: 'mottagning-central', toTeamId: 'mottagning-norr' } });

    const alerts = await waitForEmails(stack.sesEndpoint, (e) => about(report.reference)(e) && e.subject.startsWith('Vidarebefordrad'), 2);
    expect(recipients(alerts)).toEqual([people.johan, people.sara].sort());
    for (const email of alerts) expect(`${email.subject}${email.body.text}`).not.toMatch(/Elias|Berg|Ekbackens skola/);
  });
});

describe('take, give, assess, note', () => {
  it('a member takes it, the lead gives it to a colleague who gets a notice; an immediate-protection assessment alerts the lead', async () => {
    const report = await newReport();
    expect((await call('POST', `/api/cases/${report.id}/assign`, 'sara', { assignee: people.sara })).status).toBe(200);
    expect((await call('POST', `/api/cases/${report.id}/assign`, 'johan', { assignee: people.johan })).status).toBe(403);
    expect((await call('POST', `/api/cases/${report.id}/assign`, 'karin', { assignee: people.johan })).status).toBe(200);
    const given = await waitForEmails(stack.sesEndpoint, (e) => about(report.reference)(e) && e.subject.startsWith('Du har fått'), 1);
    expect(recipients(given)).toEqual([people.johan]);

    const note = await call('POST', `/api/cases/${report.id}/notes`, 'johan', { text: 'Ringde mentorn' });
    expect(note.status).toBe(201);
    expect(note.json.notes.map((n: { text: string }) => n.text)).toEqual(['Ringde mentorn']);

    const noAssessment = await call('POST', `/api/cases/${report.id}/acknowledge`, 'johan', {});
    expect(noAssessment.status).toBe(400);
    const acknowledged = await call('POST', `/api/cases/${report.id}/acknowledge`, 'johan', { protectionAssessment: { result: 'immediate-protection-needed' } });
    expect(acknowledged.status).toBe(200);
    const lead = await waitForEmails(stack.sesEndpoint, (e) => about(report.reference)(e) && e.subject.startsWith('AKUT SKYDDSBEHOV'), 1);
    expect(recipients(lead)).toEqual([people.karin]);

    const view = await call('GET', `/api/cases/${report.id}`, 'johan');
    expect(view.json).toMatchObject({ assignee: { email: people.johan, by: people.karin }, protectionAssessment: { result: 'immediate-protection-needed' } });
    expect(view.json.notes).toHaveLength(1);
  });
});

describe('earlier reports about the same child', () => {
  it('notify indexes each new report; the second report about the child lists the first, and the lookup is audited', async () => {
    const child = { firstName: 'Tidigare', lastName: `Barnsson${randomUUID().slice(0, 4)}`, personalNumber: '20150312-2382', birthDate: '2015-03-12' };
    const first = await newReport({ child });
    const second = await newReport({ child: { ...child, firstName: 'TIDIGARE' } });
    // Indexing is notify's (the stream consumer): wait until the second report's keys are there.
    let view = await call('GET', `/api/cases/${second.id}`, 'sara');
    for (let i = 0; i < 50 && view.json.earlierReports.every((r: { reference: string }) => r.reference !== first.reference); i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      view = await call('GET', `/api/cases/${second.id}`, 'sara');
    }
    expect(view.json.earlierReports).toContainEqual(expect.objectContaining({ id: first.id, reference: first.reference, matchedBy: 'personal-number', possible: false }));
    expect(view.json.audit.map((e: { action: string }) => e.action)).toContain('earlier-reports-looked-up');
    expect(JSON.stringify(view.json.report)).not.toContain('childMatchKeys');
  });
});

describe('who am I', () => {
  it('GET /api/me answers the teams, the lead flag and the administrator flag from the directory; no token, 401', async () => {
    const karin = await call('GET', '/api/me', 'karin');
    expect(karin.status).toBe(200);
    expect(karin.json).toMatchObject({ email: people.karin, administrator: false, teams: [{ id: 'mottagning-norr', lead: true }] });
    expect((await call('GET', '/api/me', 'sara')).json.teams[0].lead).toBe(false);
    const alva = await call('GET', '/api/me', 'alva');
    expect(alva.status).toBe(200);
    expect(alva.json).toMatchObject({ administrator: true, teams: [] });
    expect((await fetch(`${stack.url}/api/me`)).status).toBe(401);
  });
});

