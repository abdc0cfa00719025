// Digests: one email per person per sweep, listing every report the sweep owes that person.
import { describe, expect, it } from 'vitest';
import { atLocalTime, type LocalTime } from '../../core/domain/calendar.ts';
import { digestId, digestsForSweep, recipientsOf, type FollowUpPeople, type OwedFollowUp } from '../../core/domain/digest.ts';
import { actionsDue, afterActions } from '../../core/domain/follow-up.ts';
import { acknowledge, createReport, type Report } from '../../core/domain/report.ts';
import { concernReportDeadlines as policy } from '../../forms/concern-report/policy.ts';
import type { ConcernReportSubmission } from '../../forms/concern-report/schema.ts';

const moment = (local: string) => {
  const [day, time] = local.split(' ') as [string, LocalTime];
  return atLocalTime(day, time);
};

const norr: FollowUpPeople = {
  contacts: ['sara.lindqvist@ekdala.example', 'Johan.Ek@ekdala.example '],
  lead: 'karin.norberg@ekdala.example',
  outOfHoursLead: 'jour.ledare@ekdala.example',
};

function newReport(n: number, urgency: 'normal' | 'urgent', submittedAt: Date, schoolName: string | null = 'Ekbackens skola'): Report {
  const submission = { urgency, language: 'sv', schoolId: 'ekbacken' } as unknown as ConcernReportSubmission;
  const id = `0b9c7c1e-4a5b-4c8d-9e0f-${String(n).padStart(12, '0')}`;
  const { report } = createReport({
    submissionId: id,
    submission,
    bodyHash: 'x',
    route: { teamId: 'mottagning-norr', areaId: 'norr', schoolName, routedToFallback: schoolName === null },
    policy,
    now: submittedAt,
  });
  return { ...report, reference: `OS-2026-${String(n).padStart(4, '0')}` };
}

/** What one sweep at `now` owes for these reports, as the sweep would hand it over. */
function owedAt(now: Date, reports: Report[], people: FollowUpPeople = norr): OwedFollowUp[] {
  return reports.map((report) => {
    const actions = actionsDue(report, now, policy);
    return { report: afterActions(report, actions, now), actions, people };
  });
}

