// The figures store in the one table (keys in core/storage/table.ts): counter rows updated with ADD, and per
// counted subject what it last added, written together in one conditional transaction.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  GetCommand,
  ScanCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { FIGURE_COUNTERS, ACK_BUCKET_NAMES, rowId, type Contribution, type FigureRow, type FigureRowKey, type RowDelta } from '../../domain/figures.ts';
import { FIGURES_PREFIX, figuresCountedKey, figuresRowKey } from '../../storage/table.ts';
import type { CountedState, FiguresStore } from '../../app/ports/figures-store.ts';
import { storageCall } from './errors.ts';
import { queryAllPages } from './query-pages.ts';

export interface FiguresStoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
}

/** The only attribute names a row may carry besides its key: counters and histogram buckets. */
const COUNT_NAMES = new Set<string>([...FIGURE_COUNTERS, ...ACK_BUCKET_NAMES]);
const KEY_NAMES = ['month', 'teamId', 'areaId', 'schoolId'] as const;
const ZERO_COUNTS = Object.fromEntries([...COUNT_NAMES].map((name) => [name, 0]));

const rowKeyOf = (key: FigureRowKey) => figuresRowKey(key.month, key.teamId, key.areaId, key.schoolId);

function rowFromItem(item: Record<string, unknown>): FigureRow {
  const counts: Record<string, number> = {};
  for (const [name, value] of Object.entries(item)) if (COUNT_NAMES.has(name) && typeof value === 'number') counts[name] = value;
  return { month: String(item.month), teamId: String(item.teamId), areaId: String(item.areaId), schoolId: String(item.schoolId), counts };
}

/** The row update that adds a delta (a negative number subtracts: a forwarded report leaves its old team's row). */
function rowUpdate(tableName: string, delta: RowDelta) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const adds: string[] = [];
  for (const name of KEY_NAMES) {
    names[`#${name}`] = name;
    values[`:${name}`] = delta.key[name];
    sets.push(`#${name} = :${name}`);
  }
  for (const name of Object.keys(delta.add)) if (!COUNT_NAMES.has(name)) throw new Error(`unknown figure counter ${name}`);
  // Every counter and bucket, 0 where this change adds nothing: a row has all of them from its first count, so
  // its size (and what reading it costs) does not grow with the number of reports.
  [...COUNT_NAMES].forEach((name, i) => {
    names[`#c${i}`] = name;
    values[`:c${i}`] = delta.add[name] ?? 0;
    adds.push(`#c${i} :c${i}`);
  });
  return {
    TableName: tableName,
    Key: rowKeyOf(delta.key),
    UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

function countedItem(subject: string, state: CountedState, expiresAt?: number) {
  return { ...figuresCountedKey(subject), version: state.version, contribution: state.contribution, ...(expiresAt !== undefined ? { expiresAt } : {}) };
}

export class DynamoFiguresStore implements FiguresStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(options: FiguresStoreOptions) {
    this.#client = options.client;
    this.#table = options.tableName;
  }

  async counted(subject: string): Promise<CountedState | null> {
    const result = await storageCall(() =>
      this.#client.send(new GetCommand({ TableName: this.#table, Key: figuresCountedKey(subject), ConsistentRead: true })),
    );
    if (!result.Item) return null;
    return { version: Number(result.Item.version), contribution: result.Item.contribution as Contribution };
  }

  async count(subject: string, expected: CountedState | null, next: CountedState, deltas: RowDelta[], expiresAt?: number): Promise<boolean> {
    try {
      await storageCall(() =>
        this.#client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.#table,
                  Item: countedItem(subject, next, expiresAt),
                  ...(expected
                    ? { ConditionExpression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expected.version } }
                    : { ConditionExpression: 'attribute_not_exists(pk)' }),
                },
              },
              ...deltas.map((delta) => ({ Update: rowUpdate(this.#table, delta) })),
            ],
          }),
        ),
      );
      return true;
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause ?? error;
      const lost = cause instanceof TransactionCanceledException &&
        (cause.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict');
      if (lost) return false;
      throw error;
    }
  }

  async rows(months: readonly string[]): Promise<{ rows: FigureRow[]; consumedCapacity: number }> {
    const perMonth = await Promise.all(months.map((month) => this.#monthRows(month)));
    return { rows: perMonth.flatMap((m) => m.rows), consumedCapacity: perMonth.reduce((sum, m) => sum + m.consumedCapacity, 0) };
  }

  async #monthRows(month: string): Promise<{ rows: FigureRow[]; consumedCapacity: number }> {
    const { items, consumedCapacity } = await queryAllPages(this.#client, this.#table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :row)',
      ExpressionAttributeValues: { ':pk': `${FIGURES_PREFIX}${month}`, ':row': 'ROW#' },
    });
    return { rows: items.map(rowFromItem), consumedCapacity };
  }

  async replaceAll(rows: FigureRow[], counted: ReadonlyArray<{ subject: string; state: CountedState; expiresAt?: number }>): Promise<void> {
    const wanted = new Set(rows.map(rowId));
    const stale: Array<Record<string, unknown>> = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await storageCall(() =>
        this.#client.send(
          new ScanCommand({
            TableName: this.#table,
            FilterExpression: 'begins_with(pk, :figures) AND begins_with(sk, :row)',
            ExpressionAttributeValues: { ':figures': FIGURES_PREFIX, ':row': 'ROW#' },
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        ),
      );
      for (const item of page.Items ?? []) if (!wanted.has(rowId(rowFromItem(item)))) stale.push({ pk: item.pk, sk: item.sk });
      start = page.LastEvaluatedKey;
    } while (start);
    const writes = [
      ...stale.map((Key) => ({ DeleteRequest: { Key } })),
      ...rows.map((row) => ({ PutRequest: { Item: { ...rowKeyOf(row), month: row.month, teamId: row.teamId, areaId: row.areaId, schoolId: row.schoolId, ...ZERO_COUNTS, ...row.counts } } })),
      ...counted.map((c) => ({ PutRequest: { Item: countedItem(c.subject, c.state, c.expiresAt) } })),
    ];
    for (let i = 0; i < writes.length; i += 25) await this.#batchWrite(writes.slice(i, i + 25));
  }

  async #batchWrite(requests: Array<Record<string, unknown>>): Promise<void> {
    let pending = requests;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 50 * 2 ** attempt)));
      if (attempt > 10) throw new Error('the figures could not be written (unprocessed items after retries)');
      const result = await storageCall(() => this.#client.send(new BatchWriteCommand({ RequestItems: { [this.#table]: pending as never } })));
      pending = (result.UnprocessedItems?.[this.#table] ?? []) as Array<Record<string, unknown>>;
    }
  }
}
