// The report repository's reads: one report, its audit trail, a team's list (whole or a page at a time from the
// byTeam index) and the due reports of the sparse "due" index. Every read treats an expired item as absent.
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent, Report } from '../../domain/report.ts';
import { DUE_BUCKET, reportKey, reportTable } from '../../storage/table.ts';
import type { ListPosition, StoredReport, TeamPage } from '../../app/ports/report-store.ts';
import { storageCall } from './errors.ts';
import { fromItem } from './report-items.ts';
import { expiredIn, queryPages, type ReportContext } from './report-context.ts';

export async function getReport(db: ReportContext, id: string): Promise<StoredReport | null> {
  const result = await storageCall(() =>
    db.client.send(new GetCommand({ TableName: db.table, Key: reportKey(id), ConsistentRead: true })),
  );
  if (!result.Item || expiredIn(db, result.Item)) return null;
  return fromItem(result.Item);
}

export async function auditTrail(db: ReportContext, id: string): Promise<AuditEvent[]> {
  const { items } = await queryPages(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
    ExpressionAttributeValues: { ':pk': reportKey(id).pk, ':audit': 'AUDIT#' },
  });
  return items.map(({ pk: _pk, sk: _sk, expiresAt: _expiresAt, ...event }) => event as unknown as AuditEvent);
}

/** A team's reports of one state ('open' = received or acknowledged), nearest deadline first. */
export async function listByTeam(db: ReportContext, teamId: string, state: 'open' | 'closed', limit = 500): Promise<Report[]> {
  const { items } = await queryPages(
    db,
    {
      IndexName: 'byTeam',
      KeyConditionExpression: '#teamStatus = :teamStatus',
      ExpressionAttributeNames: { '#teamStatus': reportTable.indexes.byTeam.partitionKey },
      ExpressionAttributeValues: { ':teamStatus': `${teamId}#${state}` },
      ScanIndexForward: state === 'open',
    },
    limit,
  );
  return items.filter((item) => !expiredIn(db, item)).map((item) => fromItem(item).report);
}

/**
 * One read of a team's list from the byTeam index: at most `limit` items (one Query, `Limit` = the items read,
 * so a read costs what it returns, never the whole partition). Each report carries the index key just after it,
 * so a page that ends mid-read continues exactly there.
 */
export async function pageByTeam(
  db: ReportContext,
  teamId: string,
  state: 'open' | 'closed',
  options: { limit: number; after?: ListPosition },
): Promise<TeamPage> {
  const { partitionKey, sortKey } = reportTable.indexes.byTeam;
  const page = await storageCall(() =>
    db.client.send(
      new QueryCommand({
        TableName: db.table,
        IndexName: 'byTeam',
        KeyConditionExpression: '#teamStatus = :teamStatus',
        ExpressionAttributeNames: { '#teamStatus': partitionKey },
        ExpressionAttributeValues: { ':teamStatus': `${teamId}#${state}` },
        ScanIndexForward: state === 'open',
        Limit: options.limit,
        ReturnConsumedCapacity: 'TOTAL',
        ...(options.after ? { ExclusiveStartKey: options.after } : {}),
      }),
    ),
  );
  const positionOf = (item: Record<string, unknown>): ListPosition => ({
    pk: String(item.pk),
    sk: String(item.sk),
    [partitionKey]: String(item[partitionKey]),
    [sortKey]: String(item[sortKey]),
  });
  const items = page.Items ?? [];
  return {
    entries: items.filter((item) => !expiredIn(db, item)).map((item) => ({ report: fromItem(item).report, after: positionOf(item) })),
    next: page.LastEvaluatedKey ? positionOf(page.LastEvaluatedKey) : null,
    consumedCapacity: page.ConsumedCapacity?.CapacityUnits ?? 0,
  };
}

/**
 * Reports whose next action time has passed, read from the sparse "due" index: the cost follows the
 * number of due reports, not the number of reports. Returns consumed read capacity for the benchmarks.
 */
export async function dueReports(db: ReportContext, now: Date, limit = 100): Promise<{ reports: StoredReport[]; consumedCapacity: number }> {
  const { items, consumedCapacity } = await queryPages(
    db,
    {
      IndexName: 'due',
      KeyConditionExpression: '#bucket = :bucket AND #next <= :now',
      ExpressionAttributeNames: { '#bucket': reportTable.indexes.due.partitionKey, '#next': reportTable.indexes.due.sortKey },
      ExpressionAttributeValues: { ':bucket': DUE_BUCKET, ':now': now.toISOString() },
      Limit: limit,
    },
    limit,
  );
  return { reports: items.map(fromItem), consumedCapacity };
}
