// Use case: the team view (GET /api/team): per team of the caller, open reports and overdue ones per assignee,
// and the unassigned ones (core/domain/case-list.ts workload). Reads the team's open reports from the byTeam
// index to the end: one item per open report, which for 10 000 open reports is about what one list page of a
// rare filter reads five times; the lead opens this view, not every page load.
import { workload } from '../../domain/case-list.ts';
import type { Directory } from '../../directory/directory.ts';
import type { Report } from '../../domain/report.ts';
import type { StaffIdentity } from '../../identity/staff.ts';
import type { Clock } from '../ports/clock.ts';
import type { ListPosition, ReportStore } from '../ports/report-store.ts';

const READ_SIZE = 1_000;

export async function teamWorkload(deps: { reports: ReportStore; clock: Clock }, staff: StaffIdentity, directory: Directory) {
  const now = deps.clock.now();
  const teams = directory.teams.filter((team) => staff.teamIds.includes(team.id));
  return {
    /** Where a report can be forwarded: every team of the directory (names are no secret among staff). */
    allTeams: directory.teams.map((team) => ({ id: team.id, name: team.name })),
    teams: await Promise.all(
      teams.map(async (team) => {
        const open: Report[] = [];
        let after: ListPosition | null = null;
        do {
          const page = await deps.reports.pageByTeam(team.id, 'open', { limit: READ_SIZE, ...(after ? { after } : {}) });
          open.push(...page.entries.map((entry) => entry.report));
          after = page.next;
        } while (after);
        return {
          id: team.id,
          name: team.name,
          lead: team.lead.email.toLowerCase() === staff.id.toLowerCase(),
          members: [team.lead.email, ...team.contacts.map((c) => c.email)].map((e) => e.toLowerCase()),
          rows: workload(open, now),
        };
      }),
    ),
  };
}
