// The team-work notices notify sends (issue 12): given to someone, forwarded to a team, the lead's alert on an
// immediate-protection assessment; reminders to the assignee first. No notice carries the child's name, the
// concern, a note or the forwarding reason.
import { describe, expect, it } from 'vitest';
import { parseDirectory } from '../../core/directory/directory.ts';
import { atLocalTime } from '../../core/domain/calendar.ts';
import { actionsDue, afterActions } from '../../core/domain/follow-up.ts';
import { decide } from '../../core/domain/notifications.ts';
import { acknowledge, createReport, withNextAction, type Report } from '../../core/domain/report.ts';
import { routeReport } from '../../core/domain/routing.ts';
import { addNote, assign, forward } from '../../core/domain/team-work.ts';
import { emailFacts } from '../../core/email/templates.ts';
import { teamNoticeEmail } from '../../core/email/team-notices.ts';
import { concernReportDeadlines as policy } from '../../forms/concern-report/policy.ts';
import { concernReportSchema } from '../../forms/concern-report/schema.ts';
import sample from '../../directory/sample.json' with { type: 'json' };

const directory = parseDirectory(sample);
const at = atLocalTime('2026-11-25', '10:00');
const norr = directory.teams.find((t) => t.id === 'mottagning-norr')!;
const lead = { email: norr.lead.email, isLead: true };
const sara = { email: 'sara.lindqvist@ekdala.example', isLead: false };

function newReport(): Report {
  const submission = concernReportSchema.parse({
    schoolId: 'ekbacken',
    urgency: 'normal',
    reporter: { name: 'Anna Lind', role: 'Klasslärare', email: 'anna.lind@example.se' },
    child: { firstName: 'Elias', lastName: 'Berg', personalNumber: '20150312-2382' },
    concern: { categories: ['absence'], description: 'Seen in the yard.' },
    guardiansInformed: 'yes',
  });
  return createReport({ submissionId: '0b9c7c1e-4a5b-4c8d-9e0f-1a2b3c4d5e6f', submission, bodyHash: 'x', route: routeReport(directory, 'ekbacken'), policy, now: at }).report;
}

function changed(change: ReturnType<typeof assign>): Report {
  if (change.kind !== 'changed') throw new Error(`expected a change, got ${change.kind}`);
  return change.report;
}

const planned = (previous: Report, next: Report) => decide({ eventName: 'MODIFY', oldReport: previous, newReport: next }, directory, policy).emails;

describe('team-work notices', () => {
  it('a report given by the lead owes its assignee one notice; one taken by oneself owes none', () => {
    const report = newReport();
    expect(planned(report, changed(assign(report, sara.email, sara, norr, at)))).toEqual([]);
    const given = changed(assign(report, 'johan.ek@ekdala.example', lead, norr, at));
    expect(planned(report, given)).toEqual([
      { key: `assigned:johan.ek@ekdala.example:${at.toISOString()}`, kind: 'notice', notice: 'assigned', to: 'johan.ek@ekdala.example' },
    ]);
    // The same image again (a later change) owes nothing new.
    expect(planned(given, changed(addNote(given, 'Ringt', sara, at)))).toEqual([]);
  });

  it("a forwarded report owes each of the new team's contacts a notice of their own", () => {
    const report = newReport();
    const moved = changed(forward(report, { teamId: 'mottagning-syd', reason: 'Bor i Syd' }, sara, at));
    expect(planned(report, moved).map((e) => [e.key, e.to])).toEqual([
      ['forwarded#1:maria.holm@ekdala.example', 'maria.holm@ekdala.example'],
      ['forwarded#1:ali.hassan@ekdala.example', 'ali.hassan@ekdala.example'],
    ]);
  });

  it('an immediate-protection assessment alerts the lead at once', () => {
    const report = newReport();
    const acknowledged = changed(acknowledge(report, sara.email, at, policy, { result: 'immediate-protection-needed' }));
    expect(planned(report, acknowledged)).toEqual([{ key: 'lead-alert:protection', kind: 'notice', notice: 'immediate-protection-needed', to: norr.lead.email }]);
    const calm = changed(acknowledge(report, sara.email, at, policy, { result: 'no-immediate-risk' }));
    expect(planned(report, calm)).toEqual([]);
  });

  // Reminders to the assignee, else the team, go out in the sweep's digests: test/unit/digest.test.ts (recipientsOf)
  // and test/unit/app/sweep-due.test.ts.

  it('no notice carries the child, the concern, a note or the forwarding reason', () => {
    const report = newReport();
    const facts = emailFacts({ ...report, notes: [{ text: 'Secret note', by: sara.email, at: at.toISOString() }] }, 'Mottagningsgruppen Syd');
    for (const subject of ['immediate-protection-needed', 'assigned', 'forwarded'] as const) {
      const email = teamNoticeEmail(subject, facts, { publicUrl: 'https://example.test' });
      const all = `${email.subject}\n${email.text}\n${email.html}`;
      expect(all).toContain(report.reference);
      expect(all).toContain(`https://example.test/cases/${report.id}`);
      for (const secret of ['Elias', 'Berg', '20150312', 'Seen in the yard', 'Secret note', 'Bor i Syd', 'Anna']) expect(all).not.toContain(secret);
    }
  });
});
