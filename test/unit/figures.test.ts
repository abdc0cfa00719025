// The figures' pure rules (core/domain/figures.ts): what a report adds, the difference a change makes, the
// median from the histogram, small counts hidden.
import { describe, expect, it } from 'vitest';
import { atLocalTime } from '../../core/domain/calendar.ts';
import {
  ackBucketName,
  contributionOf,
  differenceOf,
  isOpenOverdue,
  medianHours,
  monthOf,
  monthsBetween,
  publicRow,
  shownCount,
  sumRows,
} from '../../core/domain/figures.ts';
import { recordOutcome } from '../../core/domain/outcomes.ts';
import { acknowledge, type Report } from '../../core/domain/report.ts';
import { forward } from '../../core/domain/team-work.ts';
import { concernReportForm } from '../../forms/concern-report/index.ts';
import { newReport } from '../support/reports.ts';

const policy = concernReportForm.deadlines;
const lead = { email: 'lead@ekdala.example', isLead: true };
const changed = (change: ReturnType<typeof acknowledge>): Report => {
  if (change.kind !== 'changed') throw new Error(`expected a change, got ${change.kind}`);
  return change.report;
};

describe('figures: what a report adds', () => {
  it('a new report adds one report to the row of its month, team, area and school', () => {
    const report = newReport({ at: atLocalTime('2026-11-02', '09:00') });
    const { key, counts } = contributionOf(report);
    expect(key).toEqual({ month: '2026-11', teamId: report.teamId, areaId: report.areaId, schoolId: report.schoolId });
    expect(counts).toEqual({ reports: 1 });
  });

  it('the month is Stockholm time: 23:30 UTC on 31 October is November', () => {
    expect(monthOf('2026-10-31T23:30:00Z')).toBe('2026-11');
  });

  it('an urgent report acknowledged in 1.5 hours counts as urgent, in time, in the 1-hour bucket', () => {
    const report = newReport({ at: atLocalTime('2026-11-02', '09:00'), body: { urgency: 'urgent' } });
    const acked = changed(acknowledge(report, 'sara@ekdala.example', atLocalTime('2026-11-02', '10:30'), policy, { result: 'no-immediate-risk' }));
    expect(contributionOf(acked).counts).toEqual({ reports: 1, urgent: 1, acknowledgedInTime: 1, [ackBucketName(1)]: 1 });
  });

  it('feedback after the deadline counts as late; a report forwarded to another municipality as forwarded, not feedback', () => {
    const report = newReport({ at: atLocalTime('2026-11-02', '09:00') });
    const acked = changed(acknowledge(report, 's@e', atLocalTime('2026-11-02', '10:00'), policy, { result: 'no-immediate-risk' }));
    const late = changed(recordOutcome(acked, { outcome: 'investigation-opened' }, lead, new Date(Date.parse(acked.feedbackBy) + 60_000), policy));
    expect(contributionOf(late).counts).toMatchObject({ feedbackLate: 1 });
    expect(contributionOf(late).counts.feedbackInTime).toBeUndefined();
    const away = changed(recordOutcome(acked, { outcome: 'forwarded-to-other-municipality', municipality: 'Västby' }, lead, atLocalTime('2026-11-03', '10:00'), policy));
    expect(contributionOf(away).counts).toMatchObject({ forwarded: 1 });
    expect(contributionOf(away).counts.feedbackInTime).toBeUndefined();
  });

  it('a report is open and overdue once the sweep has escalated at or after a pending deadline, and no longer once acknowledged', () => {
    const report = newReport({ at: atLocalTime('2026-11-02', '09:00') });
    expect(isOpenOverdue(report)).toBe(false);
    const escalated = { ...report, lastEscalationAt: report.acknowledgeBy, escalationCount: 1 };
    expect(isOpenOverdue(escalated)).toBe(true);
    expect(contributionOf(escalated).counts).toMatchObject({ openOverdue: 1, escalations: 1 });
    const acked = changed(acknowledge(escalated, 's@e', new Date(Date.parse(report.acknowledgeBy) + 3_600_000), policy, { result: 'no-immediate-risk' }));
    expect(isOpenOverdue(acked)).toBe(false);
    expect(contributionOf(acked).counts).toMatchObject({ escalations: 1 });
  });
});

describe('figures: the difference a change makes', () => {
  it('forwarding moves the whole contribution from the old team to the new one', () => {
    const report = newReport({ at: atLocalTime('2026-11-02', '09:00') });
    const moved = changed(forward(report, { teamId: 'mottagning-syd', reason: 'wrong area' }, lead, atLocalTime('2026-11-02', '10:00')));
    const deltas = differenceOf(contributionOf(report), contributionOf(moved));
    expect(deltas).toEqual([
      { key: { ...contributionOf(report).key }, add: { reports: -1 } },
      { key: { ...contributionOf(report).key, teamId: 'mottagning-syd' }, add: { reports: 1 } },
    ]);
  });

  it('a change that adds nothing (a note, an email recorded) makes no delta; a first count adds everything', () => {
    const report = newReport({ at: atLocalTime('2026-11-02', '09:00') });
    expect(differenceOf(contributionOf(report), contributionOf({ ...report, notes: [] } as Report))).toEqual([]);
    expect(differenceOf(null, contributionOf(report))).toEqual([{ key: contributionOf(report).key, add: { reports: 1 } }]);
  });
});

describe('figures: shown values', () => {
  it('the median comes from the histogram, and survives summing rows', () => {
    expect(medianHours({})).toBeNull();
    expect(medianHours({ [ackBucketName(2)]: 3 })).toBe(2.5);
    const rows = sumRows([
      { key: { month: '2026-11', teamId: 't', areaId: 'a', schoolId: 's' }, counts: { [ackBucketName(1)]: 2 } },
      { key: { month: '2026-11', teamId: 't', areaId: 'a', schoolId: 's' }, counts: { [ackBucketName(30)]: 1 } },
    ]);
    expect(rows).toHaveLength(1);
    expect(medianHours(rows[0]!.counts)).toBe(1.8) // 1.75, to one decimal;
  });

  it('counts from 1 to 4 are null, never shown; 0 and 5 are shown; a median of fewer than five is null', () => {
    expect([0, 1, 4, 5, 12].map(shownCount)).toEqual([0, null, null, 5, 12]);
    const row = publicRow({ month: '2026-11', teamId: 't', areaId: 'a', schoolId: 's', counts: { reports: 6, urgent: 2, [ackBucketName(3)]: 4 } });
    expect(row).toMatchObject({ reports: 6, urgent: null, feedbackLate: 0, medianHoursToAcknowledge: null });
  });

  it('months between two months, across a year end', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-11', '2026-11')).toEqual(['2026-11']);
  });
});
