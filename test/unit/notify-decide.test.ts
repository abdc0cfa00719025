import { describe, expect, it } from 'vitest';
import { parseDirectory } from '../../core/directory/directory.ts';
import { atLocalTime } from '../../core/domain/calendar.ts';
import { actionsDue, afterActions } from '../../core/domain/follow-up.ts';
import { acknowledge, createReport, recordFeedback, withNextAction, type Report } from '../../core/domain/report.ts';
import { routeReport } from '../../core/domain/routing.ts';
import { concernReportDeadlines as policy } from '../../forms/concern-report/policy.ts';
import { concernReportSchema } from '../../forms/concern-report/schema.ts';
import { decide } from '../../core/domain/notifications.ts';
import sample from '../../directory/sample.json' with { type: 'json' };

// The test's reporter writes from example.se: listed here as a school domain, so trusted (issue 13: only a trusted
// reporter gets the status link and the outcome notice; test/unit/reporter-emails.test.ts covers the untrusted).
const directory = parseDirectory({ ...sample, municipality: { ...sample.municipality, schoolEmailDomains: [...sample.municipality.schoolEmailDomains, 'example.se'] } });
const submittedAt = atLocalTime('2026-11-25', '10:00'); // a Wednesday

function newReport(overrides: { schoolId?: string; urgency?: 'normal' | 'urgent'; language?: 'sv' | 'en' } = {}): Report {
  const submission = concernReportSchema.parse({
    schoolId: overrides.schoolId ?? 'ekbacken',
    urgency: overrides.urgency ?? 'normal',
    language: overrides.language ?? 'sv',
    reporter: { name: 'Anna Lind', role: 'Klasslärare', email: 'anna.lind@example.se' },
    child: { firstName: 'Elias', lastName: 'Berg' },
    concern: { categories: ['absence'], description: 'Seen.' },
    guardiansInformed: 'yes',
  });
  return createReport({
    submissionId: '0b9c7c1e-4a5b-4c8d-9e0f-1a2b3c4d5e6f',
    submission,
    bodyHash: 'x',
    route: routeReport(directory, submission.schoolId),
    policy,
    now: submittedAt,
  }).report;
}

/** What the reminder sweep writes at `now`. */
function swept(report: Report, now: Date): Report {
  return withNextAction(afterActions(report, actionsDue(report, now, policy), now), policy);
}

const keys = (report: Report, previous?: Report) =>
  decide({ eventName: previous ? 'MODIFY' : 'INSERT', oldReport: previous, newReport: report }, directory, policy).emails.map(
    (e) => `${e.key} → ${e.to}`,
  );

