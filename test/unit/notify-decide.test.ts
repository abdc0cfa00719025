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

  // Contract change (issue 14, DESIGN.md "Digests"): a report's own reminder and escalation emails were planned
  // here; they now go out in the sweep's digests (test/unit/app/sweep-due.test.ts, deliver-digest.test.ts).
  it('the sweep’s changes of the report itself send nothing: reminders and escalations go out as digests', () => {
    const acknowledged = acknowledge(newReport(), 'sara.lindqvist@ekdala.example', atLocalTime('2026-11-25', '11:00'), policy);
    if (acknowledged.kind !== 'changed') throw new Error('expected a change');
    const reminded = swept(acknowledged.report, new Date(acknowledged.report.reminderAt!));
    expect(reminded.reminderSentAt).toBeDefined();
    expect(keys(reminded, acknowledged.report)).toEqual([]);
    const escalated = swept(newReport(), atLocalTime('2026-11-26', '12:00'));
    expect(escalated.escalationCount).toBe(1);
    expect(keys(escalated, newReport())).toEqual([]);
  });

  it('a report that needs the out-of-hours service alerts it too; an urgent one’s receipt names its number', () => {
    const night = { ...newReport({ urgency: 'urgent' }), outOfHoursService: true as const };
    const emails = decide({ eventName: 'INSERT', newReport: night }, directory, policy).emails;
    expect(emails.map((e) => `${e.key} → ${e.to}`)).toEqual([
      'alert:sara.lindqvist@ekdala.example → sara.lindqvist@ekdala.example',
      'alert:johan.ek@ekdala.example → johan.ek@ekdala.example',
      'out-of-hours-alert → socialjouren@ekdala.example',
      'receipt → anna.lind@example.se',
    ]);
    expect(emails.find((e) => e.kind === 'receipt')?.outOfHours).toEqual({ name: 'Socialjouren Ekdala', phone: '010-100 10 00' });
    // A normal report sent to the service for its assessment: the receipt does not say "call now".
    const normal = decide({ eventName: 'INSERT', newReport: { ...newReport(), outOfHoursService: true } }, directory, policy).emails;
    expect(normal.find((e) => e.kind === 'receipt')?.outOfHours).toBeUndefined();
    expect(normal.some((e) => e.kind === 'out-of-hours-alert')).toBe(true);
  });

  it('removals, missing images and ledger-only changes send nothing', () => {
    const report = newReport();
    expect(decide({ eventName: 'REMOVE', oldReport: report }, directory, policy).emails).toEqual([]);
    expect(decide({ eventName: 'MODIFY', newReport: report }, directory, policy).emails).toEqual([]);
    expect(keys({ ...report, sentEmails: ['receipt'] }, report)).toEqual([]);
  });
});
