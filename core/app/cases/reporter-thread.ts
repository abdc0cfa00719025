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
import { fieldErrors, InvalidInputError } from '../errors.ts';
import { loadOwnedReport } from './access.ts';
import { changeReport, type ChangeReportDependencies } from './change-report.ts';
import type { CaseSummary } from './summary.ts';

function actor(staff: StaffIdentity, directory: Directory, teamId: string) {
  const team = directory.teams.find((t) => t.id === teamId);
  return { email: staff.id, isLead: team?.lead.email.toLowerCase() === staff.id.toLowerCase() };
}

export function verifyReporterOfReport(deps: ChangeReportDependencies, staff: StaffIdentity, directory: Directory, id: string | undefined): Promise<CaseSummary> {
  return changeReport(deps, staff, id, (report) => verifyReporter(report, actor(staff, directory, report.teamId), deps.clock.now()), directory);
}

/** `readInput` is called only once the caller may see the report (another team learns nothing). */
export async function askReporterQuestion(
  deps: ChangeReportDependencies,
  staff: StaffIdentity,
  directory: Directory,
  id: string | undefined,
  readInput: () => unknown,
): Promise<CaseSummary> {
  await loadOwnedReport(deps.reports, staff, id);
  const parsed = threadMessageBodySchema.safeParse(readInput());
  if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error.issues));
  return changeReport(
    deps,
    staff,
    id,
    (report) =>
      askReporter(report, parsed.data.text, actor(staff, directory, report.teamId), deps.clock.now(), {
        reporterTrusted: isTrusted(trustOfReport(report, directory)),
      }),
    directory,
  );
}
