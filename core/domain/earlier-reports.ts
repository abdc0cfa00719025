// Which earlier reports about the same child a team member sees, and how much of each. DESIGN.md, "Team work":
// "A report shows the earlier reports about the same child still in retention, within the same board (nämnd):
// teams of other boards are other authorities under secrecy law, and their reports are never matched";
// "Second slice": `earlierReports: [{id?, reference, submittedAt, teamName, status, outcome}]` "(`id` only where
// the caller's team owns it)"; "Privacy rules": "a name-and-birth-date match is shown as 'possible'" and "each
// lookup is an audit event". Pure: the use case finds candidates by their match keys (child-match.ts), the store
// leaves out what is past retention, and the directory answers the two questions in `context`.
import type { MatchedBy } from './child-match.ts';
import { closingOutcomeOf, type ClosingOutcome } from './outcomes.ts';
import type { AuditEvent, Report, ReportStatus } from './report.ts';

type Candidate = Pick<Report, 'id' | 'reference' | 'submittedAt' | 'teamId' | 'status' | 'feedback' | 'closedWithoutFeedback'>;

export interface EarlierReport {
  /** Only when the caller's team owns the report: another team's report cannot be opened from here. */
  id?: string;
  reference: string;
  submittedAt: string;
  teamName: string;
  status: ReportStatus;
  outcome: ClosingOutcome | null;
  matchedBy: MatchedBy;
  /** True for a name-and-birth-date match: the page shows it as "possible". */
  possible: boolean;
}

export interface EarlierReportsContext {
  /** The board (nämnd) a team belongs to; undefined for a team no longer in the directory (never matched). */
  boardOf: (teamId: string) => string | undefined;
  teamName: (teamId: string) => string;
  /** The teams whose reports the caller may open. */
  callerTeamIds: readonly string[];
}

export function earlierReports(
  current: Pick<Report, 'id' | 'teamId'>,
  matches: ReadonlyArray<{ report: Candidate; matchedBy: MatchedBy }>,
  context: EarlierReportsContext,
): EarlierReport[] {
  const board = context.boardOf(current.teamId);
  if (board === undefined) return [];
  // One entry per report, by its strongest match: a personal-number match is certain, a name match possible.
  const strongest = new Map<string, { report: Candidate; matchedBy: MatchedBy }>();
  for (const match of matches) {
    if (match.report.id === current.id || context.boardOf(match.report.teamId) !== board) continue;
    const seen = strongest.get(match.report.id);
    if (!seen || (seen.matchedBy !== 'personal-number' && match.matchedBy === 'personal-number')) strongest.set(match.report.id, match);
  }
  return [...strongest.values()]
    .sort((a, b) => (a.report.submittedAt < b.report.submittedAt ? 1 : a.report.submittedAt > b.report.submittedAt ? -1 : 0))
    .map(({ report, matchedBy }) => ({
      ...(context.callerTeamIds.includes(report.teamId) ? { id: report.id } : {}),
      reference: report.reference,
      submittedAt: report.submittedAt,
      teamName: context.teamName(report.teamId),
      status: report.status,
      outcome: closingOutcomeOf(report),
      matchedBy,
      possible: matchedBy === 'name-and-birth-date',
    }));
}

/** The audit event of one lookup: who looked, from which report, how many were shown (no keys, no names). */
export function earlierReportsLookedUp(reportId: string, staffEmail: string, now: Date, shown: number): AuditEvent {
  return { reportId, at: now.toISOString(), actor: { kind: 'staff', id: staffEmail }, action: 'earlier-reports-looked-up', detail: { shown } };
}
