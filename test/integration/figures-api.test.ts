// The figures on the local stack: reports submitted over HTTP are counted by the stream's second reader
// (functions/stats-counter, its own poller), and read through GET /api/stats, .csv and .html by leads (their
// teams) and administrators (all); small counts are null. The JWT authorizer is AWS's and is mocked by the local
// server (the dev sign-in's claims), as in the other staff tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '../../core/domain/figures.ts';
import { signIn, startTestStack, submit, validSubmission, type TestStack } from '../support/local-stack.ts';

let stack: TestStack;
const month = monthOf(new Date());
const period = `from=${month}&to=${month}`;

async function call(path: string, token?: string) {
  const response = await fetch(`${stack.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

/** The rows once the counter has counted the six reports at ekbacken (and, where the caller sees it, sodervik's). */
async function untilCounted(token: string, withSouth: boolean): Promise<Array<Record<string, unknown>>> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const rows = JSON.parse((await call(`/api/stats?${period}`, token)).text).rows as Array<Record<string, unknown>>;
    const north = rows.find((row) => row.schoolId === 'ekbacken')?.reports === 6;
    const south = rows.some((row) => row.schoolId === 'sodervik');
    if ((north && south === withSouth) || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  stack = await startTestStack();
  for (let i = 0; i < 6; i++) expect((await submit(stack.url, validSubmission({ schoolId: 'ekbacken' }))).status).toBe(201);
  for (let i = 0; i < 2; i++) expect((await submit(stack.url, validSubmission({ schoolId: 'sodervik' }))).status).toBe(201);
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

describe('GET /api/stats', () => {
  it('an administrator reads every team; a count from 1 to 4 is null, never the number', async () => {
    const admin = await signIn(stack.url, 'alva.admin@ekdala.example');
    const rows = await untilCounted(admin, true);
    const norr = rows.find((r) => r.schoolId === 'ekbacken')!;
    expect(norr).toMatchObject({ month, teamId: 'mottagning-norr', areaId: 'norr', reports: 6, urgent: 0, feedbackInTime: 0, consultations: 0 });
    const syd = rows.find((r) => r.schoolId === 'sodervik')!;
    expect(syd).toMatchObject({ teamId: 'mottagning-syd', reports: null });
    expect(Object.keys(norr).sort()).toEqual(
      ['month', 'teamId', 'areaId', 'schoolId', 'reports', 'urgent', 'acknowledgedInTime', 'medianHoursToAcknowledge', 'feedbackInTime', 'feedbackLate', 'forwarded', 'openOverdue', 'escalations', 'consultations'].sort(),
    );
  });

  it("a lead reads only their teams' rows; a team contact is refused; without a token 401", async () => {
    const lead = await signIn(stack.url, 'karin.norberg@ekdala.example');
    const rows = await untilCounted(lead, false);
    expect(rows.map((r) => r.teamId)).toEqual(['mottagning-norr']);
    const contact = await signIn(stack.url, 'sara.lindqvist@ekdala.example');
    const refused = await call(`/api/stats?${period}`, contact);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text).message).toMatch(/lead|administrator/);
    expect((await call(`/api/stats?${period}`)).status).toBe(401);
  });

  it('a wrong month is a 400 that names the field', async () => {
    const admin = await signIn(stack.url, 'alva.admin@ekdala.example');
    const bad = await call('/api/stats?from=2026-13&to=2026-11', admin);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).errors).toEqual([expect.objectContaining({ path: 'from' })]);
    const reversed = await call('/api/stats?from=2026-11&to=2026-10', admin);
    expect(JSON.parse(reversed.text).errors).toEqual([expect.objectContaining({ path: 'from', message: 'must not be after `to`' })]);
  });
});

describe('GET /api/stats.csv, /api/stats.html and the /stats page', () => {
  it('the CSV carries the same rows, a hidden count as an empty cell', async () => {
    const admin = await signIn(stack.url, 'alva.admin@ekdala.example');
    await untilCounted(admin, true);
    const csv = await call(`/api/stats.csv?${period}`, admin);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    const [header, ...lines] = csv.text.trim().split('\r\n');
    expect(header).toBe('month,teamId,areaId,schoolId,reports,urgent,acknowledgedInTime,medianHoursToAcknowledge,feedbackInTime,feedbackLate,forwarded,openOverdue,escalations,consultations');
    expect(lines).toContain(`${month},mottagning-norr,norr,ekbacken,6,0,0,,0,0,0,0,0,0`);
    expect(lines).toContain(`${month},mottagning-syd,syd,sodervik,,0,0,,0,0,0,0,0,0`);
  });

  it('the page content is server-rendered SVG with a table beside each chart; small cells say "< 5"', async () => {
    const admin = await signIn(stack.url, 'alva.admin@ekdala.example');
    await untilCounted(admin, true);
    const content = await call(`/api/stats.html?${period}`, admin);
    expect(content.status).toBe(200);
    expect(content.text.match(/<svg /g)).toHaveLength(5);
    expect(content.text.match(/<table>/g)).toHaveLength(5);
    expect(content.text).toContain('&lt; 5');
    expect(content.text).not.toMatch(/Elias|Berg|20150312/); // the example child: never in a figure
    const page = await call('/stats');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/assets/stats.js');
  });
});
