// Reminders and escalations over time, in Swedish time (Europe/Stockholm): the sweep rules applied the way
// the reminder sweep applies them. The calendar facts used here are listed in deadlines.test.ts.
import { describe, expect, it } from 'vitest';
import { atLocalTime, type LocalTime } from '../../core/domain/calendar.ts';
import { actionsDue, afterActions, nextActionAt, type FollowUpAction } from '../../core/domain/follow-up.ts';
import { acknowledge, createReport, recordFeedback, withNextAction, type Report } from '../../core/domain/report.ts';
import { concernReportDeadlines as policy } from '../../forms/concern-report/policy.ts';
import type { ConcernReportSubmission } from '../../forms/concern-report/schema.ts';

const at = (day: string, time: LocalTime) => atLocalTime(day, time);
/** "2026-11-25 10:15" → the instant. */
const moment = (local: string) => {
  const [day, time] = local.split(' ') as [string, LocalTime];
  return at(day, time);
};
const local = (iso: string | undefined) =>
  iso === undefined ? undefined : new Date(iso).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' }).slice(0, 16);

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

function acknowledged(report: Report, when: Date): Report {
  const change = acknowledge(report, 'sara.lindqvist@ekdala.example', when, policy);
  if (change.kind !== 'changed') throw new Error('expected a change');
  return change.report;
}

/** Runs the sweep rules at `now` like the reminders function does and returns the actions and new report. */
function sweep(report: Report, now: Date) {
  const actions = actionsDue(report, now, policy);
  return { actions, report: withNextAction(afterActions(report, actions, now), policy) };
}

/** Sweeps at each next action time until `until`, returning what went out when (local time) and to whom. */
function timeline(report: Report, until: Date): string[] {
  const lines: string[] = [];
  for (let next = report.nextActionAt; next && new Date(next) <= until; next = report.nextActionAt) {
    const result = sweep(report, new Date(next));
    for (const action of result.actions) lines.push(`${local(next)} ${said(action)}`);
    report = result.report;
  }
  return lines;
}

function said(action: FollowUpAction): string {
  if (action.kind === 'reminder') return 'reminder';
  if (action.dueSoon) return `warning → ${action.recipient}`;
  return `escalation ${action.overdue.join('+')} → ${action.recipient}, waited ${action.hoursWaited} h since ${local(action.since!)}`;
}

