// The team's list and search (issue 12) against the in-memory store: paging through everything exactly once,
// filters, a short page when a filter reads its budget, search by name in a body, and cursors bound to the caller
// and the filters.
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../core/app/errors.ts';
import { listCases, PAGE_SIZE, READ_SIZE, READS_PER_PAGE, searchCases } from '../../../core/app/cases/list-cases.ts';
import { atLocalTime } from '../../../core/domain/calendar.ts';
import type { StaffIdentity } from '../../../core/identity/staff.ts';
import { fixedClock, MemoryReportStore, sampleDirectory } from '../../support/fakes/index.ts';
import { newReportWithAudit } from '../../support/reports.ts';

const sara: StaffIdentity = { id: 'sara.lindqvist@ekdala.example', teamIds: ['mottagning-norr'] };
const johan: StaffIdentity = { id: 'johan.ek@ekdala.example', teamIds: ['mottagning-norr'] };
const now = atLocalTime('2026-11-30', '10:00');

async function store(count: number, body: (i: number) => Record<string, unknown> = () => ({})) {
  const reports = new MemoryReportStore();
  for (let i = 0; i < count; i++) {
    const { report, audit } = newReportWithAudit({ at: new Date(atLocalTime('2026-11-20', '08:00').getTime() + i * 60_000), body: body(i) });
    await reports.create(report, audit);
  }
  return { reports, clock: fixedClock(now), cursorSecret: async () => 'unit-test-list-cursor-secret' };
}

async function everyPage(next: (cursor?: string) => Promise<{ cases: Array<{ id: string }>; nextCursor: string | null }>) {
  const ids: string[] = [];
  let pages = 0;
  let cursor: string | undefined;
  do {
    const page = await next(cursor);
    ids.push(...page.cases.map((c) => c.id));
    cursor = page.nextCursor ?? undefined;
    pages++;
  } while (cursor);
  return { ids, pages };
}

