// Use case: take a report, give it to a colleague, or drop it (POST /api/cases/{id}/assign {assignee | null}).
//   1. Load the report; another team's is "not found" (before the body is read).
//   2. Validate the body (case-inputs.ts assignBodySchema).
//   3. The domain decides (team-work.ts assign): a member takes it or drops their own; the lead gives it to
//      anyone in the team (403 otherwise; 400 naming `assignee` for someone outside the team). The team and
//      its lead come from the current directory.
//   4. Saved with its audit event; notify then emails the assignee a notice when someone else gave it to them.
import { assignBodySchema } from '../../domain/case-inputs.ts';
import { assign } from '../../domain/team-work.ts';
import type { Directory } from '../../directory/directory.ts';
import type { StaffIdentity } from '../../identity/staff.ts';
import { loadOwnedReport } from './access.ts';
import { actorOnTeam, applyChange, parseInput, type CaseChangeDependencies } from './apply-change.ts';
import { caseSummary, type CaseSummary } from './summary.ts';

export async function assignReport(
  deps: CaseChangeDependencies,
  staff: StaffIdentity,
  directory: Directory,
  id: string | undefined,
  readInput: () => unknown,
): Promise<CaseSummary> {
  await loadOwnedReport(deps.reports, staff, id);
  const { assignee } = parseInput(assignBodySchema, readInput());
  const report = await applyChange(deps, staff, id, (current) => {
    const { actor, team } = actorOnTeam(directory, staff, current);
    return assign(current, assignee, actor, team, deps.clock.now());
  });
  return caseSummary(report, deps.clock.now());
}