describe('decide: which emails a report change means', () => {
  it('a new report: an alert to every contact of the routed team and a receipt to the reporter', () => {
    expect(keys(newReport())).toEqual([
      'alert:sara.lindqvist@ekdala.example → sara.lindqvist@ekdala.example',
      'alert:johan.ek@ekdala.example → johan.ek@ekdala.example',
      'receipt → anna.lind@example.se',
    ]);
  });

  it('an unknown school: the fallback team gets the alert', () => {
    const decision = decide({ eventName: 'INSERT', newReport: newReport({ schoolId: 'no-such-school' }) }, directory, policy);
    expect(decision.team?.id).toBe('mottagning-central');
    expect(decision.emails.filter((e) => e.kind === 'alert').map((e) => e.to)).toEqual([
      'lina.berg@ekdala.example',
      'omar.nilsson@ekdala.example',
    ]);
  });

  it('a team no longer in the directory: the fallback team, flagged', () => {
    const report = { ...newReport(), teamId: 'gone-team' };
    const decision = decide({ eventName: 'INSERT', newReport: report }, directory, policy);
    expect(decision.teamMissing).toBe(true);
    expect(decision.team?.id).toBe('mottagning-central');
  });

  it('acknowledging sends nothing', () => {
    const report = newReport();
    const change = acknowledge(report, 'sara.lindqvist@ekdala.example', new Date(submittedAt.getTime() + 3_600_000), policy);
    if (change.kind !== 'changed') throw new Error('expected a change');
    expect(keys(change.report, report)).toEqual([]);
  });

  it('feedback closes the report: the outcome to the reporter', () => {
    const report = newReport();
    const change = recordFeedback(report, { outcome: 'investigation-opened', note: 'x' }, 'sara.lindqvist@ekdala.example', new Date(submittedAt.getTime() + 86_400_000), policy);
    if (change.kind !== 'changed') throw new Error('expected a change');
    expect(keys(change.report, report)).toEqual(['outcome → anna.lind@example.se']);
    // The same closed report written again (another field changed): no second outcome.
    expect(keys({ ...change.report, nextActionAt: undefined }, change.report)).toEqual([]);
  });

  it('the sweep sets reminderSentAt: a reminder to every team contact', () => {
    const acknowledged = acknowledge(newReport(), 'sara.lindqvist@ekdala.example', atLocalTime('2026-11-25', '11:00'), policy);
    if (acknowledged.kind !== 'changed') throw new Error('expected a change');
    const before = acknowledged.report;
    const after = swept(before, new Date(before.reminderAt!));
    expect(after.reminderSentAt).toBeDefined();
    expect(keys(after, before)).toEqual([
      'reminder:sara.lindqvist@ekdala.example → sara.lindqvist@ekdala.example',
      'reminder:johan.ek@ekdala.example → johan.ek@ekdala.example',
    ]);
  });

  it('a reminder that became pointless (feedback already late) is not sent, however the sweep marks it', () => {
    const acknowledged = acknowledge(newReport(), 'sara.lindqvist@ekdala.example', atLocalTime('2026-11-25', '11:00'), policy);
    if (acknowledged.kind !== 'changed') throw new Error('expected a change');
    const before = acknowledged.report;
    const late = new Date(new Date(before.feedbackBy).getTime() + 60_000);
    const after = swept(before, late);
    expect(after.reminderSentAt).toBeUndefined();
    expect(decide({ eventName: 'MODIFY', oldReport: before, newReport: after }, directory, policy).emails.map((e) => e.kind)).toEqual([
      'escalation',
    ]);
    // Marked "sent" after the feedback deadline (an older sweep did that): still not sent.
    const marked = { ...after, reminderSentAt: late.toISOString() };
    expect(decide({ eventName: 'MODIFY', oldReport: before, newReport: marked }, directory, policy).emails.map((e) => e.kind)).toEqual([
      'escalation',
    ]);
  });

  it('an escalation goes to the team lead with what is overdue and how long it waited', () => {
    const before = newReport();
    // The acknowledgement was due Wednesday 17:00 (same day); a sweep catching up on Thursday at 12:00.
    const now = atLocalTime('2026-11-26', '12:00');
    const after = swept(before, now);
    expect(after.escalationCount).toBe(1);
    const [email, ...rest] = decide({ eventName: 'MODIFY', oldReport: before, newReport: after }, directory, policy).emails;
    expect(rest).toEqual([]);
    expect(email).toEqual({
      key: 'escalation#1',
      kind: 'escalation',
      to: 'karin.norberg@ekdala.example',
      // Waited counts from the deadline that passed (Wednesday 17:00), not from submission (10:00).
      escalation: { overdue: ['acknowledge'], hoursWaited: 19, workingDaysWaited: 1 },
    });
  });

  it('the second escalation has its own key; a repeat of the same image sends nothing new', () => {
    const first = swept(newReport(), atLocalTime('2026-11-26', '17:00'));
    const second = swept(first, atLocalTime('2026-11-27', '08:00'));
    expect(second.escalationCount).toBe(2);
    expect(keys(second, first)).toEqual(['escalation#2 → karin.norberg@ekdala.example']);
    expect(keys(second, second)).toEqual([]);
  });

  it('an escalation whose old image does not reproduce it still says which deadlines passed', () => {
    const before = newReport();
    const after = { ...before, escalationCount: 1, lastEscalationAt: new Date(new Date(before.feedbackBy).getTime() + 3_600_000).toISOString() };
    const [email] = decide({ eventName: 'MODIFY', oldReport: { ...after, escalationCount: 0 }, newReport: after }, directory, policy).emails;
    expect(email?.escalation?.overdue).toEqual(['acknowledge', 'feedback']);
    expect(email?.escalation?.workingDaysWaited).toBeGreaterThan(5);
  });

  it('removals, missing images and ledger-only changes send nothing', () => {
    const report = newReport();
    expect(decide({ eventName: 'REMOVE', oldReport: report }, directory, policy).emails).toEqual([]);
    expect(decide({ eventName: 'MODIFY', newReport: report }, directory, policy).emails).toEqual([]);
    expect(keys({ ...report, sentEmails: ['receipt'] }, report)).toEqual([]);
  });
});
