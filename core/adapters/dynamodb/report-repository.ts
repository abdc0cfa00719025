// The report repository: reports and their audit trail in the one table. Thin: the domain decides, this stores.
import { isExpired } from './expiry.ts';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient, type QueryCommandInput, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AuditEvent, Report } from '../../domain/report.ts';
import { retentionStartsAt } from '../../domain/team-work.ts';
import { auditKey, digestKey, DUE_BUCKET, reportKey, reportTable, submissionKey } from '../../storage/table.ts';
import { runtimeConfig } from '../../config/runtime.ts';
import { systemClock } from '../../app/ports/clock.ts';
import { MAX_ITEMS_PER_SWEEP_WRITE, type CreateResult, type ListPosition, type ReportStore, type StoredReport, type SubmissionReceipt, type SweepChange, type SweepSaveResult, type TeamPage } from '../../app/ports/report-store.ts';
import type { Digest } from '../../domain/digest.ts';
import { documentClient } from './client.ts';
import { storageCall } from './errors.ts';

export interface RepositoryOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  retentionDays: number;
  /** Clock for filtering expired items (DynamoDB deletes them lazily, DynamoDB Local never does); the system clock by default. */
  now?: () => Date;
}

export type { CreateResult, StoredReport, SubmissionReceipt };

// A retry comes within minutes or hours; a month is plenty, and the receipt holds no personal data anyway.
const RECEIPT_DAYS = 30;

