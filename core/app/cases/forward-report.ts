// Use case: forward a misrouted report to another team (POST /api/cases/{id}/forward {teamId, reason}).
//   1. Load the report; another team's is "not found" (before the body is read).
//   2. Validate the body (case-inputs.ts forwardBodySchema); the team must be in the current directory (400
//      naming `teamId` otherwise).
//   3. The domain decides (team-work.ts forward): the team id is the access key, so the old team's access ends
//      with the save; the deadlines stay (the clock runs from submission); the audit says who, when, from and to
//      (the reason is kept on the report for staff, never in the audit).
//   4. notify alerts the new team's contacts (notice `forwarded#n`).
import { forwardBodySchema } from '../../domain/case-inputs.ts';
import { forward } from '../../domain/team-work.ts';
import type { Directory } from '../../directory/directory.ts';
import type { StaffIdentity } from '../../identity/staff.ts';
import { InvalidInputError } from '../errors.ts';
import { loadOwnedReport } from './access.ts';
import { actorOnTeam, applyChange, parseInput, type CaseChangeDependencies } from './apply-change.ts';

export async function forwardReport(
  deps: CaseChangeDependencies,
  staff: StaffIdentity,
  directory: Directory,
  id: string | undefined,
  readInput: () => unknown,
): Promise<{ id: string; teamId: string; teamName: string }> {
  await loadOwnedReport(deps.reports, staff, id);
  const input = parseInput(forwardBodySchema, readInput());
  const to = directory.teams.find((team) => team.id === input.teamId);
  if (!to) throw new InvalidInputError([{ path: 'teamId', message: 'is not a team in the directory' }]);
  const report = await applyChange(deps, staff, id, (current) =>
    forward(current, input, actorOnTeam(directory, staff, current).actor, deps.clock.now()),
  );
  // The caller may no longer see the report: the answer says only where it went.
  return { id: report.id, teamId: to.id, teamName: to.name };
}
