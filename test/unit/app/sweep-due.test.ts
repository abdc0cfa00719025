// The real sweep use case (core/app/sweep-due.ts) against the in-memory store: no emulator.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { acknowledgeReport, recordReportFeedback } from '../../../core/app/cases/change-report.ts';
import { submitReport } from '../../../core/app/submit-report.ts';
import { sweepDue } from '../../../core/app/sweep-due.ts';
import { atLocalTime } from '../../../core/domain/calendar.ts';
import { exampleSubmission } from '../../../forms/concern-report/example.ts';
import { fixedClock, MemoryReportStore, sampleDirectory, sampleDirectorySource } from '../../support/fakes/index.ts';

const staff = { id: 'sara.lindqvist@ekdala.example', teamIds: ['mottagning-norr'] };

async function reportAt(reports: MemoryReportStore, at: Date, fields = exampleSubmission()) {
  const id = randomUUID();
  await submitReport({ reports, directory: sampleDirectorySource, clock: fixedClock(at) }, { submissionId: id, fields, channel: 'json' });
  return id;
}

describe('sweep what is due (use case)', () => {
  it('escalates an unacknowledged report once its deadline has passed, once, with its audit event', async () => {
    const reports = new MemoryReportStore();
    const id = await reportAt(reports, atLocalTime('2026-11-25', '10:00'));
    const early = await sweepDue({ reports, directory: sampleDirectorySource }, atLocalTime('2026-11-25', '11:00'));
    expect(early.due).toBe(0);

    const late = atLocalTime('2026-11-27', '09:00');
    const result = await sweepDue({ reports, directory: sampleDirectorySource }, late);
    expect(result).toMatchObject({ due: 1, escalations: 1, lostClaims: 0 });
    const stored = await reports.get(id);
    expect(stored?.report.escalationCount).toBe(1);
    expect(stored?.report.nextActionAt! > late.toISOString()).toBe(true);
    expect((await reports.auditTrail(id)).at(-1)).toMatchObject({ action: 'escalated', actor: { kind: 'system', id: 'reminders' } });
    expect((await sweepDue({ reports, directory: sampleDirectorySource }, late)).due).toBe(0);
  });

  it('two sweeps at the same moment record each escalation once', async () => {
    const reports = new MemoryReportStore();
    const ids = [];
    for (let i = 0; i < 7; i++) ids.push(await reportAt(reports, atLocalTime('2026-11-25', '10:00')));
    const late = atLocalTime('2026-11-27', '09:00');
    const [a, b] = await Promise.all([sweepDue({ reports, directory: sampleDirectorySource }, late, 3), sweepDue({ reports, directory: sampleDirectorySource }, late, 3)]);
    expect(a.escalations + b.escalations).toBe(ids.length);
    for (const id of ids) expect((await reports.get(id))?.report.escalationCount).toBe(1);
  });

  it('nothing is due once feedback closed the report', async () => {
    const reports = new MemoryReportStore();
    const at = atLocalTime('2026-11-25', '10:00');
    const id = await reportAt(reports, at);
    const deps = { reports, clock: fixedClock(at) };
    await acknowledgeReport(deps, staff, id, () => ({ protectionAssessment: { result: 'no-immediate-risk' } }));
    await recordReportFeedback(deps, staff, sampleDirectory, id, () => ({ outcome: 'already-ongoing' }));
    expect((await reports.get(id))?.report.nextActionAt).toBeUndefined();
    expect((await sweepDue({ reports, directory: sampleDirectorySource }, atLocalTime('2026-12-31', '12:00'))).due).toBe(0);
  });
});

