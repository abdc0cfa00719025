// Use cases: change a report (acknowledge it, record the feedback).
//   1. Load the report; another team's is "not found".
//   2. (feedback) Validate the input with its zod schema; each error names its field.
//   3. Let the domain decide the change (core/domain/report.ts): refused → conflict, unchanged → the same answer.
//   4. Save it with its audit event if nobody changed the report since it was read (optimistic lock); when
//      someone did, read again and decide again, a few times, then answer "conflict, reload".
import * as z from 'zod/mini';
import type { Directory } from '../../directory/directory.ts';
import { acknowledge, OUTCOMES, recordFeedback, type Change, type Report } from '../../domain/report.ts';
import type { StaffIdentity } from '../../identity/staff.ts';
import { logger } from '../../observability/logger.ts';
import { concernReportDeadlines } from '../../../forms/concern-report/policy.ts';
import { ConflictError, fieldErrors, InvalidInputError } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { ReportStore } from '../ports/report-store.ts';
import { loadOwnedReport } from './access.ts';
import { caseSummary, type CaseSummary } from './summary.ts';

export interface ChangeReportDependencies {
  reports: ReportStore;
  clock: Clock;
}

export const feedbackSchema = z.object({
  outcome: z.enum(OUTCOMES, `must be one of: ${OUTCOMES.join(', ')}`),
  note: z._default(z.string().check(z.trim(), z.maxLength(2_000, 'must be at most 2000 characters')), ''),
});

/** Concurrent changes are rare (a team of a few people): a few re-reads settle them. */
const ATTEMPTS = 5;

export function acknowledgeReport(deps: ChangeReportDependencies, staff: StaffIdentity, id: string | undefined): Promise<CaseSummary> {
  return changeReport(deps, staff, id, (report) => acknowledge(report, staff.id, deps.clock.now(), concernReportDeadlines));
}

/**
 * `readInput` is called only once the caller may see the report: another team learns nothing, not even which
 * body would be valid (or that the body could not be read).
 */
export async function recordReportFeedback(
  deps: ChangeReportDependencies,
  staff: StaffIdentity,
  id: string | undefined,
  readInput: () => unknown,
): Promise<CaseSummary> {
  await loadOwnedReport(deps.reports, staff, id);
  const parsed = feedbackSchema.safeParse(readInput());
  if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error.issues));
  return changeReport(deps, staff, id, (report) => recordFeedback(report, parsed.data, staff.id, deps.clock.now(), concernReportDeadlines));
}

/** Applies a domain change with optimistic locking, re-reading on a concurrent change. */
export async function changeReport(
  deps: ChangeReportDependencies,
  staff: StaffIdentity,
  id: string | undefined,
  decide: (report: Report) => Change,
  /** Given, the answer carries the reporter's trust by the current directory. */
  directory?: Directory,
): Promise<CaseSummary> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const stored = await loadOwnedReport(deps.reports, staff, id);
    const result = decide(stored.report);
    if (result.kind === 'refused') throw new ConflictError(result.reason);
    if (result.kind === 'unchanged') return caseSummary(result.report, deps.clock.now(), directory);
    if (await deps.reports.saveChange(stored, result.report, result.audit)) {
      logger.info('report changed', { reportId: result.report.id, action: result.audit.action });
      return caseSummary(result.report, deps.clock.now(), directory);
    }
  }
  throw new ConflictError('the report is being changed by someone else; reload and try again');
}
