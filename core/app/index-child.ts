// Use case: keep the earlier-reports index (notify, from the report stream).
//   A new report: 1. the keys: keyed hashes of the normalised personal number and of name + birth date
//   (child-match.ts); 2. write them on the report and as index items (idempotent: a retried record writes the same).
//   A report whose retention started (its expiresAt set): its index items get the same expiresAt, so DynamoDB's
//   TTL removes them with the report (DESIGN.md, "Retention").
// The keyed hash is the only place the child's identity is used; the index holds hashes and ids only. Every key is
// computed before anything is written, so a failing hash (a KMS outage) leaves nothing half-written: the record is
// retried.
import { childMatchKeys, type KeyedHash } from '../domain/child-match.ts';
import type { Report } from '../domain/report.ts';
import type { ChildIndex, ChildIndexChange } from './ports/child-index.ts';
import { errorSummary } from '../observability/error-summary.ts';
import { logger } from '../observability/logger.ts';

export type ChildIndexing = { childIndex: ChildIndex; mac: KeyedHash };

/** The index kept up with a stream batch; answers the ids of the records to deliver again (an outage). */
export async function updateChildIndex(
  deps: ChildIndexing,
  records: ReadonlyArray<{ id: string; change: ChildIndexChange | null }>,
): Promise<string[]> {
  const failed: string[] = [];
  for (const { id, change } of records) {
    if (!change) continue;
    const reportId = change.kind === 'new-report' ? change.report.id : change.reportId;
    try {
      if (change.kind === 'new-report') await indexChild(deps, change.report);
      else await deps.childIndex.expireWith(change.reportId, change.keys, change.expiresAt);
    } catch (error) {
      logger.warn('child index not written; will retry', { reportId, change: change.kind, error: errorSummary(error) });
      failed.push(id);
    }
  }
  return failed;
}

export async function indexChild(deps: ChildIndexing, report: Pick<Report, 'id' | 'submittedAt' | 'submission'>): Promise<number> {
  const keys = await childMatchKeys(report.submission, deps.mac, new Date(report.submittedAt));
  if (keys.length) await deps.childIndex.index(report.id, keys);
  return keys.length;
}
