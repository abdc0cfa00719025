// Use case: read one report (the list is list-cases.ts).
//   view: one report in full with its audit trail; the view itself is an audit event.
import type { AuditEvent } from '../../domain/report.ts';
import { earlierReportsLookedUp, type EarlierReport } from '../../domain/earlier-reports.ts';
import type { Directory } from '../../directory/directory.ts';
import type { ChildIndex } from '../ports/child-index.ts';
import { findEarlierReports } from './earlier-reports.ts';
import { viewAuditDue } from '../../domain/view-audit.ts';
import type { StaffIdentity } from '../../identity/staff.ts';
import type { Clock } from '../ports/clock.ts';
import type { ReportStore } from '../ports/report-store.ts';
import { loadReportToAssess } from './access.ts';
import { caseSummary } from './summary.ts';

export interface ReadReportsDependencies {
  reports: ReportStore;
  clock: Clock;
  /** The earlier-reports index; without it (or without a directory) the view lists none. */
  childIndex?: ChildIndex;
}

/**
 * One report in full for a team member: the report, its team work (assignee, notes, protection assessment, thread)
 * and its audit trail. The view is audited once per person, report and hour (core/domain/view-audit.ts).
 * `earlierReports`: reports about the same child in the same board, from the keys notify recorded (cases never
 * hashes); empty, and no lookup to audit, for a report without keys.
 */
export async function viewReport(deps: ReadReportsDependencies, staff: StaffIdentity, id: string | undefined, directory?: Directory) {
  // The team's member, or the out-of-hours service's staff for a report sent to them (they assess it too).
  const stored = await loadReportToAssess(deps.reports, staff, id);
  const now = deps.clock.now();
  const earlier = deps.childIndex && directory ? await findEarlierReports({ reports: deps.reports, childIndex: deps.childIndex }, staff, directory, stored.report) : null;
  let audit = await deps.reports.auditTrail(stored.report.id);
  // The view, and the lookup of earlier reports when one was made, each audited once per person, report and hour
  // (a report viewed before notify indexed it has its lookup audited at the first view after).
  if (viewAuditDue(audit, staff.id, now)) {
    const viewed: AuditEvent = { reportId: stored.report.id, at: now.toISOString(), actor: { kind: 'staff', id: staff.id }, action: 'viewed' };
    await deps.reports.addAudit(viewed, stored.report);
    audit = [...audit, viewed];
  }
  if (earlier && viewAuditDue(audit, staff.id, now, 'earlier-reports-looked-up')) {
    const lookup = earlierReportsLookedUp(stored.report.id, staff.id, now, earlier.length);
    await deps.reports.addAudit(lookup, stored.report);
    audit = [...audit, lookup];
  }
  const { bodyHash: _hash, sentEmails, ...report } = stored.report;
  return {
    summary: caseSummary(stored.report, now, directory),
    report,
    assignee: report.assignee ?? null,
    notes: report.notes ?? [],
    protectionAssessment: report.protectionAssessment ?? null,
    thread: report.thread ?? [],
    earlierReports: (earlier ?? []) as EarlierReport[],
    emailsSent: sentEmails,
    audit,
  };
}
