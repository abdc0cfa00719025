// The submit use case against in-memory ports: no emulator.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConflictError, InvalidInputError } from '../../../core/app/errors.ts';
import { HONEYPOT_FIELD, submitReport } from '../../../core/app/submit-report.ts';
import { atLocalTime } from '../../../core/domain/calendar.ts';
import { computeDeadlines } from '../../../core/domain/deadlines.ts';
import { concernReportForm } from '../../../forms/concern-report/index.ts';
import { exampleSubmission } from '../../../forms/concern-report/example.ts';
import { fixedClock, MemoryReportStore, sampleDirectorySource } from '../../support/fakes/index.ts';

const now = atLocalTime('2026-11-25', '10:00');

function setup() {
  const reports = new MemoryReportStore();
  return { reports, deps: { reports, directory: sampleDirectorySource, clock: fixedClock(now) } };
}

describe('submit a report (use case)', () => {
  it('routes, sets the deadlines and stores the report with its first audit event', async () => {
    const { reports, deps } = setup();
    const id = randomUUID();
    const result = await submitReport(deps, { submissionId: id, fields: exampleSubmission(), channel: 'json' });
    expect(result.kind).toBe('stored');
    // The deadlines are the domain's (core/domain/deadlines.ts), from the clock's time.
    const { acknowledgeBy, feedbackBy } = computeDeadlines(now, 'normal', concernReportForm.deadlines);
    expect(result.receipt).toEqual({ id, reference: expect.any(String), status: 'received', acknowledgeBy, feedbackBy });
    expect(result.receipt).not.toHaveProperty('bodyHash');
    const stored = await reports.get(id);
    expect(stored?.report.teamId).toBe('mottagning-norr');
    expect(stored?.report.submittedAt).toBe(now.toISOString());
    expect(reports.audit.map((event) => event.action)).toEqual(['submitted']);
  });

  it('the same submission id again: the same receipt, one report', async () => {
    const { reports, deps } = setup();
    const id = randomUUID();
    const first = await submitReport(deps, { submissionId: id, fields: exampleSubmission(), channel: 'json' });
    const again = await submitReport(deps, { submissionId: id.toUpperCase(), fields: exampleSubmission(), channel: 'json' });
    expect(again).toEqual({ kind: 'already-stored', receipt: first.receipt });
    expect(reports.reports.size).toBe(1);
  });

  it('the same id with other content is a conflict', async () => {
    const { deps } = setup();
    const id = randomUUID();
    await submitReport(deps, { submissionId: id, fields: exampleSubmission(), channel: 'json' });
    const other = { ...exampleSubmission(), urgency: 'urgent' };
    await expect(submitReport(deps, { submissionId: id, fields: other, channel: 'json' })).rejects.toBeInstanceOf(ConflictError);
  });

  it('names every invalid field, the idempotency key included, and stores nothing', async () => {
    const { reports, deps } = setup();
    const fields = { ...exampleSubmission(), schoolId: '' };
    const error = await submitReport(deps, { submissionId: 'not-a-uuid', fields, channel: 'json' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).errors.map((e) => e.path)).toEqual(['Idempotency-Key', 'schoolId']);
    expect(reports.reports.size).toBe(0);
  });

  it('a filled honeypot gets a plausible receipt and nothing is stored', async () => {
    const { reports, deps } = setup();
    const id = randomUUID();
    const result = await submitReport(deps, { submissionId: id, fields: { ...exampleSubmission(), [HONEYPOT_FIELD]: 'http://spam' }, channel: 'form' });
    expect(result.kind).toBe('decoy');
    expect(result.receipt.id).toBe(id);
    expect(result.receipt.reference).toMatch(/\S/);
    expect(reports.reports.size).toBe(0);
    expect(reports.audit).toEqual([]);
  });
});
