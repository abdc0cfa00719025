// The staff API, the reporter's status and the sweep on the local stack (JWT claims from the dev sign-in,
// handed over as API Gateway's JWT authorizer does: the authorizer itself is AWS's and is mocked by the local server).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signStatusToken } from '../../core/domain/status-token.ts';
import { signIn, startTestStack, submit, sweepAt, validSubmission, type TestStack } from '../support/local-stack.ts';

let stack: TestStack;
let ownTeam: string; // a contact of mottagning-norr (serves ekbacken)
let otherTeam: string; // a contact of mottagning-syd
let reportId: string;

async function call(method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(`${stack.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

async function newReport(overrides: Record<string, unknown> = {}): Promise<string> {
  const key = randomUUID();
  const response = await submit(stack.url, validSubmission(overrides), { key });
  expect(response.status).toBe(201);
  return key;
}

beforeAll(async () => {
  stack = await startTestStack();
  ownTeam = await signIn(stack.url, 'sara.lindqvist@ekdala.example');
  otherTeam = await signIn(stack.url, 'maria.holm@ekdala.example');
  reportId = await newReport();
});
afterAll(async () => {
  await stack?.stop();
});

describe('the access matrix: every staff route × anonymous, other team, own team', () => {
  const routes = () => [
    { method: 'GET', path: '/api/cases', own: 200, other: 200 },
    { method: 'GET', path: `/api/cases/${reportId}`, own: 200, other: 404 },
    { method: 'POST', path: `/api/cases/${reportId}/acknowledge`, own: 200, other: 404, body: { protectionAssessment: { result: 'no-immediate-risk' } } },
    { method: 'POST', path: `/api/cases/${reportId}/feedback`, own: 400, other: 404, body: { outcome: 'not-a-choice' } },
    { method: 'POST', path: `/api/cases/${reportId}/assign`, own: 400, other: 404, body: { assignee: 'not-an-email' } },
    { method: 'POST', path: `/api/cases/${reportId}/forward`, own: 400, other: 404, body: { teamId: 'no-such-team', reason: 'x' } },
    { method: 'POST', path: `/api/cases/${reportId}/notes`, own: 400, other: 404, body: { text: '' } },
    { method: 'POST', path: `/api/cases/${reportId}/case-system-ref`, own: 400, other: 404, body: { ref: '' } },
  ];

  it('anonymous callers get 401 everywhere', async () => {
    for (const route of routes()) expect((await call(route.method, route.path, undefined, route.body)).status, route.path).toBe(401);
    expect((await call('GET', '/api/cases', 'not-a-token')).status).toBe(401);
  });

  it("another team's staff get 404 for this report, as for one that does not exist, and do not see it in their list", async () => {
    const missing = await call('GET', `/api/cases/${randomUUID()}`, otherTeam);
    for (const route of routes()) {
      const answer = await call(route.method, route.path, otherTeam, route.body);
      expect(answer.status, route.path).toBe(route.other);
      if (route.other === 404) expect(answer.json, route.path).toEqual(missing.json); // the same words too: nothing tells the two apart
    }
    const list = await call('GET', '/api/cases', otherTeam);
    expect(list.json.cases.map((c: { id: string }) => c.id)).not.toContain(reportId);
  });

  it("the owning team's staff get their answers", async () => {
    for (const route of routes()) expect((await call(route.method, route.path, ownTeam, route.body)).status, route.path).toBe(route.own);
  });

  it('a missing report is 404, and an id with path tricks is 404', async () => {
    expect((await call('GET', `/api/cases/${randomUUID()}`, ownTeam)).status).toBe(404);
    expect((await call('GET', '/api/cases/..%2F..%2Fetc%2Fpasswd', ownTeam)).status).toBe(404);
    // The portal page for a report: a shell for any report id, 404 for anything that cannot be one.
    expect((await fetch(`${stack.url}/cases/${randomUUID()}`)).status).toBe(200);
    expect((await fetch(`${stack.url}/cases/not-a-report`)).status).toBe(404);
  });
});

describe('the team list', () => {
  it('lists the open reports of the caller’s team, nearest deadline first, without the child’s name', async () => {
    const urgent = await newReport({ urgency: 'urgent' });
    const list = await call('GET', '/api/cases?status=open', ownTeam);
    expect(list.status).toBe(200);
    expect(list.json.teams).toEqual([{ id: 'mottagning-norr', name: 'Mottagningsgruppen Norr' }]);
    const ids = list.json.cases.map((c: { id: string }) => c.id);
    expect(ids[0]).toBe(urgent); // 2 hours beats a same-day or next-day deadline
    expect(JSON.stringify(list.json)).not.toContain('Elias');
    expect((await call('GET', '/api/cases?status=everything', ownTeam)).status).toBe(400);
  });
});

describe('acknowledge and feedback', () => {
  it('acknowledging twice is harmless: one audit event, same answer', async () => {
    const id = await newReport();
    // The protection assessment is required with the acknowledgement (DESIGN.md, "Second slice"): 400 without it.
    const without = await call('POST', `/api/cases/${id}/acknowledge`, ownTeam, {});
    expect(without.status).toBe(400);
    expect(without.json.errors[0].path).toBe('protectionAssessment');
    const assessed = { protectionAssessment: { result: 'no-immediate-risk' } };
    const first = await call('POST', `/api/cases/${id}/acknowledge`, ownTeam, assessed);
    const second = await call('POST', `/api/cases/${id}/acknowledge`, ownTeam, assessed);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.json.status).toBe('acknowledged');
    const audit = await stack.repository.auditTrail(id);
    expect(audit.filter((e) => e.action === 'acknowledged')).toHaveLength(1);
    expect(audit.find((e) => e.action === 'acknowledged')?.actor).toEqual({ kind: 'staff', id: 'sara.lindqvist@ekdala.example' });
  });

  it('feedback names a bad outcome, closes the report, stops its reminders and is audited', async () => {
    const id = await newReport();
    const bad = await call('POST', `/api/cases/${id}/feedback`, ownTeam, { outcome: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('outcome');
    const done = await call('POST', `/api/cases/${id}/feedback`, ownTeam, { outcome: 'investigation-not-opened', note: 'Assessed.' });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ status: 'closed', outcome: 'investigation-not-opened' });
    const stored = await stack.repository.get(id);
    expect(stored?.report.nextActionAt).toBeUndefined();
    // Far in the future, the sweep has nothing to do for it.
    await sweepAt(stack.url, new Date(Date.now() + 40 * 86_400_000));
    const after = await stack.repository.get(id);
    expect(after?.report.escalationCount).toBe(0);
    expect(after?.report.reminderSentAt).toBeUndefined();
    const other = await call('POST', `/api/cases/${id}/feedback`, ownTeam, { outcome: 'investigation-opened' });
    expect(other.status).toBe(409);
    const closedList = await call('GET', '/api/cases?status=closed', ownTeam);
    expect(closedList.json.cases.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('viewing a report returns it in full with its audit trail, and the view itself is audited', async () => {
    const id = await newReport();
    const view = await call('GET', `/api/cases/${id}`, ownTeam);
    expect(view.status).toBe(200);
    expect(view.json.report.submission.child.firstName).toBe('Elias');
    const audit = await stack.repository.auditTrail(id);
    expect(audit.map((e) => e.action)).toEqual(['submitted', 'viewed']);
  });
});

describe('the sweep', () => {
  it('two sweeps at the same moment record each escalation once', async () => {
    const id = await newReport();
    const stored = await stack.repository.get(id);
    const late = new Date(new Date(stored!.report.acknowledgeBy).getTime() + 60_000);
    const [a, b] = await Promise.all([sweepAt(stack.url, late), sweepAt(stack.url, late)]);
    const after = await stack.repository.get(id);
    expect(after?.report.escalationCount).toBe(1);
    const escalations = (await stack.repository.auditTrail(id)).filter((e) => e.action === 'escalated');
    expect(escalations).toHaveLength(1);
    expect(a.escalations + b.escalations).toBeGreaterThanOrEqual(1);
  });
});

describe("the reporter's status link", () => {
  it('shows status and outcome only, and refuses altered tokens', async () => {
    const id = await newReport({ language: 'en' });
    const token = signStatusToken(id, 'local-development-status-secret');
    const before = await call('GET', `/api/status/${token}`);
    expect(before.status).toBe(200);
    expect(before.json).toMatchObject({ status: 'received', outcome: null });
    expect(JSON.stringify(before.json)).not.toMatch(/Elias|Berg|anna\.lind|seen or heard/);
    await call('POST', `/api/cases/${id}/feedback`, ownTeam, { outcome: 'already-ongoing' });
    const after = await call('GET', `/api/status/${token}`);
    expect(after.json).toMatchObject({ status: 'closed', outcome: 'already-ongoing' });
    const page = await fetch(`${stack.url}/status/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await page.text()).toContain('An investigation is already ongoing.');
    const altered = token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA');
    expect((await call('GET', `/api/status/${altered}`)).status).toBe(404);
    expect((await call('GET', `/api/status/${signStatusToken(id, 'another-secret-of-enough-length')}`)).status).toBe(404);
  });
});
