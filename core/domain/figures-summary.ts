// What the board's page shows (GET /stats), summed from the counter rows: reports per month per area, the share
// acknowledged in time, the share with feedback in time, the median hours to acknowledge (per month), and what is
// overdue now (per team). Every shown cell follows the small-count rule: a count from 1 to 4 is null, and a share
// or median over fewer than five reports is null.
import { medianHours, shownCount, SMALLEST_SHOWN, sumRows, acknowledgedCount, type FigureRow } from './figures.ts';

export interface Share {
  /** Percent, whole numbers; null when the denominator is under five (or zero). */
  percent: number | null;
  of: number | null;
}

export interface MonthFigures {
  month: string;
  reports: number | null;
  acknowledgedInTime: Share;
  /** Of the reports answered (in time or late) or overdue now. */
  feedbackInTime: Share;
  medianHoursToAcknowledge: number | null;
}

export interface BoardSummary {
  months: string[];
  areaIds: string[];
  /** reports[areaId][i] for months[i]. */
  reportsByArea: Record<string, Array<number | null>>;
  perMonth: MonthFigures[];
  /** Open and overdue now, per team, over the months read. */
  overdueByTeam: Array<{ teamId: string; openOverdue: number | null }>;
}

function share(part: number, whole: number): Share {
  if (whole < SMALLEST_SHOWN) return { percent: null, of: shownCount(whole) };
  return { percent: Math.round((100 * part) / whole), of: whole };
}

export function boardSummary(rows: readonly FigureRow[], months: readonly string[]): BoardSummary {
  const byMonthArea = sumRows(rows.map((r) => ({ key: { month: r.month, teamId: '', areaId: r.areaId, schoolId: '' }, counts: r.counts })));
  const byMonth = sumRows(rows.map((r) => ({ key: { month: r.month, teamId: '', areaId: '', schoolId: '' }, counts: r.counts })));
  const byTeam = sumRows(rows.map((r) => ({ key: { month: '', teamId: r.teamId, areaId: '', schoolId: '' }, counts: r.counts })));
  const areaIds = [...new Set(rows.map((r) => r.areaId))].sort();
  const reportsByArea: Record<string, Array<number | null>> = {};
  for (const areaId of areaIds) {
    reportsByArea[areaId] = months.map((month) => shownCount(byMonthArea.find((r) => r.month === month && r.areaId === areaId)?.counts.reports ?? 0));
  }
  const perMonth = months.map((month): MonthFigures => {
    const counts = byMonth.find((r) => r.month === month)?.counts ?? {};
    const n = (name: string) => counts[name] ?? 0;
    return {
      month,
      reports: shownCount(n('reports')),
      acknowledgedInTime: share(n('acknowledgedInTime'), n('reports')),
      feedbackInTime: share(n('feedbackInTime'), n('feedbackInTime') + n('feedbackLate') + n('openOverdue')),
      medianHoursToAcknowledge: acknowledgedCount(counts) >= SMALLEST_SHOWN ? medianHours(counts) : null,
    };
  });
  const overdueByTeam = byTeam.map((r) => ({ teamId: r.teamId, openOverdue: shownCount(r.counts.openOverdue ?? 0) }));
  return { months: [...months], areaIds, reportsByArea, perMonth, overdueByTeam };
}
