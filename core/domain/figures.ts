// The figures for the board (DESIGN.md, "Figures" and GET /api/stats): counter rows per month × team × area ×
// school. Pure: what one report (or consultation) contributes to which row, the difference a change makes, the
// median from an hours histogram, and the small-count rule. The counter consumer and the rebuild both count with
// contributionOf, so the live counters and a recount cannot disagree on what a report adds.
//
// A report counts in the row of the month it was submitted (Stockholm time), its current team, its area and
// school. Forwarding to another team moves the whole contribution to the new team's row. "Open and overdue" is
// read from what the reminder sweep last wrote: the sweep escalates when a deadline passes (follow-up.ts), so a
// report whose last escalation came at or after a pending deadline is overdue. The counters therefore change when
// a deadline passes without any scan, and never count a deadline the sweep has not yet seen (at most one sweep
// period late).
import { localDayOf } from './calendar.ts';
import { countedAs } from './outcomes.ts';
import type { Report } from './report.ts';

export const FIGURE_COUNTERS = [
  'reports',
  'urgent',
  'acknowledgedInTime',
  'feedbackInTime',
  'feedbackLate',
  'forwarded',
  'openOverdue',
  'escalations',
  'consultations',
] as const;
export type FigureCounter = (typeof FIGURE_COUNTERS)[number];

/**
 * Hours to acknowledge, as histogram buckets by their lower bound: every hour for the first two days (where
 * nearly every report falls), coarser after. The median comes from these, so rows can be summed and still give a
 * median (a stored median could not be).
 */
export const ACK_HOUR_BUCKETS: readonly number[] = [...Array.from({ length: 48 }, (_, h) => h), 72, 96, 168, 336];
export const ackBucketName = (lowerBound: number) => `ackH${lowerBound}`;
export const ACK_BUCKET_NAMES: readonly string[] = ACK_HOUR_BUCKETS.map(ackBucketName);

/** A row's counters and its histogram buckets, by attribute name; a missing name is zero. */
export type Counts = Record<string, number>;

export interface FigureRowKey {
  /** YYYY-MM, Stockholm time. */
  month: string;
  teamId: string;
  /** '-' for a report with no area (an unknown school, routed to the fallback team). */
  areaId: string;
  schoolId: string;
}

export interface FigureRow extends FigureRowKey {
  counts: Counts;
}

export interface Contribution {
  key: FigureRowKey;
  counts: Counts;
}

export interface RowDelta {
  key: FigureRowKey;
  add: Counts;
}

export const NO_AREA = '-';
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export const monthOf = (instant: string | Date): string => localDayOf(new Date(instant)).slice(0, 7);

export const rowId = (key: FigureRowKey) => `${key.month}#${key.teamId}#${key.areaId}#${key.schoolId}`;

type CountedReport = Pick<
  Report,
  | 'submittedAt'
  | 'teamId'
  | 'areaId'
  | 'schoolId'
  | 'urgency'
  | 'status'
  | 'acknowledgeBy'
  | 'feedbackBy'
  | 'acknowledgedAt'
  | 'feedback'
  | 'closedWithoutFeedback'
  | 'lastEscalationAt'
  | 'escalationCount'
>;

/** Whether the sweep has seen a pending deadline of this open report pass (see the header). */
export function isOpenOverdue(report: CountedReport): boolean {
  if (report.status === 'closed' || !report.lastEscalationAt) return false;
  const seenAt = report.lastEscalationAt;
  const pending = report.status === 'received' ? [report.acknowledgeBy, report.feedbackBy] : [report.feedbackBy];
  return pending.some((deadline) => Date.parse(deadline) <= Date.parse(seenAt));
}

function ackBucketOf(hours: number): number {
  let bucket = ACK_HOUR_BUCKETS[0]!;
  for (const lower of ACK_HOUR_BUCKETS) if (hours >= lower) bucket = lower;
  return bucket;
}

/** What one report adds to its row, as it stands. Ids and counts only: nothing about the child. */
export function contributionOf(report: CountedReport): Contribution {
  const counts: Counts = { reports: 1 };
  if (report.urgency === 'urgent') counts.urgent = 1;
  if (report.acknowledgedAt) {
    if (Date.parse(report.acknowledgedAt) <= Date.parse(report.acknowledgeBy)) counts.acknowledgedInTime = 1;
    const hours = Math.max(0, (Date.parse(report.acknowledgedAt) - Date.parse(report.submittedAt)) / 3_600_000);
    counts[ackBucketName(ackBucketOf(hours))] = 1;
  }
  switch (countedAs(report)) {
    case 'feedback':
      if (Date.parse(report.feedback!.at) <= Date.parse(report.feedbackBy)) counts.feedbackInTime = 1;
      else counts.feedbackLate = 1;
      break;
    case 'forwarded':
      counts.forwarded = 1;
      break;
    default:
      break;
  }
  if (isOpenOverdue(report)) counts.openOverdue = 1;
  if (report.escalationCount > 0) counts.escalations = report.escalationCount;
  return {
    key: { month: monthOf(report.submittedAt), teamId: report.teamId, areaId: report.areaId ?? NO_AREA, schoolId: report.schoolId },
    counts,
  };
}

