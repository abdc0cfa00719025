// Use case: index a new report's child for the earlier-reports lookup (notify, on a new report's stream record).
//   1. The keys: keyed hashes of the normalised personal number and of name + birth date (child-match.ts).
//   2. Write them to the index and on the report (idempotent: a retried record writes the same items).
// The keyed hash is the only place the child's identity is used; the index holds hashes and ids only.
import { childMatchKeys, type KeyedHash } from '../domain/child-match.ts';
import type { Report } from '../domain/report.ts';
import type { ChildIndex } from './ports/child-index.ts';
import { errorSummary } from '../observability/error-summary.ts';
import { logger } from '../observability/logger.ts';

/** The new reports of a stream batch indexed; answers the ids of the records to deliver again (an outage). */
export async function indexNewReports(
  deps: { childIndex: ChildIndex; mac: KeyedHash },
  records: ReadonlyArray<{ id: string; change: { eventName: string; newReport?: Report } | null }>,
): Promise<string[]> {
  const failed: string[] = [];
  for (const record of records) {
    const report = record.change?.eventName === 'INSERT' ? record.change.newReport : undefined;
    if (!report) continue;
    try {
      await indexChild(deps, report);
    } catch (error) {
      logger.warn('child index not written; will retry', { reportId: report.id, error: errorSummary(error) });
      failed.push(record.id);
    }
  }
  return failed;
}

export async function indexChild(deps: { childIndex: ChildIndex; mac: KeyedHash }, report: Pick<Report, 'id' | 'submittedAt' | 'submission'>): Promise<number> {
  const keys = await childMatchKeys(report.submission, deps.mac, new Date(report.submittedAt));
  if (keys.length) await deps.childIndex.index(report.id, keys);
  return keys.length;
}