describe('a normal report that nobody acknowledges: escalated when the deadline passes, then 08:00 every working day', () => {
  it.each([
    ['Wednesday 10:00', '2026-11-25 10:00', '2026-11-30 08:00', [
      '2026-11-25 17:00 escalation acknowledge → lead, waited 0 h since 2026-11-25 17:00',
      '2026-11-26 08:00 escalation acknowledge → lead, waited 15 h since 2026-11-25 17:00',
      '2026-11-27 08:00 escalation acknowledge → lead, waited 39 h since 2026-11-25 17:00',
      '2026-11-30 08:00 escalation acknowledge → lead, waited 111 h since 2026-11-25 17:00', // weekend skipped
    ]],
    ['Saturday 11:00', '2026-11-28 11:00', '2026-12-01 08:00', [
      '2026-11-30 12:00 escalation acknowledge → lead, waited 0 h since 2026-11-30 12:00',
      '2026-12-01 08:00 escalation acknowledge → lead, waited 20 h since 2026-11-30 12:00',
    ]],
    ['Thursday before Midsummer Eve 15:30', '2026-06-18 15:30', '2026-06-23 08:00', [
      '2026-06-22 12:00 escalation acknowledge → lead, waited 0 h since 2026-06-22 12:00',
      '2026-06-23 08:00 escalation acknowledge → lead, waited 20 h since 2026-06-22 12:00',
    ]],
    ['23 December 10:00', '2026-12-23 10:00', '2026-12-29 08:00', [
      '2026-12-23 17:00 escalation acknowledge → lead, waited 0 h since 2026-12-23 17:00',
      '2026-12-28 08:00 escalation acknowledge → lead, waited 111 h since 2026-12-23 17:00', // Christmas Eve to Sunday closed
      '2026-12-29 08:00 escalation acknowledge → lead, waited 135 h since 2026-12-23 17:00',
    ]],
    ["30 December 10:00, over New Year's Eve", '2026-12-30 10:00', '2027-01-04 08:00', [
      '2026-12-30 17:00 escalation acknowledge → lead, waited 0 h since 2026-12-30 17:00',
      '2027-01-04 08:00 escalation acknowledge → lead, waited 111 h since 2026-12-30 17:00',
    ]],
    ['Friday 10:00 as summer time ends on Sunday (one hour more)', '2026-10-23 10:00', '2026-10-26 08:00', [
      '2026-10-23 17:00 escalation acknowledge → lead, waited 0 h since 2026-10-23 17:00',
      '2026-10-26 08:00 escalation acknowledge → lead, waited 64 h since 2026-10-23 17:00',
    ]],
    ['Friday 10:00 as summer time begins on Sunday (one hour less)', '2026-03-27 10:00', '2026-03-30 08:00', [
      '2026-03-27 17:00 escalation acknowledge → lead, waited 0 h since 2026-03-27 17:00',
      '2026-03-30 08:00 escalation acknowledge → lead, waited 62 h since 2026-03-27 17:00',
    ]],
  ])('%s', (_name, submitted, until, expected) => {
    expect(timeline(newReport('normal', moment(submitted)), moment(until))).toEqual(expected);
  });

  it('nothing is due before the deadline, and a second sweep at the same moment finds nothing left', () => {
    const report = newReport('normal', moment('2026-11-25 10:00'));
    expect(report.nextActionAt).toBe(moment('2026-11-25 17:00').toISOString());
    expect(actionsDue(report, moment('2026-11-25 16:59'), policy)).toEqual([]);
    const first = sweep(report, moment('2026-11-25 17:05'));
    expect(first.report.escalationCount).toBe(1);
    expect(actionsDue(first.report, moment('2026-11-25 17:05'), policy)).toEqual([]);
  });
});

