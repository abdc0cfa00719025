// What the report repository's parts share (its context): the client, the table name, the retention and the
// clock reads filter expired items by; the paged query every read of more than one item goes through; and the
// reasons a cancelled transaction gives.
import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { isExpired } from './expiry.ts';
import { queryAllPages } from './query-pages.ts';

export interface ReportContext {
  client: DynamoDBDocumentClient;
  table: string;
  retentionDays: number;
  /** Clock for filtering expired items (DynamoDB deletes them lazily, DynamoDB Local never does). */
  now: () => Date;
}

export const expiredIn = (db: ReportContext, item: Record<string, unknown>): boolean => isExpired(item, db.now());

/** A query of the report table followed through its pages until `limit` items (or the end), with the read capacity it used. */
export const queryPages = (db: ReportContext, input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>, limit = Infinity) =>
  queryAllPages(db.client, db.table, input, limit);

/** The per-item reasons of a cancelled transaction, or undefined when the error is something else. */
export function cancellationReasons(error: unknown) {
  const cause = (error as { cause?: unknown }).cause ?? error;
  return cause instanceof TransactionCanceledException ? (cause.CancellationReasons ?? []) : undefined;
}
