// The reminder sweep's write: one chunk of reports' changes and the digests listing them, in one transaction.
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Digest } from '../../domain/digest.ts';
import { MAX_ITEMS_PER_SWEEP_WRITE, type SweepChange, type SweepSaveResult } from '../../app/ports/report-store.ts';
import { storageCall } from './errors.ts';
import { digestItem } from './report-items.ts';
import { cancellationReasons, type ReportContext } from './report-context.ts';
import { auditPut, changeWrite } from './report-writes.ts';

/**
 * One sweep chunk in one transaction: per report its change (conditional on its version) and audit event, and
 * each digest (conditional on not existing). A cancelled transaction stores nothing; the reasons, item by item,
 * say which reports another writer won and which digests exist already.
 */
export async function saveSweep(db: ReportContext, changes: SweepChange[], digests: Digest[]): Promise<SweepSaveResult> {
  const transactItems: NonNullable<TransactWriteCommandInput['TransactItems']> = [];
  for (const { stored, next, audit } of changes) {
    const { update, item } = changeWrite(db, stored, next);
    transactItems.push({ Update: update }, { Put: auditPut(db, stored, audit, item) });
  }
  for (const digest of digests) {
    transactItems.push({ Put: { TableName: db.table, Item: digestItem(digest), ConditionExpression: 'attribute_not_exists(pk)' } });
  }
  if (transactItems.length > MAX_ITEMS_PER_SWEEP_WRITE) throw new Error(`a sweep write of ${transactItems.length} items is over the transaction limit`);
  try {
    await storageCall(() => db.client.send(new TransactWriteCommand({ TransactItems: transactItems })));
    return { kind: 'saved' };
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (!reasons) throw error;
    const failed = (i: number) => reasons[i]?.Code === 'ConditionalCheckFailed' || reasons[i]?.Code === 'TransactionConflict';
    const lost = changes.filter((_, i) => failed(2 * i) || failed(2 * i + 1)).map((c) => c.next.id);
    if (lost.length) return { kind: 'lost', reportIds: lost };
    const taken = digests.filter((_, i) => failed(2 * changes.length + i)).map((d) => d.id);
    if (taken.length) return { kind: 'digest-taken', digestIds: taken };
    throw error;
  }
}
