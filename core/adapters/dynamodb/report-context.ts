// What the report repository's parts share (its context): the client, the table name, the retention and the
// clock reads filter expired items by; the paged query every read of more than one item goes through; and the
// reasons a cancelled transaction gives.
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { storageCall } from './errors.ts';
import { isExpired } from './expiry.ts';

export interface ReportContext {
  client: DynamoDBDocumentClient;
  table: string;
  retentionDays: number;
  /** Clock for filtering expired items (DynamoDB deletes them lazily, DynamoDB Local never does). */
  now: () => Date;
}

export const expiredIn = (db: ReportContext, item: Record<string, unknown>): boolean => isExpired(item, db.now());

/** A query followed through its pages until `limit` items (or the end), with the read capacity it used. */
export async function queryPages(
  db: ReportContext,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
  limit = Infinity,
): Promise<{ items: Record<string, unknown>[]; consumedCapacity: number }> {
  const items: Record<string, unknown>[] = [];
  let consumedCapacity = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await storageCall(() =>
      db.client.send(
        new QueryCommand({ ...input, TableName: db.table, ExclusiveStartKey: start, ReturnConsumedCapacity: 'TOTAL' }),
      ),
    );
    consumedCapacity += page.ConsumedCapacity?.CapacityUnits ?? 0;
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start && items.length < limit);
  return { items: items.slice(0, limit), consumedCapacity };
}

/** The per-item reasons of a cancelled transaction, or undefined when the error is something else. */
export function cancellationReasons(error: unknown) {
  const cause = (error as { cause?: unknown }).cause ?? error;
  return cause instanceof TransactionCanceledException ? (cause.CancellationReasons ?? []) : undefined;
}