describe('the list', () => {
  it('pages through every report exactly once, due first, with the contract’s card fields', async () => {
    const deps = await store(130, (i) => ({ child: { firstName: `Barn${i}`, lastName: 'Berg', grade: String(i % 9) } }));
    const first = await listCases(deps, sara, sampleDirectory, {});
    expect(first.cases).toHaveLength(PAGE_SIZE);
    expect(first.cases[0]).toMatchObject({ childInitials: 'B. B.', grade: expect.stringMatching(/^[0-8]$/), assignee: null, overdue: true });
    const dues = first.cases.map((c) => c.acknowledgeBy);
    expect([...dues].sort()).toEqual(dues);
    const { ids, pages } = await everyPage((cursor) => listCases(deps, sara, sampleDirectory, cursor ? { cursor } : {}));
    expect(ids).toHaveLength(130);
    expect(new Set(ids).size).toBe(130);
    expect(pages).toBe(3);
  });

  it('filters: a page may be short while the reading goes on, and nothing is left out', async () => {
    // One urgent report in every 60: a filtered page reads its budget and answers short, then goes on.
    const deps = await store(READ_SIZE * READS_PER_PAGE + 100, (i) => ({ urgency: i % 60 === 0 ? 'urgent' : 'normal' }));
    const first = await listCases(deps, sara, sampleDirectory, { urgency: 'urgent' });
    expect(first.cases.length).toBeLessThan(PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const { ids } = await everyPage((cursor) => listCases(deps, sara, sampleDirectory, { urgency: 'urgent', ...(cursor ? { cursor } : {}) }));
    expect(ids).toHaveLength(Math.ceil((READ_SIZE * READS_PER_PAGE + 100) / 60));
  });

  it('names a bad filter, and refuses another caller’s cursor, another filter’s cursor and a forged one', async () => {
    const deps = await store(60);
    const bad = await listCases(deps, sara, sampleDirectory, { assignee: 'nobody' }).catch((e: unknown) => e);
    expect((bad as InvalidInputError).errors.map((e) => e.path)).toEqual(['assignee']);
    const { nextCursor } = await listCases(deps, sara, sampleDirectory, {});
    expect(nextCursor).toBeTruthy();
    for (const attempt of [
      listCases(deps, johan, sampleDirectory, { cursor: nextCursor }),
      listCases(deps, sara, sampleDirectory, { cursor: nextCursor, urgency: 'normal' }),
      listCases(deps, sara, sampleDirectory, { cursor: `${nextCursor}x` }),
    ]) {
      const refused = await attempt.catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(InvalidInputError);
      expect((refused as InvalidInputError).errors[0]?.path).toBe('cursor');
    }
  });
});

describe('search', () => {
  it('finds the child by a whole word of the name (any case, accents), or the reference; requires q', async () => {
    const deps = await store(30, (i) => ({ child: i === 17 ? { firstName: 'Elias', lastName: 'Öberg' } : { firstName: `Barn${i}`, lastName: 'Lund' } }));
    const found = await searchCases(deps, sara, sampleDirectory, { q: 'elias oberg' });
    expect(found.cases.map((c) => c.childInitials)).toEqual(['E. Ö.']);
    expect((await searchCases(deps, sara, sampleDirectory, { q: 'eli' })).cases).toEqual([]);
    const byReference = await searchCases(deps, sara, sampleDirectory, { q: found.cases[0]!.reference.toLowerCase() });
    expect(byReference.cases.map((c) => c.id)).toEqual([found.cases[0]!.id]);
    const missing = await searchCases(deps, sara, sampleDirectory, {}).catch((e: unknown) => e);
    expect((missing as InvalidInputError).errors.map((e) => e.path)).toEqual(['q']);
    expect((await searchCases(deps, sara, sampleDirectory, { q: 'Lund', overdue: true })).cases).toHaveLength(29);
  });
});

describe('the team view', () => {
  it('counts open and overdue reports per assignee, and the unassigned ones', async () => {
    const { teamWorkload } = await import('../../../core/app/cases/team-workload.ts');
    const deps = await store(5);
    const [first] = (await deps.reports.listByTeam('mottagning-norr', 'open'));
    const stored = (await deps.reports.get(first!.id))!;
    await deps.reports.saveChange(stored, { ...stored.report, assignee: { email: sara.id, at: now.toISOString(), by: sara.id } }, { reportId: first!.id, at: now.toISOString(), actor: { kind: 'staff', id: sara.id }, action: 'assigned' });
    const view = await teamWorkload(deps, sara, sampleDirectory);
    expect(view.teams).toHaveLength(1);
    expect(view.teams[0]).toMatchObject({ id: 'mottagning-norr', lead: false });
    expect(view.teams[0]!.rows).toEqual([
      { assignee: null, open: 4, overdue: 4 },
      { assignee: sara.id, open: 1, overdue: 1 },
    ]);
  });
});

describe('who am I (GET /api/me): from the directory alone', () => {
  it('names the caller\'s teams, whether they lead each and who is in it, every team, and whether they keep the directory', async () => {
    const { whoAmI } = await import('../../../core/app/cases/who-am-i.ts');
    const karin: StaffIdentity = { id: 'Karin.Norberg@ekdala.example', teamIds: ['mottagning-norr'] };
    const me = whoAmI(karin, sampleDirectory);
    expect(me.administrator).toBe(false);
    expect(me.teams).toEqual([{ id: 'mottagning-norr', name: 'Mottagningsgruppen Norr', lead: true, members: expect.arrayContaining([sara.id, johan.id, 'karin.norberg@ekdala.example']) }]);
    expect(me.allTeams.map((t) => t.id)).toEqual(sampleDirectory.teams.map((t) => t.id));
    expect(whoAmI(sara, sampleDirectory).teams[0]!.lead).toBe(false);
    const alva = whoAmI({ id: 'alva.admin@ekdala.example', teamIds: [] }, sampleDirectory);
    expect(alva).toMatchObject({ administrator: true, teams: [] });
  });
});