describe('one digest per person per sweep', () => {
  it('11 overdue reports for one lead: one digest naming all 11, each with its school, what is late and since when', () => {
    const sweepAt = moment('2026-12-01 08:00');
    // Eleven normal reports over two days, none acknowledged: the acknowledgements are all late.
    const reports = Array.from({ length: 11 }, (_, i) => newReport(i + 1, 'normal', moment(i < 6 ? '2026-11-27 10:00' : '2026-11-30 09:00')));
    const digests = digestsForSweep(sweepAt, owedAt(sweepAt, reports));
    expect(digests).toHaveLength(1);
    const [digest] = digests;
    expect(digest!.id).toBe(`DIGEST#karin.norberg@ekdala.example#${sweepAt.toISOString()}`);
    expect(digest!.recipient).toBe('karin.norberg@ekdala.example');
    expect(digest!.entries.map((e) => e.reference).sort()).toEqual(reports.map((r) => r.reference).sort());
    for (const entry of digest!.entries) {
      expect(entry).toMatchObject({ kind: 'escalation', schoolName: 'Ekbackens skola', late: ['acknowledge'], ledgerKey: 'escalation#1' });
    }
    // The longest late first: Friday's six (due Friday 17:00), then Monday's five (due Monday 17:00).
    expect(digest!.entries.map((e) => e.since)).toEqual([
      ...Array(6).fill(moment('2026-11-27 17:00').toISOString()),
      ...Array(5).fill(moment('2026-11-30 17:00').toISOString()),
    ]);
  });

  it('six reminders for a team: one digest per contact listing all six, none to the lead', () => {
    const reports = Array.from({ length: 6 }, (_, i) => {
      const change = acknowledge(newReport(i + 1, 'normal', moment('2026-11-25 10:00')), 'sara.lindqvist@ekdala.example', moment('2026-11-25 11:00'), policy);
      if (change.kind !== 'changed') throw new Error('expected a change');
      return change.report;
    });
    const sweepAt = moment('2026-12-07 08:00');
    const digests = digestsForSweep(sweepAt, owedAt(sweepAt, reports));
    expect(digests.map((d) => d.recipient)).toEqual(['johan.ek@ekdala.example', 'sara.lindqvist@ekdala.example']);
    for (const digest of digests) {
      expect(digest.entries).toHaveLength(6);
      expect(digest.entries.every((e) => e.kind === 'reminder' && e.ledgerKey === `reminder:${digest.recipient}`)).toBe(true);
      expect(digest.entries[0]!.dueSoon).toEqual({ deadline: 'feedback', at: moment('2026-12-09 17:00').toISOString() });
    }
  });

  it('a reminder goes to the assignee alone when the report has one', () => {
    expect(recipientsOf({ kind: 'reminder' }, { ...norr, assignee: 'Sara.Lindqvist@ekdala.example' })).toEqual(['sara.lindqvist@ekdala.example']);
    expect(recipientsOf({ kind: 'reminder' }, { ...norr, assignee: null })).toEqual(['sara.lindqvist@ekdala.example', 'johan.ek@ekdala.example']);
  });

  it('an urgent report at night: its warning goes to the on-call lead, the lead’s own digest does not list it', () => {
    const sweepAt = moment('2026-11-28 02:50');
    const urgent = newReport(1, 'urgent', moment('2026-11-28 01:17'));
    const normal = newReport(2, 'normal', moment('2026-11-27 10:00'));
    const digests = digestsForSweep(sweepAt, owedAt(sweepAt, [urgent, normal]));
    expect(digests.map((d) => [d.recipient, d.entries.map((e) => e.reference)])).toEqual([
      ['jour.ledare@ekdala.example', ['OS-2026-0001']],
      ['karin.norberg@ekdala.example', ['OS-2026-0002']],
    ]);
    expect(digests[0]!.entries[0]).toMatchObject({ late: [], since: null, dueSoon: { deadline: 'acknowledge', at: moment('2026-11-28 03:17').toISOString() } });
  });

  it('a report from an unknown school is listed without a school name', () => {
    const sweepAt = moment('2026-11-30 08:00');
    const [digest] = digestsForSweep(sweepAt, owedAt(sweepAt, [newReport(1, 'normal', moment('2026-11-27 10:00'), null)]));
    expect(digest!.entries[0]!.schoolName).toBeNull();
  });

  it('escalations come before reminders in a person’s digest; a person who is both contact and lead gets one digest', () => {
    const people = { ...norr, contacts: ['karin.norberg@ekdala.example'] };
    const acked = acknowledge(newReport(1, 'normal', moment('2026-11-25 10:00')), 'karin.norberg@ekdala.example', moment('2026-11-25 11:00'), policy);
    if (acked.kind !== 'changed') throw new Error('expected a change');
    const sweepAt = moment('2026-12-07 08:00');
    const digests = digestsForSweep(sweepAt, owedAt(sweepAt, [acked.report, newReport(2, 'normal', moment('2026-12-04 10:00'))], people));
    expect(digests).toHaveLength(1);
    expect(digests[0]!.entries.map((e) => `${e.kind} ${e.reference}`)).toEqual(['escalation OS-2026-0002', 'reminder OS-2026-0001']);
  });

  it('the same sweep gives the same digests with the same ids (a retry finds what it wrote); nothing owed, no digest', () => {
    const sweepAt = moment('2026-12-01 08:00');
    const reports = [newReport(1, 'normal', moment('2026-11-27 10:00')), newReport(2, 'normal', moment('2026-11-30 09:00'))];
    expect(digestsForSweep(sweepAt, owedAt(sweepAt, reports))).toEqual(digestsForSweep(sweepAt, owedAt(sweepAt, [...reports].reverse())));
    expect(digestId(' Karin.Norberg@ekdala.example', sweepAt)).toBe(`DIGEST#karin.norberg@ekdala.example#${sweepAt.toISOString()}`);
    expect(digestsForSweep(sweepAt, owedAt(moment('2026-11-27 11:00'), reports))).toEqual([]);
  });

  it('a report listed twice in the input is listed once', () => {
    const sweepAt = moment('2026-12-01 08:00');
    const owed = owedAt(sweepAt, [newReport(1, 'normal', moment('2026-11-27 10:00'))]);
    const [digest] = digestsForSweep(sweepAt, [...owed, ...owed]);
    expect(digest!.entries).toHaveLength(1);
  });

  it('digests carry ids, references, school names and deadlines only, never the submission', () => {
    const sweepAt = moment('2026-12-01 08:00');
    const report = { ...newReport(1, 'normal', moment('2026-11-27 10:00')), submission: { child: { firstName: 'SECRET-NAME' } } as unknown as ConcernReportSubmission };
    expect(JSON.stringify(digestsForSweep(sweepAt, owedAt(sweepAt, [report])))).not.toContain('SECRET-NAME');
  });

  it('the id is the sweep’s instant, so the two 02:30 sweeps of the autumn DST night are two digests', () => {
    const first = new Date('2026-10-25T00:30:00.000Z'); // 02:30 CEST
    const second = new Date('2026-10-25T01:30:00.000Z'); // 02:30 CET, an hour later
    expect(digestId(norr.lead, first)).not.toBe(digestId(norr.lead, second));
  });

  it.each([
    ['Saturday night 01:17', moment('2026-11-28 01:17'), moment('2026-11-28 03:17')],
    ['Midsummer Eve 10:00', moment('2026-06-19 10:00'), moment('2026-06-19 12:00')],
    ['Christmas Eve 10:00', moment('2026-12-24 10:00'), moment('2026-12-24 12:00')],
    ["New Year's Eve 23:00", moment('2026-12-31 23:00'), moment('2027-01-01 01:00')],
    // 01:30 CEST → 02:30 CET (the second 02:30), and 01:30 CET → 04:30 CEST.
    ['Sunday 01:30 as summer time ends', new Date('2026-10-24T23:30:00.000Z'), new Date('2026-10-25T01:30:00.000Z')],
    ['Sunday 01:30 as summer time begins', new Date('2026-03-29T00:30:00.000Z'), new Date('2026-03-29T02:30:00.000Z')],
  ])('urgent, %s: the escalation at the deadline goes to the on-call lead alone', (_name, submitted, deadline) => {
    const report = newReport(1, 'urgent', submitted);
    expect(report.acknowledgeBy).toBe(deadline.toISOString());
    const digests = digestsForSweep(deadline, owedAt(deadline, [report]));
    expect(digests.map((d) => d.recipient)).toEqual(['jour.ledare@ekdala.example']);
    expect(digests[0]!.entries).toMatchObject([{ late: ['acknowledge'], since: deadline.toISOString() }]);
  });
});
