// Which report a staff member may open: one of their teams'. Another team's report is "not found", exactly as
// one that does not exist (same error, same words), so nobody learns that a report exists elsewhere.
import type { StaffIdentity } from '../../identity/staff.ts';
import { NotFoundError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import type { ReportStore, StoredReport } from '../ports/report-store.ts';

export async function loadOwnedReport(reports: ReportStore, staff: StaffIdentity, id: string | undefined): Promise<StoredReport> {
  if (!id || !isUuid(id)) throw new NotFoundError();
  const stored = await reports.get(id);
  if (!stored || !staff.teamIds.includes(stored.report.teamId)) throw new NotFoundError();
  return stored;
}
