// Use case: the team view (GET /api/team): per team of the caller, open reports and overdue ones per assignee,
// and the unassigned ones (core/domain/case-list.ts workload). Reads the team's open reports from the byTeam
// index to the end: one item per open report, which for 10 000 open reports is about what one list page of a
// rare filter reads five times; only a lead's list page asks for it (every page asks GET /api/me, who-am-i.ts).
import { workload } from '../../domain/case-list.ts';
import type { Directory } from '../../directory/directory.ts';
import type { Report } from '../../domain/report.ts';
import type { StaffIdentity } from '../../identity/staff.ts';
import type { Clock } from '../ports/clock.ts';
import type { ListPosition, ReportStore } from '../ports/report-store.ts';
import { whoAmI } from './who-am-i.ts';

const READ_SIZE = 1_000;

export async function teamWorkload(deps: { reports: ReportStore; clock: Clock }, staff: StaffIdentity, directory: Directory) {
  const now = deps.clock.now();
  const { allTeams, teams } = whoAmI(staff, directory);
  return {
    allTeams,
    teams: await Promise.all(
      teams.map(async (team) => {
        const open: Report[] = [];
        let after: ListPosition | null = null;
        do {
          const page = await deps.reports.pageByTeam(team.id, 'open', { limit: READ_SIZE, ...(after ? { after } : {}) });
          open.push(...page.entries.map((entry) => entry.report));
          after = page.next;
        } while (after);
        return { ...team, rows: workload(open, now) };
      }),
    ),
  };
}
