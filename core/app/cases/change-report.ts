// Use cases: acknowledge a report with its protection assessment, and close it with an outcome.
//   1. Load the report; another team's is "not found" (before the body is read: another team learns nothing).
//   2. Validate the body with its zod schema (core/domain/case-inputs.ts); each error names its field.
//   3. The domain decides (report.ts acknowledge, outcomes.ts recordOutcome); applyChange saves it.
import { acknowledgeBodySchema, outcomeBodySchema } from '../../domain/case-inputs.ts';
import { recordOutcome } from '../../domain/outcomes.ts';
import { acknowledge } from '../../domain/report.ts';
import type { Directory } from '../../directory/directory.ts';
import type { StaffIdentity } from '../../identity/staff.ts';
import { concernReportDeadlines } from '../../../forms/concern-report/policy.ts';
import { loadOwnedReport, loadReportToAssess } from './access.ts';
import { actorOnTeam, applyChange, parseInput, type CaseChangeDependencies } from './apply-change.ts';
import { caseSummary, type CaseSummary } from './summary.ts';

export type ChangeReportDependencies = CaseChangeDependencies;

/** The body of POST …/feedback: the five closing outcomes (DESIGN.md, "Second slice"). */
export const feedbackSchema = outcomeBodySchema;

/**
 * Acknowledging is recording the protection assessment (DESIGN.md, "Deadlines"): the body must carry it.
 * `immediate-protection-needed` makes notify alert the team's lead at once (core/domain/notices.ts).
 */
export async function acknowledgeReport(
  deps: ChangeReportDependencies,
  staff: StaffIdentity,
  id: string | undefined,
  readInput: () => unknown,
): Promise<CaseSummary> {
  // The team's member, or the out-of-hours service's staff for a report sent to them (the team keeps it).
  await loadReportToAssess(deps.reports, staff, id);
  const { protectionAssessment } = parseInput(acknowledgeBodySchema, readInput());
  const report = await applyChange(
    deps,
    staff,
    id,
    (current) => acknowledge(current, staff.id, deps.clock.now(), concernReportDeadlines, protectionAssessment),
    loadReportToAssess,
  );
  return caseSummary(report, deps.clock.now());
}

/**
 * `readInput` is called only once the caller may see the report: another team learns nothing, not even which
 * body would be valid (or that the body could not be read). Whether the caller leads the team (only the lead
 * may withhold feedback as inappropriate) comes from the current directory.
 */
export async function recordReportFeedback(
  deps: ChangeReportDependencies,
  staff: StaffIdentity,
  directory: Directory,
  id: string | undefined,
  readInput: () => unknown,
): Promise<CaseSummary> {
  await loadOwnedReport(deps.reports, staff, id);
  const input = parseInput(feedbackSchema, readInput());
  const report = await applyChange(deps, staff, id, (current) =>
    recordOutcome(current, input, actorOnTeam(directory, staff, current).actor, deps.clock.now(), concernReportDeadlines),
  );
  return caseSummary(report, deps.clock.now(), directory);
}