describe('an urgent report nobody acknowledges: warned 30 minutes before its 2 hours run out, escalated at the deadline', () => {
  it.each([
    ['Wednesday 10:00, in office hours: the lead', '2026-11-25 10:00', '2026-11-26 08:00', [
      '2026-11-25 11:30 warning → lead',
      '2026-11-25 12:00 escalation acknowledge → lead, waited 0 h since 2026-11-25 12:00',
      '2026-11-26 08:00 escalation acknowledge → lead, waited 20 h since 2026-11-25 12:00',
    ]],
    ['Wednesday 15:30, running past closing time: the on-call lead', '2026-11-25 15:30', '2026-11-26 08:00', [
      '2026-11-25 17:00 warning → out-of-hours-lead',
      '2026-11-25 17:30 escalation acknowledge → out-of-hours-lead, waited 0 h since 2026-11-25 17:30',
      '2026-11-26 08:00 escalation acknowledge → lead, waited 14 h since 2026-11-25 17:30',
    ]],
    // The case: sent 01:17 on a Saturday, first reached the lead at 03:30.
    ['Saturday night 01:17: the on-call lead at 02:47 and 03:17, the lead on Monday', '2026-11-28 01:17', '2026-11-30 08:00', [
      '2026-11-28 02:47 warning → out-of-hours-lead',
      '2026-11-28 03:17 escalation acknowledge → out-of-hours-lead, waited 0 h since 2026-11-28 03:17',
      '2026-11-30 08:00 escalation acknowledge → lead, waited 52 h since 2026-11-28 03:17',
    ]],
    ['Midsummer Eve 10:00', '2026-06-19 10:00', '2026-06-22 08:00', [
      '2026-06-19 11:30 warning → out-of-hours-lead',
      '2026-06-19 12:00 escalation acknowledge → out-of-hours-lead, waited 0 h since 2026-06-19 12:00',
      '2026-06-22 08:00 escalation acknowledge → lead, waited 68 h since 2026-06-19 12:00',
    ]],
    ['23 December 23:30 into Christmas Eve', '2026-12-23 23:30', '2026-12-28 08:00', [
      '2026-12-24 01:00 warning → out-of-hours-lead',
      '2026-12-24 01:30 escalation acknowledge → out-of-hours-lead, waited 0 h since 2026-12-24 01:30',
      '2026-12-28 08:00 escalation acknowledge → lead, waited 102 h since 2026-12-24 01:30',
    ]],
    ["New Year's Eve 10:00", '2026-12-31 10:00', '2027-01-04 08:00', [
      '2026-12-31 11:30 warning → out-of-hours-lead',
      '2026-12-31 12:00 escalation acknowledge → out-of-hours-lead, waited 0 h since 2026-12-31 12:00',
      '2027-01-04 08:00 escalation acknowledge → lead, waited 92 h since 2026-12-31 12:00',
    ]],
    ['Sunday 01:30 as summer time ends: 2 real hours end at the second 02:30', '2026-10-25 01:30', '2026-10-26 08:00', [
      '2026-10-25 02:00 warning → out-of-hours-lead',
      '2026-10-25 02:30 escalation acknowledge → out-of-hours-lead, waited 0 h since 2026-10-25 02:30',
      '2026-10-26 08:00 escalation acknowledge → lead, waited 29 h since 2026-10-25 02:30',
    ]],
    ['Sunday 01:30 as summer time begins: 2 real hours end at 04:30', '2026-03-29 01:30', '2026-03-30 08:00', [
      '2026-03-29 04:00 warning → out-of-hours-lead',
      '2026-03-29 04:30 escalation acknowledge → out-of-hours-lead, waited 0 h since 2026-03-29 04:30',
      '2026-03-30 08:00 escalation acknowledge → lead, waited 27 h since 2026-03-29 04:30',
    ]],
  ])('%s', (_name, submitted, until, expected) => {
    expect(timeline(newReport('urgent', moment(submitted)), moment(until))).toEqual(expected);
  });

  it('the warning names the deadline about to pass and counts no waiting', () => {
    const report = newReport('urgent', moment('2026-11-28 01:17'));
    expect(actionsDue(report, moment('2026-11-28 02:47'), policy)).toEqual([
      {
        kind: 'escalation',
        overdue: [],
        since: null,
        workingDaysWaited: 0,
        hoursWaited: 0,
        dueSoon: { deadline: 'acknowledge', at: moment('2026-11-28 03:17').toISOString() },
        recipient: 'out-of-hours-lead',
      },
    ]);
  });

  it('acknowledged after the warning: no escalation at the deadline', () => {
    const warned = sweep(newReport('urgent', moment('2026-11-25 10:00')), moment('2026-11-25 11:30')).report;
    const done = acknowledged(warned, moment('2026-11-25 11:45'));
    expect(done.nextActionAt).toBe(done.feedbackBy);
    expect(actionsDue(done, moment('2026-11-25 12:00'), policy)).toEqual([]);
  });

  it('a sweep that comes only after the deadline sends one escalation, not a warning as well', () => {
    const report = newReport('urgent', moment('2026-11-28 01:17'));
    const late = sweep(report, moment('2026-11-28 03:20'));
    expect(late.actions).toHaveLength(1);
    expect(late.actions[0]).toMatchObject({ kind: 'escalation', overdue: ['acknowledge'], recipient: 'out-of-hours-lead' });
    expect(late.report.nextActionAt).toBe(moment('2026-11-30 08:00').toISOString());
  });

  it('the team’s office hours decide who is warned', () => {
    const report = newReport('urgent', moment('2026-11-25 14:00'));
    const opensLate = actionsDue(report, moment('2026-11-25 15:30'), policy, { opens: '08:00', closes: '15:00' });
    expect(opensLate).toMatchObject([{ kind: 'escalation', recipient: 'out-of-hours-lead' }]);
    expect(actionsDue(report, moment('2026-11-25 15:30'), policy)).toMatchObject([{ kind: 'escalation', recipient: 'lead' }]);
  });
});