describe('sweep digests (use case, against the in-memory store’s transactional writes)', () => {
  const lead = 'karin.norberg@ekdala.example';
  const onCallLead = 'bengt.beredskap@ekdala.example';
  const deps = (reports: MemoryReportStore) => ({ reports, directory: sampleDirectorySource });

  it('11 overdue reports of one team: the lead gets one digest naming all 11, written with the reports', async () => {
    const reports = new MemoryReportStore();
    const ids: string[] = [];
    for (let i = 0; i < 11; i++) ids.push(await reportAt(reports, atLocalTime('2026-11-25', '10:00')));
    const sweepAt = atLocalTime('2026-11-27', '09:00');
    const result = await sweepDue(deps(reports), sweepAt);
    expect(result).toMatchObject({ due: 11, escalations: 11, digests: 1 });
    const digests = [...reports.digests.values()];
    expect(digests.map((d) => d.id)).toEqual([`DIGEST#${lead}#${sweepAt.toISOString()}`]);
    expect(digests[0]!.entries.map((e) => e.reportId).sort()).toEqual([...ids].sort());
    // Waited counts from the deadline that passed: acknowledgement due Wednesday 17:00.
    expect(digests[0]!.entries.every((e) => e.kind === 'escalation' && e.since === atLocalTime('2026-11-25', '17:00').toISOString())).toBe(true);
    expect(digests[0]!.entries.every((e) => e.ledgerKey === 'escalation#1')).toBe(true);
    // The same sweep time again: nothing due, no second digest.
    expect((await sweepDue(deps(reports), sweepAt)).digests).toBe(0);
    expect(reports.digests.size).toBe(1);
  });

  it('reminders go to the assignee, else every contact; escalations and reminders of one sweep share a person’s digest', async () => {
    const reports = new MemoryReportStore();
    const at = atLocalTime('2026-11-25', '10:00');
    const id = await reportAt(reports, at);
    await acknowledgeReport({ reports, clock: fixedClock(at) }, staff, id, () => ({ protectionAssessment: { result: 'no-immediate-risk' } }));
    const reminderAt = new Date((await reports.get(id))!.report.reminderAt!);
    await sweepDue(deps(reports), reminderAt);
    expect([...reports.digests.values()].map((d) => [d.recipient, d.entries.map((e) => e.ledgerKey)])).toEqual([
      ['johan.ek@ekdala.example', ['reminder:johan.ek@ekdala.example']],
      ['sara.lindqvist@ekdala.example', ['reminder:sara.lindqvist@ekdala.example']],
    ]);
  });

  it('an urgent report at 01:17 on a Saturday: the warning 30 minutes before and the escalation at the deadline go to the on-call lead', async () => {
    const reports = new MemoryReportStore();
    const id = await reportAt(reports, atLocalTime('2026-11-28', '01:17'), { ...exampleSubmission(), urgency: 'urgent' });
    const stored = (await reports.get(id))!.report;
    expect(stored.outOfHoursService).toBe(true);
    expect(stored.acknowledgeBy).toBe(atLocalTime('2026-11-28', '03:17').toISOString());
    await sweepDue(deps(reports), atLocalTime('2026-11-28', '02:50'));
    await sweepDue(deps(reports), atLocalTime('2026-11-28', '03:20'));
    const digests = [...reports.digests.values()];
    expect(digests.map((d) => [d.recipient, d.sweepAt])).toEqual([
      [onCallLead, atLocalTime('2026-11-28', '02:50').toISOString()],
      [onCallLead, atLocalTime('2026-11-28', '03:20').toISOString()],
    ]);
    expect(digests[0]!.entries[0]).toMatchObject({ kind: 'escalation', late: [], dueSoon: { deadline: 'acknowledge', at: stored.acknowledgeBy } });
    expect(digests[1]!.entries[0]).toMatchObject({ kind: 'escalation', late: ['acknowledge'], since: stored.acknowledgeBy });
  });

  it('a large sweep stays within the transaction limit: 130 overdue reports, every write ≤ 100 items, each report once', async () => {
    const reports = new MemoryReportStore();
    for (let i = 0; i < 130; i++) await reportAt(reports, atLocalTime('2026-11-25', '10:00'));
    const sweepAt = atLocalTime('2026-11-27', '09:00');
    const result = await sweepDue(deps(reports), sweepAt);
    expect(result.escalations).toBe(130);
    expect(Math.max(...reports.sweepWriteSizes)).toBeLessThanOrEqual(100);
    const digests = [...reports.digests.values()];
    // One digest per chunk for the lead: DIGEST#…, then #2, #3.
    expect(digests[0]!.id).toBe(`DIGEST#${lead}#${sweepAt.toISOString()}`);
    expect(digests.slice(1).map((d) => d.id)).toEqual(digests.slice(1).map((_, i) => `DIGEST#${lead}#${sweepAt.toISOString()}#${i + 2}`));
    const listed = digests.flatMap((d) => d.entries.map((e) => e.reportId));
    expect(new Set(listed).size).toBe(130);
    expect(listed.length).toBe(130);
  });

  it('two sweeps at once: each report is in exactly one digest, and a lost claim writes no digest entry for it', async () => {
    const reports = new MemoryReportStore();
    for (let i = 0; i < 9; i++) await reportAt(reports, atLocalTime('2026-11-25', '10:00'));
    const late = atLocalTime('2026-11-27', '09:00');
    reports.lostRaces = 1;
    const [a, b] = await Promise.all([sweepDue(deps(reports), late, 3), sweepDue(deps(reports), late, 3)]);
    expect(a.escalations + b.escalations).toBe(9);
    const listed = [...reports.digests.values()].flatMap((d) => d.entries.map((e) => e.reportId));
    expect(listed.length).toBe(9);
    expect(new Set(listed).size).toBe(9);
  });
});
