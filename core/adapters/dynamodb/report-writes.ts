// The report repository's writes of one report: a new report (with its receipt, idempotent by submission id), a
// change under the optimistic lock with its audit event, an audit event on its own, and the audit trail's expiry
// once retention starts. changeWrite and auditPut are also the sweep's per-report items (report-sweep-writes.ts).
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AuditEvent, Report } from '../../domain/report.ts';
import { reportKey } from '../../storage/table.ts';
import type { CreateResult, StoredReport, SubmissionReceipt } from '../../app/ports/report-store.ts';
import { storageCall } from './errors.ts';
import { auditItem, newReportTransaction, receiptOf, toItem } from './report-items.ts';
import { cancellationReasons, queryPages, type ReportContext } from './report-context.ts';

/**
 * Writes a new report, its first audit event and its submission receipt in one transaction, keyed by the
 * submission id. If the id is taken, the failed condition on the receipt returns it (ALL_OLD): a retry is
 * answered with the same reference, and the public submit function never reads a report (it has no read
 * permission, and no report item ever comes back to it).
 */
export async function createReport(db: ReportContext, report: Report, audit: AuditEvent): Promise<CreateResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      await storageCall(() => db.client.send(new TransactWriteCommand(newReportTransaction(db.table, report, audit, db.retentionDays))));
      return { kind: 'created', receipt: receiptOf(report) };
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      const existing = reasons[0]?.Code === 'ConditionalCheckFailed' ? reasons[0].Item : undefined;
      if (existing) {
        const { pk: _pk, sk: _sk, expiresAt: _expires, ...receipt } = unmarshall(existing as never);
        return { kind: 'exists', receipt: receipt as SubmissionReceipt };
      }
      if (reasons.slice(1).some((r) => r.Code === 'ConditionalCheckFailed')) return { kind: 'taken' };
      // Concurrent transactions on the same key conflict; the loser tries again shortly.
      if (reasons.some((r) => r.Code === 'TransactionConflict') && attempt < 8) {
        await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 50 * (attempt + 1)));
        continue;
      }
      throw error;
    }
  }
}

/**
 * Stores a change the domain made, if nobody changed the report since it was read (optimistic lock),
 * together with its audit event. Only the report's own fields are written, so the email ledger that
 * notify keeps on the same item is never overwritten. Returns false when another writer won.
 */
export async function saveChange(db: ReportContext, stored: StoredReport, next: Report, audit: AuditEvent): Promise<boolean> {
  const { update, item } = changeWrite(db, stored, next);
  try {
    await storageCall(() =>
      db.client.send(new TransactWriteCommand({ TransactItems: [{ Update: update }, { Put: auditPut(db, stored, audit, item) }] })),
    );
    // Retention starts with this change (closed and registered in the case system): the trail expires with it.
    if (typeof item.expiresAt === 'number' && typeof toItem(stored.report, stored.version, db.retentionDays).expiresAt !== 'number') {
      await expireAuditTrail(db, next.id, item.expiresAt);
    }
    return true;
  } catch (error) {
    // Another writer won (the version moved) or the transactions collided: the caller re-reads and decides
    // again. Any other cancellation (throttling, a service error) is an outage, not a conflict.
    if (cancellationReasons(error)?.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict')) return false;
    throw error;
  }
}

/**
 * The update that stores a change the domain made, if nobody changed the report since it was read (optimistic
 * lock). Only the report's own fields are written, so the email ledger notify keeps on the same item is never
 * overwritten.
 */
export function changeWrite(db: ReportContext, stored: StoredReport, next: Report) {
  const item = toItem(next, stored.version + 1, db.retentionDays);
  const previous = toItem(stored.report, stored.version, db.retentionDays);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':expected': stored.version };
  const sets: string[] = [];
  const removes: string[] = [];
  let n = 0;
  for (const [key, value] of Object.entries(item)) {
    if (key === 'pk' || key === 'sk' || key === 'sentEmails') continue;
    if (JSON.stringify(previous[key]) === JSON.stringify(value)) continue;
    names[`#a${n}`] = key;
    values[`:v${n}`] = value;
    sets.push(`#a${n} = :v${n}`);
    n++;
  }
  for (const key of Object.keys(previous)) {
    if (key in item || key === 'sentEmails') continue;
    names[`#a${n}`] = key;
    removes.push(`#a${n}`);
    n++;
  }
  names['#version'] = 'version';
  const update = {
    TableName: db.table,
    Key: reportKey(next.id),
    UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ConditionExpression: '#version = :expected',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
  return { update, item };
}

/** A change's audit event, numbered by the version it changed (so two changes never share a key). */
export function auditPut(db: ReportContext, stored: StoredReport, audit: AuditEvent, item: Record<string, unknown>) {
  return { TableName: db.table, Item: auditItem(audit, stored.version, item.expiresAt), ConditionExpression: 'attribute_not_exists(pk)' };
}

/** An audit event on its own (a report was viewed); pass the report so it expires with a closed one. */
export async function addAudit(db: ReportContext, event: AuditEvent, report?: Report): Promise<void> {
  const n = Math.floor(Math.random() * 10_000);
  const expiresAt = report ? toItem(report, 0, db.retentionDays).expiresAt : undefined;
  await storageCall(() =>
    db.client.send(
      new TransactWriteCommand({
        TransactItems: [{ Put: { TableName: db.table, Item: auditItem(event, n, expiresAt) } }],
      }),
    ),
  );
}

/**
 * When a report closes, its earlier audit events get the report's expiry too (DynamoDB TTL then removes the
 * whole record). Idempotent; an event missed here (an outage mid-loop) is set on the next close attempt's
 * retry or stays until an operator's cleanup, and never outlives its report in reads of the trail.
 */
async function expireAuditTrail(db: ReportContext, id: string, expiresAt: number): Promise<void> {
  const { items } = await queryPages(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
    FilterExpression: 'attribute_not_exists(expiresAt)',
    ExpressionAttributeValues: { ':pk': reportKey(id).pk, ':audit': 'AUDIT#' },
    ProjectionExpression: 'pk, sk',
  });
  for (const key of items) {
    await storageCall(() =>
      db.client.send(
        new UpdateCommand({
          TableName: db.table,
          Key: { pk: key.pk, sk: key.sk },
          UpdateExpression: 'SET expiresAt = :expiresAt',
          ExpressionAttributeValues: { ':expiresAt': expiresAt },
        }),
      ),
    );
  }
}
