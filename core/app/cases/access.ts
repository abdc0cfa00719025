// Which report a staff member may open: one of their teams' (for the fallback team also one whose team the directory
// no longer has, staff.ts `ownsTeamReports`). Another team's report is "not found", exactly as
// one that does not exist (same error, same words), so nobody learns that a report exists elsewhere.
// The out-of-hours service's staff may also open, assess and acknowledge the reports sent to them (DESIGN.md,
// "Deadlines"): only those (`outOfHoursService` set at submission), and only to assess; the team keeps the report.
import { ownsTeamReports, type StaffIdentity } from '../../identity/staff.ts';
import { NotFoundError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import type { ReportStore, StoredReport } from '../ports/report-store.ts';

export async function loadOwnedReport(reports: ReportStore, staff: StaffIdentity, id: string | undefined): Promise<StoredReport> {
  return load(reports, id, (stored) => ownsTeamReports(staff, stored.report.teamId));
}

/** For viewing and acknowledging (the protection assessment): the team, or the out-of-hours staff for reports sent to them. */
export async function loadReportToAssess(reports: ReportStore, staff: StaffIdentity, id: string | undefined): Promise<StoredReport> {
  return load(reports, id, (stored) => ownsTeamReports(staff, stored.report.teamId) || mayAssessOutOfHours(staff, stored));
}

export function mayAssessOutOfHours(staff: StaffIdentity, stored: StoredReport): boolean {
  return staff.outOfHoursService === true && stored.report.outOfHoursService === true;
}

async function load(reports: ReportStore, id: string | undefined, allowed: (stored: StoredReport) => boolean): Promise<StoredReport> {
  if (!id || !isUuid(id)) throw new NotFoundError();
  const stored = await reports.get(id);
  if (!stored || !allowed(stored)) throw new NotFoundError();
  return stored;
}
