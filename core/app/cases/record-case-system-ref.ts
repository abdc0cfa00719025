// Use case: record where the report is registered in social services' case system
// (POST /api/cases/{id}/case-system-ref {ref}). Retention starts once the report is also closed
// (team-work.ts retentionStartsAt; the repository sets the expiry from it).
import { caseSystemRefBodySchema } from '../../domain/case-inputs.ts';
import { recordCaseSystemRef as recordRef } from '../../domain/team-work.ts';
import type { Directory } from '../../directory/directory.ts';
import type { StaffIdentity } from '../../identity/staff.ts';
import { loadOwnedReport } from './access.ts';
import { actorOnTeam, applyChange, parseInput, type CaseChangeDependencies } from './apply-change.ts';
import { caseSummary, type CaseSummary } from './summary.ts';

export async function recordCaseSystemRef(
  deps: CaseChangeDependencies,
  staff: StaffIdentity,
  directory: Directory,
  id: string | undefined,
  readInput: () => unknown,
): Promise<CaseSummary & { caseSystemRef: string | null }> {
  await loadOwnedReport(deps.reports, staff, id);
  const { ref } = parseInput(caseSystemRefBodySchema, readInput());
  const report = await applyChange(deps, staff, id, (current) =>
    recordRef(current, ref, actorOnTeam(directory, staff, current).actor, deps.clock.now()),
  );
  return { ...caseSummary(report, deps.clock.now()), caseSystemRef: report.caseSystemRef?.ref ?? null };
}