function receiptOf(report: Report): SubmissionReceipt {
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
function digestItem(digest: Digest): Record<string, unknown> {
  return {
    ...digestKey(digest.id),
    ...digest,
    sentEmails: [],
    emailClaims: {},
    expiresAt: Math.floor(Date.parse(digest.sweepAt) / 1000) + RECEIPT_DAYS * 86_400,
  };
}

/** The per-item reasons of a cancelled transaction, or undefined when the error is something else. */
function cancellationReasons(error: unknown) {
  const cause = (error as { cause?: unknown }).cause ?? error;
  return cause instanceof TransactionCanceledException ? (cause.CancellationReasons ?? []) : undefined;
}

/** An audit event as an item; it expires with its report once the report is closed (expiresAt set). */
function auditItem(event: AuditEvent, n = 0, expiresAt?: unknown): Record<string, unknown> {
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

export class ReportRepository implements ReportStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #retentionDays: number;
  readonly #now: () => Date;

  constructor(options: RepositoryOptions) {
    this.#client = options.client;
    this.#table = options.tableName;
    this.#retentionDays = options.retentionDays;
    this.#now = options.now ?? (() => systemClock.now());
  }

  /**
   * Writes a new report, its first audit event and its submission receipt in one transaction, keyed by the
   * submission id. If the id is taken, the failed condition on the receipt returns it (ALL_OLD): a retry is
   * answered with the same reference, and the public submit function never reads a report (it has no read
   * permission, and no report item ever comes back to it).
   */
  async create(report: Report, audit: AuditEvent): Promise<CreateResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        await storageCall(() =>
          this.#client.send(
            new TransactWriteCommand(newReportTransaction(this.#table, report, audit, this.#retentionDays)),
          ),
        );
        return { kind: 'created', receipt: receiptOf(report) };
      } catch (error) {
        const cause = (error as { cause?: unknown }).cause ?? error;
        if (!(cause instanceof TransactionCanceledException)) throw error;
        const reasons = cause.CancellationReasons ?? [];
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

  async get(id: string): Promise<StoredReport | null> {
    const result = await storageCall(() =>
      this.#client.send(new GetCommand({ TableName: this.#table, Key: reportKey(id), ConsistentRead: true })),
    );
    if (!result.Item || this.#expired(result.Item)) return null;
    return fromItem(result.Item);
  }

  /**
   * Stores a change the domain made, if nobody changed the report since it was read (optimistic lock),
   * together with its audit event. Only the report's own fields are written, so the email ledger that
   * notify keeps on the same item is never overwritten. Returns false when another writer won.
   */
  async saveChange(stored: StoredReport, next: Report, audit: AuditEvent): Promise<boolean> {
    const { update, item } = this.#changeWrite(stored, next);
    try {
      await storageCall(() =>
        this.#client.send(new TransactWriteCommand({ TransactItems: [{ Update: update }, { Put: this.#auditPut(stored, audit, item) }] })),
      );
      // Retention starts with this change (closed and registered in the case system): the trail expires with it.
      if (typeof item.expiresAt === 'number' && typeof toItem(stored.report, stored.version, this.#retentionDays).expiresAt !== 'number') {
        await this.#expireAuditTrail(next.id, item.expiresAt);
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
   * One sweep chunk in one transaction: per report its change (conditional on its version) and audit event, and
   * each digest (conditional on not existing). A cancelled transaction stores nothing; the reasons, item by item,
   * say which reports another writer won and which digests exist already.
   */
  async saveSweep(changes: SweepChange[], digests: Digest[]): Promise<SweepSaveResult> {
    const transactItems: NonNullable<TransactWriteCommandInput['TransactItems']> = [];
    for (const { stored, next, audit } of changes) {
      const { update, item } = this.#changeWrite(stored, next);
      transactItems.push({ Update: update }, { Put: this.#auditPut(stored, audit, item) });
    }
    for (const digest of digests) {
      transactItems.push({ Put: { TableName: this.#table, Item: digestItem(digest), ConditionExpression: 'attribute_not_exists(pk)' } });
    }
    if (transactItems.length > MAX_ITEMS_PER_SWEEP_WRITE) throw new Error(`a sweep write of ${transactItems.length} items is over the transaction limit`);
    try {
      await storageCall(() => this.#client.send(new TransactWriteCommand({ TransactItems: transactItems })));
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

  /**
   * The update that stores a change the domain made, if nobody changed the report since it was read (optimistic
   * lock). Only the report's own fields are written, so the email ledger notify keeps on the same item is never
   * overwritten.
   */
  #changeWrite(stored: StoredReport, next: Report) {
    const item = toItem(next, stored.version + 1, this.#retentionDays);
    const previous = toItem(stored.report, stored.version, this.#retentionDays);
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
      TableName: this.#table,
      Key: reportKey(next.id),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    };
    return { update, item };
  }

  #auditPut(stored: StoredReport, audit: AuditEvent, item: Record<string, unknown>) {
    return { TableName: this.#table, Item: auditItem(audit, stored.version, item.expiresAt), ConditionExpression: 'attribute_not_exists(pk)' };
  }

  /** An audit event on its own (a report was viewed); pass the report so it expires with a closed one. */
  async addAudit(event: AuditEvent, report?: Report): Promise<void> {
    const n = Math.floor(Math.random() * 10_000);
    const expiresAt = report ? toItem(report, 0, this.#retentionDays).expiresAt : undefined;
    await storageCall(() =>
      this.#client.send(
        new TransactWriteCommand({
          TransactItems: [{ Put: { TableName: this.#table, Item: auditItem(event, n, expiresAt) } }],
        }),
      ),
    );
  }

  /**
   * When a report closes, its earlier audit events get the report's expiry too (DynamoDB TTL then removes the
   * whole record). Idempotent; an event missed here (an outage mid-loop) is set on the next close attempt's
   * retry or stays until an operator's cleanup, and never outlives its report in reads of the trail.
   */
  async #expireAuditTrail(id: string, expiresAt: number): Promise<void> {
    const { items } = await this.#query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
      FilterExpression: 'attribute_not_exists(expiresAt)',
      ExpressionAttributeValues: { ':pk': reportKey(id).pk, ':audit': 'AUDIT#' },
      ProjectionExpression: 'pk, sk',
    });
    for (const key of items) {
      await storageCall(() =>
        this.#client.send(
          new UpdateCommand({
            TableName: this.#table,
            Key: { pk: key.pk, sk: key.sk },
            UpdateExpression: 'SET expiresAt = :expiresAt',
            ExpressionAttributeValues: { ':expiresAt': expiresAt },
          }),
        ),
      );
    }
  }

  async auditTrail(id: string): Promise<AuditEvent[]> {
    const { items } = await this.#query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
      ExpressionAttributeValues: { ':pk': reportKey(id).pk, ':audit': 'AUDIT#' },
    });
    return items.map(({ pk: _pk, sk: _sk, expiresAt: _expiresAt, ...event }) => event as unknown as AuditEvent);
  }

  /** A team's reports of one state ('open' = received or acknowledged), nearest deadline first. */
  async listByTeam(teamId: string, state: 'open' | 'closed', limit = 500): Promise<Report[]> {
    const { items } = await this.#query(
      {
        IndexName: 'byTeam',
        KeyConditionExpression: '#teamStatus = :teamStatus',
        ExpressionAttributeNames: { '#teamStatus': reportTable.indexes.byTeam.partitionKey },
        ExpressionAttributeValues: { ':teamStatus': `${teamId}#${state}` },
        ScanIndexForward: state === 'open',
      },
      limit,
    );
    return items.filter((item) => !this.#expired(item)).map((item) => fromItem(item).report);
  }

  /**
   * One read of a team's list from the byTeam index: at most `limit` items (one Query, `Limit` = the items read,
   * so a read costs what it returns, never the whole partition). Each report carries the index key just after it,
   * so a page that ends mid-read continues exactly there.
   */
  async pageByTeam(teamId: string, state: 'open' | 'closed', options: { limit: number; after?: ListPosition }): Promise<TeamPage> {
    const { partitionKey, sortKey } = reportTable.indexes.byTeam;
    const page = await storageCall(() =>
      this.#client.send(
        new QueryCommand({
          TableName: this.#table,
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
      entries: items.filter((item) => !this.#expired(item)).map((item) => ({ report: fromItem(item).report, after: positionOf(item) })),
      next: page.LastEvaluatedKey ? positionOf(page.LastEvaluatedKey) : null,
      consumedCapacity: page.ConsumedCapacity?.CapacityUnits ?? 0,
    };
  }

  /**
   * Reports whose next action time has passed, read from the sparse "due" index: the cost follows the
   * number of due reports, not the number of reports. Returns consumed read capacity for the benchmarks.
   */
  async due(now: Date, limit = 100): Promise<{ reports: StoredReport[]; consumedCapacity: number }> {
    const { items, consumedCapacity } = await this.#query(
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

  /** A query followed through its pages until `limit` items (or the end), with the read capacity it used. */
  async #query(
    input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
    limit = Infinity,
  ): Promise<{ items: Record<string, unknown>[]; consumedCapacity: number }> {
    const items: Record<string, unknown>[] = [];
    let consumedCapacity = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await storageCall(() =>
        this.#client.send(
          new QueryCommand({ ...input, TableName: this.#table, ExclusiveStartKey: start, ReturnConsumedCapacity: 'TOTAL' }),
        ),
      );
      consumedCapacity += page.ConsumedCapacity?.CapacityUnits ?? 0;
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start && items.length < limit);
    return { items: items.slice(0, limit), consumedCapacity };
  }

  #expired(item: Record<string, unknown>): boolean {
    return isExpired(item, this.#now());
  }
}

let defaultRepository: ReportRepository | undefined;

/** The repository every function uses in Lambda and local mode: the table and retention from the environment. */
export function reportRepository(): ReportRepository {
  if (!defaultRepository) {
    const config = runtimeConfig();
    defaultRepository = new ReportRepository({ client: documentClient(), tableName: config.TABLE_NAME, retentionDays: config.RETENTION_DAYS });
  }
  return defaultRepository;
}
