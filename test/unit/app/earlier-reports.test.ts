// Earlier reports about the same child (issue 12, point 4) against in-memory ports: the keyed hash (stable, and
// revealing nothing of the number), indexing on a new report, the view's list (matchedBy, "possible", `id` only
// for the caller's team) and the lookup's audit event.
import { describe, expect, it } from 'vitest';
import { hmacKeyedHash } from '../../../core/adapters/crypto/hmac-keyed-hash.ts';
import { viewReport } from '../../../core/app/cases/read-reports.ts';
import { indexChild } from '../../../core/app/index-child.ts';
import { atLocalTime } from '../../../core/domain/calendar.ts';
import { childMatchKeys } from '../../../core/domain/child-match.ts';
import type { StaffIdentity } from '../../../core/identity/staff.ts';
import { fixedClock, MemoryChildIndex, MemoryReportStore, sampleDirectory } from '../../support/fakes/index.ts';
import { newReportWithAudit } from '../../support/reports.ts';

const SECRET = 'unit-test-child-match-secret';
const sara: StaffIdentity = { id: 'sara.lindqvist@ekdala.example', teamIds: ['mottagning-norr'] };

describe('the keyed hash', () => {
  it('is stable for the same number however it is typed, differs by key, and does not contain the number', async () => {
    const mac = hmacKeyedHash(SECRET);
    const at = atLocalTime('2026-11-25', '10:00');
    const a = await childMatchKeys({ child: { firstName: 'Elias', lastName: 'Berg', personalNumber: '20150312-2382' } }, mac, at);
    const b = await childMatchKeys({ child: { firstName: 'ELIAS', lastName: 'berg', personalNumber: '150312-2382' } }, mac, at);
    expect(a).toEqual(b);
    expect(a.map((k) => k.matchedBy)).toEqual(['personal-number', 'name-and-birth-date']);
    const other = await childMatchKeys({ child: { firstName: 'Elias', lastName: 'Berg', personalNumber: '20150312-2382' } }, hmacKeyedHash('another-secret-of-length'), at);
    expect(other[0]!.key).not.toBe(a[0]!.key);
    for (const key of a) for (const part of ['201503122382', '20150312', '2382', '150312', 'elias', 'berg']) expect(key.key.toLowerCase()).not.toContain(part);
    expect(() => hmacKeyedHash('short')).toThrow(/16/);
  });
});

describe('earlier reports in the view', () => {
  it('lists the earlier report about the same child with matchedBy, a name match as possible, and audits the lookup', async () => {
    const reports = new MemoryReportStore();
    const childIndex = new MemoryChildIndex();
    const mac = hmacKeyedHash(SECRET);
    const child = { firstName: 'Elias', lastName: 'Berg', personalNumber: '20150312-2382' };
    const make = async (at: Date, body: Record<string, unknown>) => {
      const { report, audit } = newReportWithAudit({ at, body });
      await reports.create(report, audit);
      await indexChild({ childIndex, mac }, report);
      return report;
    };
    const first = await make(atLocalTime('2026-10-01', '10:00'), { child });
    const byName = await make(atLocalTime('2026-10-15', '10:00'), { child: { firstName: 'Elias', lastName: 'Berg', personalNumber: undefined, birthDate: '2015-03-12' }, schoolId: 'sodervik' });
    await make(atLocalTime('2026-10-20', '10:00'), { child: { firstName: 'Other', lastName: 'Child', personalNumber: '20150312-2382'.replace('2382', '2390') } });
    const now = atLocalTime('2026-11-25', '10:00');
    const current = await make(now, { child });
    const view = await viewReport({ reports, clock: fixedClock(now), childIndex }, sara, current.id, sampleDirectory);
    expect(view.earlierReports).toEqual([
      expect.objectContaining({ reference: byName.reference, matchedBy: 'name-and-birth-date', possible: true, teamName: 'Mottagningsgruppen Syd' }),
      expect.objectContaining({ id: first.id, reference: first.reference, matchedBy: 'personal-number', possible: false }),
    ]);
    expect(view.earlierReports[0]).not.toHaveProperty('id'); // another team's report: not openable from here
    expect(view.audit.at(-1)).toMatchObject({ action: 'earlier-reports-looked-up', actor: { id: sara.id }, detail: { shown: 2 } });
  });
});