describe('feedback: reminder 08:00 two working days before, escalation when 17:00 on the feedback day passes', () => {
  it.each([
    ['Wednesday 25 November 10:00', '2026-11-25 10:00', [
      '2026-12-07 08:00 reminder',
      '2026-12-09 17:00 escalation feedback → lead, waited 0 h since 2026-12-09 17:00',
      '2026-12-10 08:00 escalation feedback → lead, waited 15 h since 2026-12-09 17:00',
    ]],
    ['Monday night 01:09 (the issue: reminded on a Saturday, due at 01:09)', '2026-11-30 01:09', [
      '2026-12-10 08:00 reminder',
      '2026-12-14 17:00 escalation feedback → lead, waited 0 h since 2026-12-14 17:00',
      '2026-12-15 08:00 escalation feedback → lead, waited 15 h since 2026-12-14 17:00',
    ]],
    ['5 June (day 14 is Midsummer Eve)', '2026-06-05 10:00', [
      '2026-06-17 08:00 reminder',
      '2026-06-22 17:00 escalation feedback → lead, waited 0 h since 2026-06-22 17:00',
      '2026-06-23 08:00 escalation feedback → lead, waited 15 h since 2026-06-22 17:00',
    ]],
    ['10 December (day 14 is Christmas Eve)', '2026-12-10 10:00', [
      '2026-12-22 08:00 reminder',
      '2026-12-28 17:00 escalation feedback → lead, waited 0 h since 2026-12-28 17:00',
      '2026-12-29 08:00 escalation feedback → lead, waited 15 h since 2026-12-28 17:00',
    ]],
    ["17 December (day 14 is New Year's Eve)", '2026-12-17 10:00', [
      '2026-12-29 08:00 reminder',
      '2027-01-04 17:00 escalation feedback → lead, waited 0 h since 2027-01-04 17:00',
      '2027-01-05 08:00 escalation feedback → lead, waited 15 h since 2027-01-04 17:00',
    ]],
    ['Tuesday 13 October (reminder in summer time, feedback in winter time)', '2026-10-13 10:00', [
      '2026-10-23 08:00 reminder',
      '2026-10-27 17:00 escalation feedback → lead, waited 0 h since 2026-10-27 17:00',
      '2026-10-28 08:00 escalation feedback → lead, waited 15 h since 2026-10-27 17:00',
    ]],
    ['Tuesday 17 March (reminder in winter time, feedback in summer time)', '2026-03-17 10:00', [
      '2026-03-27 08:00 reminder',
      '2026-03-31 17:00 escalation feedback → lead, waited 0 h since 2026-03-31 17:00',
      '2026-04-01 08:00 escalation feedback → lead, waited 15 h since 2026-03-31 17:00',
    ]],
  ])('%s, acknowledged in time', (_name, submitted, expected) => {
    const report = acknowledged(newReport('normal', moment(submitted)), new Date(moment(submitted).getTime() + 60_000));
    const feedbackBy = new Date(report.feedbackBy);
    const dayAfter = new Date(feedbackBy.getTime() + 24 * 3_600_000);
    expect(timeline(report, dayAfter)).toEqual(expected);
  });

  it('both deadlines late: one escalation naming both, waited counted from the earlier one', () => {
    const report = newReport('normal', moment('2026-11-30 01:09'));
    const late = actionsDue({ ...report, lastEscalationAt: moment('2026-12-14 08:00').toISOString() }, moment('2026-12-15 08:00'), policy);
    expect(late).toMatchObject([{ kind: 'escalation', overdue: ['acknowledge', 'feedback'], since: moment('2026-11-30 17:00').toISOString() }]);
    expect(late[0]).toMatchObject({ hoursWaited: 351, workingDaysWaited: 11 });
  });

  it('nothing after feedback: no reminder, no escalation, nothing due', () => {
    const closed = recordFeedback(newReport('normal', moment('2026-11-25 10:00')), { outcome: 'investigation-opened', note: '' }, 'sara.lindqvist@ekdala.example', moment('2026-11-26 09:00'), policy);
    if (closed.kind !== 'changed') throw new Error('expected a change');
    expect(closed.report.status).toBe('closed');
    expect(closed.report.nextActionAt).toBeUndefined();
    expect(actionsDue(closed.report, moment('2026-12-31 12:00'), policy)).toEqual([]);
  });

  it('a reminder that is already pointless (feedback overdue) is not sent, and never later', () => {
    const report = acknowledged(newReport('normal', moment('2026-11-25 10:00')), moment('2026-11-25 13:00'));
    const late = sweep(report, moment('2026-12-09 18:00'));
    expect(late.actions.map((a) => a.kind)).toEqual(['escalation']);
    expect(late.report.reminderSentAt).toBeUndefined();
    expect(late.report.reminderSkippedAt).toBeDefined();
    expect(sweep(late.report, moment('2026-12-10 08:00')).actions.map((a) => a.kind)).toEqual(['escalation']);
  });
});

