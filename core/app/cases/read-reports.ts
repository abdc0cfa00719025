// Use cases: read a team's reports.
//   list: the open (or closed) reports of the caller's teams, nearest deadline first, as summaries.
//   view: one report in full with its audit trail; the view itself is an audit event.
import type { Directory } from '../../directory/directory.ts';
import type { StaffIdentity } from '../../identity/staff.ts';
import * as z from 'zod/mini';
import { fieldErrors, InvalidInputError } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { ReportStore } from '../ports/report-store.ts';
import { loadOwnedReport } from './access.ts';
import { caseSummary } from './summary.ts';

export interface ReadReportsDependencies {
  reports: ReportStore;
  clock: Clock;
}

export const listQuerySchema = z.object({
  status: z._default(z.enum(['open', 'closed'], 'must be "open" or "closed"'), 'open'),
});

export async function listReports(deps: ReadReportsDependencies, staff: StaffIdentity, directory: Directory, query: unknown) {
  const parsed = listQuerySchema.safeParse(query ?? {});
  if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error.issues));
  const wanted = parsed.data.status;
  const lists = await Promise.all(staff.teamIds.map((teamId) => deps.reports.listByTeam(teamId, wanted)));
  const now = deps.clock.now();
  const cases = lists.flat().map((report) => caseSummary(report, now, directory));
  if (wanted === 'open') cases.sort((a, b) => (a.nextDeadline ?? '').localeCompare(b.nextDeadline ?? ''));
  return {
    teams: directory.teams.filter((t) => staff.teamIds.includes(t.id)).map((t) => ({ id: t.id, name: t.name })),
    cases,
  };
}

export async function viewReport(deps: ReadReportsDependencies, staff: StaffIdentity, id: string | undefined, directory?: Directory) {
  const stored = await loadOwnedReport(deps.reports, staff, id);
  await deps.reports.addAudit({ reportId: stored.report.id, at: deps.clock.now().toISOString(), actor: { kind: 'staff', id: staff.id }, action: 'viewed' }, stored.report);
  const audit = await deps.reports.auditTrail(stored.report.id);
  const { bodyHash: _hash, sentEmails, ...report } = stored.report;
  return { summary: caseSummary(stored.report, deps.clock.now(), directory), report, emailsSent: sentEmails, audit };
}
