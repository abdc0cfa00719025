// The report's items in the table, as plain data: the report item (with its index keys), its audit events, its
// submission receipt, a sweep's digest, and the one transaction that stores a new report. No I/O here: the
// reads and writes (report-reads.ts, report-writes.ts, report-sweep-writes.ts) and the stream decoding use these.
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent, Report } from '../../domain/report.ts';
import { retentionStartsAt } from '../../domain/team-work.ts';
import type { Digest } from '../../domain/digest.ts';
import { auditKey, digestKey, DUE_BUCKET, reportKey, submissionKey } from '../../storage/table.ts';
import type { StoredReport, SubmissionReceipt } from '../../app/ports/report-store.ts';

// A retry comes within minutes or hours; a month is plenty, and the receipt holds no personal data anyway.
const RECEIPT_DAYS = 30;

export function receiptOf(report: Report): SubmissionReceipt {
  const { id, reference, status, acknowledgeBy, feedbackBy, bodyHash, outOfHoursService } = report;
  return { id, reference, status, acknowledgeBy, feedbackBy, bodyHash, ...(outOfHoursService ? { outOfHoursService } : {}) };
}

const KEY_ATTRIBUTES = ['pk', 'sk', 'version', 'teamStatus', 'deadline', 'dueBucket', 'expiresAt', 'emailClaims', 'childMatchKeys'];

export function toItem(report: Report, version: number, retentionDays: number): Record<string, unknown> {
  // Retention starts at closure once the report is also registered in the case system (DESIGN.md, "Retention").
  const retainedFrom = retentionStartsAt(report);
  const closedAt = retainedFrom ? new Date(retainedFrom) : undefined;
  return {
    ...reportKey(report.id),
    ...report,
    version,
    teamStatus: `${report.teamId}#${report.status === 'closed' ? 'closed' : 'open'}`,
    deadline: sortDeadline(report),
    ...(report.nextActionAt ? { dueBucket: DUE_BUCKET } : {}),
    ...(closedAt ? { expiresAt: Math.floor(closedAt.getTime() / 1000) + retentionDays * 86_400 } : {}),
  };
}

/** The deadline the team must meet next (for sorting the portal list); the close time once closed. */
function sortDeadline(report: Report): string {
  if (report.status === 'closed') return report.closedAt ?? report.feedbackBy;
  return report.status === 'received' ? report.acknowledgeBy : report.feedbackBy;
}

export function fromItem(item: Record<string, unknown>): StoredReport {
  const report = { ...item } as Record<string, unknown>;
  for (const key of KEY_ATTRIBUTES) delete report[key];
  return { report: report as unknown as Report, version: Number(item.version ?? 0) };
}

/** A digest notify has yet to send holds no personal data about a child; kept a month, like a receipt. */
export function digestItem(digest: Digest): Record<string, unknown> {
  return {
    ...digestKey(digest.id),
    ...digest,
    sentEmails: [],
    emailClaims: {},
    expiresAt: Math.floor(Date.parse(digest.sweepAt) / 1000) + RECEIPT_DAYS * 86_400,
  };
}

/** An audit event as an item; it expires with its report once the report is closed (expiresAt set). */
export function auditItem(event: AuditEvent, n = 0, expiresAt?: unknown): Record<string, unknown> {
  return { ...auditKey(event.reportId, event.at, n), ...event, ...(typeof expiresAt === 'number' ? { expiresAt } : {}) };
}

/** A new report's item: version 1, and the empty map notify keeps its in-flight email leases in. */
export function newReportItem(report: Report, retentionDays: number): Record<string, unknown> {
  return { ...toItem(report, 1, retentionDays), emailClaims: {} };
}

/**
 * The one transaction that stores a new report: its submission receipt (the idempotency key's record, returned
 * on a repeat), the report and its first audit event, all conditional on not existing yet.
 */
export function newReportTransaction(tableName: string, report: Report, audit: AuditEvent, retentionDays: number): TransactWriteCommandInput {
  return {
    TransactItems: [
      {
        Put: {
          TableName: tableName,
          Item: {
            ...submissionKey(report.id),
            ...receiptOf(report),
            expiresAt: Math.floor(Date.parse(report.submittedAt) / 1000) + RECEIPT_DAYS * 86_400,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      {
        Put: {
          TableName: tableName,
          Item: newReportItem(report, retentionDays),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      { Put: { TableName: tableName, Item: auditItem(audit), ConditionExpression: 'attribute_not_exists(pk)' } },
    ],
  };
}