describe('existing reports keep the deadlines they were given', () => {
  // Stored under the old rules: feedback at the submission's clock time on day 14, the reminder two calendar
  // days before (a Saturday), acknowledgement at the end of the next working day.
  const old: Report = {
    ...newReport('normal', moment('2026-11-30 01:09')),
    acknowledgeBy: moment('2026-12-01 17:00').toISOString(),
    feedbackBy: moment('2026-12-14 01:09').toISOString(),
    reminderAt: moment('2026-12-12 01:09').toISOString(),
  };

  it('the rules read the stored deadlines, not today’s policy', () => {
    expect(local(nextActionAt(old, policy)?.toISOString())).toBe('2026-12-01 17:00');
    const report = acknowledged(old, moment('2026-11-30 09:00'));
    expect(timeline(report, moment('2026-12-15 08:00'))).toEqual([
      '2026-12-12 01:09 reminder',
      '2026-12-14 01:09 escalation feedback → lead, waited 0 h since 2026-12-14 01:09',
      '2026-12-15 08:00 escalation feedback → lead, waited 30 h since 2026-12-14 01:09',
    ]);
  });
});

describe('state changes', () => {
  const submitted = moment('2026-11-25 10:00');

  it('acknowledging twice changes nothing the second time', () => {
    const first = acknowledge(newReport('normal', submitted), 'a@ekdala.example', moment('2026-11-25 11:00'), policy);
    if (first.kind !== 'changed') throw new Error('expected a change');
    expect(first.audit.action).toBe('acknowledged');
    expect(acknowledge(first.report, 'b@ekdala.example', moment('2026-11-25 12:00'), policy).kind).toBe('unchanged');
  });

  it('refuses a different outcome once feedback is recorded, accepts the same one as harmless', () => {
    const closed = recordFeedback(newReport('normal', submitted), { outcome: 'already-ongoing', note: '' }, 'a@ekdala.example', moment('2026-11-26 09:00'), policy);
    if (closed.kind !== 'changed') throw new Error('expected a change');
    expect(recordFeedback(closed.report, { outcome: 'already-ongoing', note: '' }, 'a@ekdala.example', moment('2026-11-26 10:00'), policy).kind).toBe('unchanged');
    expect(recordFeedback(closed.report, { outcome: 'investigation-opened', note: '' }, 'a@ekdala.example', moment('2026-11-26 10:00'), policy).kind).toBe('refused');
  });

  it('a new report records whether it also went to the out-of-hours service', () => {
    expect(newReport('normal', moment('2026-11-25 10:00')).outOfHoursService).toBeUndefined();
    expect(newReport('normal', moment('2026-11-27 16:00')).outOfHoursService).toBe(true);
    expect(newReport('urgent', moment('2026-11-28 01:17')).outOfHoursService).toBe(true);
    expect(newReport('urgent', moment('2026-11-25 10:00')).outOfHoursService).toBeUndefined();
  });
});
