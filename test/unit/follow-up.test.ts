import { describe, expect, it } from 'vitest';
import { atLocalTime } from '../../core/domain/calendar.ts';
import { actionsDue, afterActions, nextActionAt } from '../../core/domain/follow-up.ts';
import { acknowledge, createReport, recordFeedback, type Report } from '../../core/domain/report.ts';
import { concernReportDeadlines as policy } from '../../forms/concern-report/policy.ts';
import type { ConcernReportSubmission } from '../../forms/concern-report/schema.ts';

const at = (day: string, time: `${number}:${number}`) => atLocalTime(day, time);

function newReport(urgency: 'normal' | 'urgent', submittedAt: Date): Report {
  const submission = { urgency, language: 'sv', schoolId: 'ekbacken' } as unknown as ConcernReportSubmission;
  return createReport({
    submissionId: '0b9c7c1e-4a5b-4c8d-9e0f-1a2b3c4d5e6f',
    submission,
    bodyHash: 'x',
    route: { teamId: 'mottagning-norr', areaId: 'norr', schoolName: 'Ekbackens skola', routedToFallback: false },
    policy,
    now: submittedAt,
  }).report;
}

/** Runs the sweep rules at `now` like the reminders function does and returns the actions and new report. */
function sweep(report: Report, now: Date) {
  const actions = actionsDue(report, now, policy);
  const next = afterActions(report, actions, now);
  const nextAction = nextActionAt(next, policy);
  return { actions, report: { ...next, nextActionAt: nextAction?.toISOString() } as Report };
}

describe('next actions of a normal report (submitted Wednesday 25 November 2026, 10:00)', () => {
  const submitted = at('2026-11-25', '10:00');

  it('first looks at the report when the acknowledgement deadline passes', () => {
    const report = newReport('normal', submitted);
    expect(report.nextActionAt).toBe(at('2026-11-26', '17:00').toISOString());
    expect(actionsDue(report, at('2026-11-26', '16:59'), policy)).toEqual([]);
  });

  it('escalates when acknowledgement is late, then every working day at 08:00, skipping the weekend', () => {
    let report = newReport('normal', submitted);
    let result = sweep(report, at('2026-11-26', '17:00'));
    expect(result.actions).toEqual([{ kind: 'escalation', overdue: ['acknowledge'], workingDaysWaited: 1, hoursWaited: 31 }]);
    report = result.report;
    expect(report.nextActionAt).toBe(at('2026-11-27', '08:00').toISOString()); // Friday
    result = sweep(report, at('2026-11-27', '08:00'));
    expect(result.actions.map((a) => a.kind)).toEqual(['escalation']);
    expect(result.report.nextActionAt).toBe(at('2026-11-30', '08:00').toISOString()); // Monday
    expect(result.report.escalationCount).toBe(2);
  });

  it('a second sweep at the same moment finds nothing left to send', () => {
    const first = sweep(newReport('normal', submitted), at('2026-11-26', '17:05'));
    expect(actionsDue(first.report, at('2026-11-26', '17:05'), policy)).toEqual([]);
  });

  it('after acknowledgement: a reminder 2 days before feedback is due, then escalation when feedback is late', () => {
    const acked = acknowledge(newReport('normal', submitted), 'sara.lindqvist@ekdala.example', at('2026-11-25', '13:00'), policy);
    if (acked.kind !== 'changed') throw new Error('expected a change');
    let report = acked.report;
    expect(report.nextActionAt).toBe(at('2026-12-07', '10:00').toISOString());
    let result = sweep(report, at('2026-12-07', '10:00'));
    expect(result.actions).toEqual([{ kind: 'reminder' }]);
    report = result.report;
    expect(report.nextActionAt).toBe(at('2026-12-09', '10:00').toISOString());
    result = sweep(report, at('2026-12-09', '10:00'));
    expect(result.actions).toEqual([{ kind: 'escalation', overdue: ['feedback'], workingDaysWaited: 10, hoursWaited: 336 }]);
    expect(result.report.nextActionAt).toBe(at('2026-12-10', '08:00').toISOString());
  });

  it('nothing after feedback: no reminder, no escalation, nothing due', () => {
    const closed = recordFeedback(newReport('normal', submitted), { outcome: 'investigation-opened', note: '' }, 'sara.lindqvist@ekdala.example', at('2026-11-26', '09:00'), policy);
    if (closed.kind !== 'changed') throw new Error('expected a change');
    expect(closed.report.status).toBe('closed');
    expect(closed.report.nextActionAt).toBeUndefined();
    expect(actionsDue(closed.report, at('2026-12-31', '12:00'), policy)).toEqual([]);
  });

  it('a reminder that is already pointless (feedback overdue) is not sent', () => {
    const acked = acknowledge(newReport('normal', submitted), 'x@ekdala.example', at('2026-11-25', '13:00'), policy);
    if (acked.kind !== 'changed') throw new Error('expected a change');
    const late = sweep(acked.report, at('2026-12-09', '12:00'));
    expect(late.actions.map((a) => a.kind)).toEqual(['escalation']);
    expect(late.report.reminderSentAt).toBeUndefined();
    expect(sweep(late.report, at('2026-12-10', '08:00')).actions.map((a) => a.kind)).toEqual(['escalation']);
  });
});

describe('urgent reports', () => {
  it('escalate two hours after submission at night, then on the next working day', () => {
    const report = newReport('urgent', at('2026-12-23', '23:30'));
    expect(report.reminderAt).toBeUndefined();
    expect(report.nextActionAt).toBe(at('2026-12-24', '01:30').toISOString());
    const result = sweep(report, at('2026-12-24', '01:30'));
    expect(result.actions.map((a) => a.kind)).toEqual(['escalation']);
    expect(result.report.nextActionAt).toBe(at('2026-12-28', '08:00').toISOString()); // after Christmas
  });
});

describe('state changes', () => {
  const submitted = at('2026-11-25', '10:00');

  it('acknowledging twice changes nothing the second time', () => {
    const first = acknowledge(newReport('normal', submitted), 'a@ekdala.example', at('2026-11-25', '11:00'), policy);
    if (first.kind !== 'changed') throw new Error('expected a change');
    expect(first.audit.action).toBe('acknowledged');
    expect(acknowledge(first.report, 'b@ekdala.example', at('2026-11-25', '12:00'), policy).kind).toBe('unchanged');
  });

  it('refuses a different outcome once feedback is recorded, accepts the same one as harmless', () => {
    const closed = recordFeedback(newReport('normal', submitted), { outcome: 'already-ongoing', note: '' }, 'a@ekdala.example', at('2026-11-26', '09:00'), policy);
    if (closed.kind !== 'changed') throw new Error('expected a change');
    expect(recordFeedback(closed.report, { outcome: 'already-ongoing', note: '' }, 'a@ekdala.example', at('2026-11-26', '10:00'), policy).kind).toBe('unchanged');
    expect(recordFeedback(closed.report, { outcome: 'investigation-opened', note: '' }, 'a@ekdala.example', at('2026-11-26', '10:00'), policy).kind).toBe('refused');
  });
});
