// The change-a-report and read-reports use cases against in-memory ports: no emulator.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { acknowledgeReport, recordReportFeedback } from '../../../core/app/cases/change-report.ts';
import { listCases as listReports } from '../../../core/app/cases/list-cases.ts';
import { viewReport } from '../../../core/app/cases/read-reports.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../../core/app/errors.ts';
import { submitReport } from '../../../core/app/submit-report.ts';
import { atLocalTime } from '../../../core/domain/calendar.ts';
import type { StaffIdentity } from '../../../core/identity/staff.ts';
import { exampleSubmission } from '../../../forms/concern-report/example.ts';
import { fixedClock, MemoryReportStore, sampleDirectory, sampleDirectorySource } from '../../support/fakes/index.ts';

const now = atLocalTime('2026-11-25', '10:00');
const norr: StaffIdentity = { id: 'sara.lindqvist@ekdala.example', teamIds: ['mottagning-norr'] };
const syd: StaffIdentity = { id: 'maria.holm@ekdala.example', teamIds: ['mottagning-syd'] };
/** The acknowledgement's body: the protection assessment is required with it (DESIGN.md, "Second slice"). */
const assessed = () => ({ protectionAssessment: { result: 'no-immediate-risk' } });

async function setup() {
  const reports = new MemoryReportStore();
  const deps = { reports, directory: sampleDirectorySource, clock: fixedClock(now), cursorSecret: async () => 'unit-test-list-cursor-secret' };
  const id = randomUUID();
  await submitReport(deps, { submissionId: id, fields: exampleSubmission(), channel: 'json' }); // ekbacken → mottagning-norr
  return { reports, deps, id };
}

describe("another team's report (issue 19, item 7)", () => {
  it('is not found, exactly as a report that does not exist, for every use case', async () => {
    const { deps, id } = await setup();
    const missing = await viewReport(deps, syd, randomUUID()).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    const attempts = [
      viewReport(deps, syd, id),
      acknowledgeReport(deps, syd, id, assessed),
      recordReportFeedback(deps, syd, sampleDirectory, id, () => ({ outcome: 'not-a-choice' })),
    ];
    for (const attempt of attempts) {
      const error = await attempt.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as Error).message).toBe((missing as Error).message);
    }
    expect((await listReports(deps, syd, sampleDirectory, {})).cases).toEqual([]);
  });

  it('reads no body for another team: a body that cannot be read is still "not found"', async () => {
    const { deps, id } = await setup();
    let read = false;
    const error = await recordReportFeedback(deps, syd, sampleDirectory, id, () => {
      read = true;
      throw new Error('unreadable');
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(read).toBe(false);
  });
});

describe('change a report', () => {
  it('acknowledges once: a second time is harmless and adds no audit event', async () => {
    const { reports, deps, id } = await setup();
    const first = await acknowledgeReport(deps, norr, id, assessed);
    const second = await acknowledgeReport(deps, norr, id, assessed);
    expect(first.status).toBe('acknowledged');
    expect(second).toEqual(first);
    expect((await reports.auditTrail(id)).map((e) => e.action)).toEqual(['submitted', 'acknowledged']);
  });

  it('retries when another writer changed the report first, then gives up with a conflict', async () => {
    const { reports, deps, id } = await setup();
    reports.lostRaces = 2;
    expect((await acknowledgeReport(deps, norr, id, assessed)).status).toBe('acknowledged');
    const other = await setup();
    other.reports.lostRaces = 5;
    await expect(acknowledgeReport(other.deps, norr, other.id, assessed)).rejects.toBeInstanceOf(ConflictError);
    expect((await other.reports.get(other.id))?.report.status).toBe('received');
  });

  it('feedback names a bad field, then closes the report', async () => {
    const { deps, id } = await setup();
    const invalid = await recordReportFeedback(deps, norr, sampleDirectory, id, () => ({ outcome: 'not-a-choice' })).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(InvalidInputError);
    expect((invalid as InvalidInputError).errors.map((e) => e.path)).toEqual(['outcome']);
    const closed = await recordReportFeedback(deps, norr, sampleDirectory, id, () => ({ outcome: 'investigation-opened' }));
    expect(closed).toMatchObject({ status: 'closed', outcome: 'investigation-opened', nextDeadline: null });
  });
});

describe('read reports', () => {
  it('lists the caller’s open reports, names a bad filter, and audits a view', async () => {
    const { reports, deps, id } = await setup();
    const list = await listReports(deps, norr, sampleDirectory, { status: 'open' });
    expect(list.teams).toEqual([{ id: 'mottagning-norr', name: 'Mottagningsgruppen Norr' }]);
    expect(list.cases.map((c) => c.id)).toEqual([id]);
    expect(JSON.stringify(list)).not.toContain('Elias');
    await expect(listReports(deps, norr, sampleDirectory, { status: 'all' })).rejects.toBeInstanceOf(InvalidInputError);
    const view = await viewReport(deps, norr, id);
    expect(view.report.id).toBe(id);
    expect(view.audit.map((e) => e.action)).toEqual(['submitted', 'viewed']);
    expect((await reports.auditTrail(id)).at(-1)).toMatchObject({ action: 'viewed', actor: { kind: 'staff', id: norr.id } });
  });
});