/** A consultation counts once, in the month it was asked, for its school (and the school's team and area). */
export interface CountedConsultation {
  schoolId: string;
  teamId: string;
  areaId: string | null;
  askedAt: string;
}

export function consultationContribution(consultation: CountedConsultation): Contribution {
  return {
    key: {
      month: monthOf(consultation.askedAt),
      teamId: consultation.teamId,
      areaId: consultation.areaId ?? NO_AREA,
      schoolId: consultation.schoolId,
    },
    counts: { consultations: 1 },
  };
}

/**
 * What replacing the counted contribution `before` with `after` adds to the rows: nothing when they are equal;
 * a move between rows (forwarding) subtracts from the old row and adds to the new one.
 */
export function differenceOf(before: Contribution | null, after: Contribution | null): RowDelta[] {
  const deltas = new Map<string, RowDelta>();
  const add = (contribution: Contribution | null, sign: 1 | -1) => {
    if (!contribution) return;
    const id = rowId(contribution.key);
    const delta = deltas.get(id) ?? { key: contribution.key, add: {} };
    for (const [name, value] of Object.entries(contribution.counts)) delta.add[name] = (delta.add[name] ?? 0) + sign * value;
    deltas.set(id, delta);
  };
  add(before, -1);
  add(after, 1);
  const result: RowDelta[] = [];
  for (const delta of deltas.values()) {
    const add = Object.fromEntries(Object.entries(delta.add).filter(([, value]) => value !== 0));
    if (Object.keys(add).length) result.push({ key: delta.key, add });
  }
  return result;
}

/** Sums contributions into rows (the rebuild's recount; also sums rows for a page's totals). */
export function sumRows(parts: Iterable<{ key: FigureRowKey; counts: Counts }>): FigureRow[] {
  const rows = new Map<string, FigureRow>();
  for (const part of parts) {
    const id = rowId(part.key);
    const row = rows.get(id) ?? { ...part.key, counts: {} };
    for (const [name, value] of Object.entries(part.counts)) row.counts[name] = (row.counts[name] ?? 0) + value;
    rows.set(id, row);
  }
  return [...rows.values()].sort((a, b) => rowId(a).localeCompare(rowId(b)));
}

/** The median hours to acknowledge from a histogram (grouped median, one decimal); null when none was acknowledged. */
export function medianHours(counts: Counts): number | null {
  const total = ACK_HOUR_BUCKETS.reduce((sum, lower) => sum + (counts[ackBucketName(lower)] ?? 0), 0);
  if (total === 0) return null;
  const middle = total / 2;
  let before = 0;
  for (let i = 0; i < ACK_HOUR_BUCKETS.length; i++) {
    const lower = ACK_HOUR_BUCKETS[i]!;
    const inBucket = counts[ackBucketName(lower)] ?? 0;
    if (inBucket > 0 && before + inBucket >= middle) {
      const upper = ACK_HOUR_BUCKETS[i + 1];
      if (upper === undefined) return lower; // open-ended: "at least"
      return Math.round((lower + ((middle - before) / inBucket) * (upper - lower)) * 10) / 10;
    }
    before += inBucket;
  }
  return null;
}

/** The smallest count shown: 1 to 4 could point at a child at a small school, so they are never shown. */
export const SMALLEST_SHOWN = 5;

/** A count as shown: 0 and 5 or more as they are, 1 to 4 as null ("< 5" on the page). */
export const shownCount = (value: number): number | null => (value > 0 && value < SMALLEST_SHOWN ? null : value);

/** One row of GET /api/stats (and the CSV): the contract's fields, small counts hidden. */
export interface PublicFigureRow {
  month: string;
  teamId: string;
  areaId: string;
  schoolId: string;
  reports: number | null;
  urgent: number | null;
  acknowledgedInTime: number | null;
  /** Null also when fewer than five reports were acknowledged: a median of one or two is one child's figure. */
  medianHoursToAcknowledge: number | null;
  feedbackInTime: number | null;
  feedbackLate: number | null;
  forwarded: number | null;
  openOverdue: number | null;
  escalations: number | null;
  consultations: number | null;
}

export const acknowledgedCount = (counts: Counts) => ACK_BUCKET_NAMES.reduce((sum, name) => sum + (counts[name] ?? 0), 0);

export function publicRow(row: FigureRow): PublicFigureRow {
  const c = (name: FigureCounter) => shownCount(row.counts[name] ?? 0);
  return {
    month: row.month,
    teamId: row.teamId,
    areaId: row.areaId,
    schoolId: row.schoolId,
    reports: c('reports'),
    urgent: c('urgent'),
    acknowledgedInTime: c('acknowledgedInTime'),
    medianHoursToAcknowledge: acknowledgedCount(row.counts) >= SMALLEST_SHOWN ? medianHours(row.counts) : null,
    feedbackInTime: c('feedbackInTime'),
    feedbackLate: c('feedbackLate'),
    forwarded: c('forwarded'),
    openOverdue: c('openOverdue'),
    escalations: c('escalations'),
    consultations: c('consultations'),
  };
}

/** The months from `from` to `to`, both included (YYYY-MM). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = to.split('-').map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

/** A row with every zero count dropped: a row that sums to nothing is no row. */
export const isEmptyRow = (row: FigureRow) => Object.values(row.counts).every((value) => value === 0);
