// Use cases: the team's side of the reporter's thread.
//   verify: a team member called the school's switchboard and confirms the reporter → notify sends the status
//           link the receipt withheld (core/domain/reporter-emails.ts).
//   ask:    1. load the report (another team's is "not found"); 2. validate {text} (threadMessageBodySchema, each
//           error names `text`); 3. the domain refuses while the reporter is not trusted (409) or the report is
//           closed; 4. save under the optimistic lock → notify sends the reporter a notice with the link.
import type { Directory } from '../../directory/directory.ts';
import { threadMessageBodySchema } from '../../domain/case-inputs.ts';
import { trustOfReport } from '../../domain/reporter-emails.ts';
import { isTrusted } from '../../domain/reporter-trust.ts';
import { verifyReporter } from '../../domain/team-work.ts';
import { askReporter } from '../../domain/thread.ts';
import type { StaffIdentity } from '../../identity/staff.ts';
import { loadOwnedReport } from './access.ts';
import { actorOnTeam, applyChange, parseInput, type CaseChangeDependencies } from './apply-change.ts';
import { caseSummary, type CaseSummary } from './summary.ts';

export async function verifyReporterOfReport(deps: CaseChangeDependencies, staff: StaffIdentity, directory: Directory, id: string | undefined): Promise<CaseSummary> {
  const report = await applyChange(deps, staff, id, (current) => verifyReporter(current, actorOnTeam(directory, staff, current).actor, deps.clock.now()));
  return caseSummary(report, deps.clock.now(), directory);
}

/** `readInput` is called only once the caller may see the report (another team learns nothing). */
export async function askReporterQuestion(
  deps: CaseChangeDependencies,
  staff: StaffIdentity,
  directory: Directory,
  id: string | undefined,
  readInput: () => unknown,
): Promise<CaseSummary> {
  await loadOwnedReport(deps.reports, staff, id);
  const { text } = parseInput(threadMessageBodySchema, readInput());
  const report = await applyChange(deps, staff, id, (current) =>
    askReporter(current, text, actorOnTeam(directory, staff, current).actor, deps.clock.now(), {
      reporterTrusted: isTrusted(trustOfReport(current, directory)),
    }),
  );
  return caseSummary(report, deps.clock.now(), directory);
}
