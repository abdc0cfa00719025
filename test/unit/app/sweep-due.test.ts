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
    const early = await sweepDue(reports, atLocalTime('2026-11-25', '11:00'));
    expect(early.due).toBe(0);

    const late = atLocalTime('2026-11-27', '09:00');
    const result = await sweepDue(reports, late);
    expect(result).toMatchObject({ due: 1, escalations: 1, lostClaims: 0 });
    const stored = await reports.get(id);
    expect(stored?.report.escalationCount).toBe(1);
    expect(stored?.report.nextActionAt! > late.toISOString()).toBe(true);
    expect((await reports.auditTrail(id)).at(-1)).toMatchObject({ action: 'escalated', actor: { kind: 'system', id: 'reminders' } });
    expect((await sweepDue(reports, late)).due).toBe(0);
  });

  it('two sweeps at the same moment record each escalation once', async () => {
    const reports = new MemoryReportStore();
    const ids = [];
    for (let i = 0; i < 7; i++) ids.push(await reportAt(reports, atLocalTime('2026-11-25', '10:00')));
    const late = atLocalTime('2026-11-27', '09:00');
    const [a, b] = await Promise.all([sweepDue(reports, late, 3), sweepDue(reports, late, 3)]);
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
    expect((await sweepDue(reports, atLocalTime('2026-12-31', '12:00'))).due).toBe(0);
  });
});
