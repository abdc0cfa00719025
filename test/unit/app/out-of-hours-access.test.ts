// The out-of-hours service's staff in the portal's use cases (DESIGN.md, "Deadlines"): they may open, assess and
// acknowledge the reports sent to them, and see no others; the team keeps the report.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { acknowledgeReport, recordReportFeedback } from '../../../core/app/cases/change-report.ts';
import { listCases } from '../../../core/app/cases/list-cases.ts';
import { viewReport } from '../../../core/app/cases/read-reports.ts';
import { NotFoundError } from '../../../core/app/errors.ts';
import { submitReport } from '../../../core/app/submit-report.ts';
import { atLocalTime } from '../../../core/domain/calendar.ts';
import { staffIdentity } from '../../../core/identity/staff.ts';
import type { HttpEvent } from '../../../core/http/event.ts';
import { exampleSubmission } from '../../../forms/concern-report/example.ts';
import { fixedClock, MemoryReportStore, sampleDirectory, sampleDirectorySource } from '../../support/fakes/index.ts';

const eventOf = (email: string) => ({ requestContext: { authorizer: { jwt: { claims: { email, email_verified: 'true', sub: email } } } } }) as unknown as HttpEvent;

async function submitAt(reports: MemoryReportStore, at: Date, urgency: 'normal' | 'urgent') {
  const id = randomUUID();
  const result = await submitReport({ reports, directory: sampleDirectorySource, clock: fixedClock(at) }, { submissionId: id, fields: { ...exampleSubmission(), urgency }, channel: 'json' });
  return { id, receipt: result.receipt };
}

describe('out-of-hours staff in the portal (use cases)', () => {
  it('the staff identity marks out-of-hours staff and the on-call lead', () => {
    expect(staffIdentity(eventOf('nils.natt@ekdala.example'), sampleDirectory)).toMatchObject({ teamIds: [], outOfHoursService: true });
    expect(staffIdentity(eventOf('bengt.beredskap@ekdala.example'), sampleDirectory).outOfHoursService).toBe(true);
    expect(staffIdentity(eventOf('sara.lindqvist@ekdala.example'), sampleDirectory).outOfHoursService).toBeUndefined();
  });

  it('they open and acknowledge a report sent to them, and get “not found” for every other; feedback stays the team’s', async () => {
    const reports = new MemoryReportStore();
    const night = await submitAt(reports, atLocalTime('2026-11-28', '01:17'), 'urgent');
    const day = await submitAt(reports, atLocalTime('2026-11-25', '10:00'), 'normal');
    // The receipt of the urgent night report names the out-of-hours number; the daytime one does not.
    expect(night.receipt.callOutOfHours).toEqual({ name: 'Socialjouren Ekdala', phone: '010-100 10 00' });
    expect(day.receipt.callOutOfHours).toBeUndefined();

    const now = atLocalTime('2026-11-28', '01:40');
    const deps = { reports, clock: fixedClock(now), cursorSecret: async () => 'test-cursor-secret-0123456789' };
    const assessed = () => ({ protectionAssessment: { result: 'no-immediate-risk' } });
    const nils = staffIdentity(eventOf('nils.natt@ekdala.example'), sampleDirectory);
    expect((await viewReport(deps, nils, night.id)).report.id).toBe(night.id);
    await expect(viewReport(deps, nils, day.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(acknowledgeReport(deps, nils, day.id, assessed)).rejects.toBeInstanceOf(NotFoundError);
    expect((await acknowledgeReport(deps, nils, night.id, assessed)).status).toBe('acknowledged');
    const stored = (await reports.get(night.id))!.report;
    expect(stored).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'nils.natt@ekdala.example', teamId: 'mottagning-norr' });
    await expect(recordReportFeedback(deps, nils, sampleDirectory, night.id, () => ({ outcome: 'already-ongoing' }))).rejects.toBeInstanceOf(NotFoundError);
    // Their list holds no team's reports: they open the ones sent to them from the service's alert.
    expect((await listCases(deps, nils, sampleDirectory, {})).cases).toEqual([]);
  });
});
