// Use case: the earlier reports about the same child, for the report view (DESIGN.md, "Team work", "Privacy
// rules"): the report's keys (recorded by notify) → the reports indexed under them → only those still in
// retention (the store leaves expired ones out) and of the same board (earlier-reports.ts) → each with `id` only
// where the caller's team owns it; a name-and-birth-date match is "possible". The lookup is audited by the view.
// A report notify has not indexed (no keys: matching off, or nothing to match by) has no lookup: null.
import type { Directory } from '../../directory/directory.ts';
import { earlierReports, type EarlierReport } from '../../domain/earlier-reports.ts';
import type { Report } from '../../domain/report.ts';
import type { StaffIdentity } from '../../identity/staff.ts';
import type { ChildIndex } from '../ports/child-index.ts';
import type { ReportStore } from '../ports/report-store.ts';

export async function findEarlierReports(
  deps: { reports: ReportStore; childIndex: ChildIndex },
  staff: StaffIdentity,
  directory: Directory,
  report: Report,
): Promise<EarlierReport[] | null> {
  const keys = await deps.childIndex.keysOf(report.id);
  if (!keys.length) return null;
  const hits = (await deps.childIndex.reportsWith(keys)).filter((hit) => hit.reportId !== report.id);
  const found = await Promise.all(hits.map(async (hit) => ({ stored: await deps.reports.get(hit.reportId), matchedBy: hit.matchedBy })));
  const matches = found.flatMap(({ stored, matchedBy }) => (stored ? [{ report: stored.report, matchedBy }] : []));
  return earlierReports(report, matches, {
    boardOf: (teamId) => directory.teams.find((t) => t.id === teamId)?.boardId,
    teamName: (teamId) => directory.teams.find((t) => t.id === teamId)?.name ?? teamId,
    callerTeamIds: staff.teamIds,
  });
}
