// The earlier-reports index in the one table: an item per (child key, report), pk = CHILD#<keyed hash>,
// sk = REPORT#<id>, holding ids only; and the report's own keys on its item (`childMatchKeys`), so the cases
// function can look up without the hashing key. The items carry their report's `expiresAt` once its retention
// starts (notify, from the stream: core/app/index-child.ts), so DynamoDB's TTL removes them with the report; a
// lookup still leaves out expired items (TTL deletes days late) and reads each hit through the report store.
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { systemClock } from '../../app/ports/clock.ts';
import type { ChildIndex } from '../../app/ports/child-index.ts';
import type { ChildMatchKey, MatchedBy } from '../../domain/child-match.ts';
import { childIndexKey, reportKey } from '../../storage/table.ts';
import { storageCall } from './errors.ts';
import { isExpired } from './expiry.ts';
import { queryAllPages } from './query-pages.ts';

export class DynamoChildIndex implements ChildIndex {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #now: () => Date;

  constructor(options: { client: DynamoDBDocumentClient; tableName: string; now?: () => Date }) {
    this.#client = options.client;
    this.#table = options.tableName;
    this.#now = options.now ?? (() => systemClock.now());
  }

  async index(reportId: string, keys: readonly ChildMatchKey[]): Promise<void> {
    // The keys on the report first: the write answers the report's expiry as it is now, which the items then carry.
    // A retention that starts after this write reaches notify as a change with the keys in it (expireWith).
    const updated = await storageCall(() =>
      this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: reportKey(reportId),
          UpdateExpression: 'SET childMatchKeys = :keys',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':keys': keys.map((k) => ({ matchedBy: k.matchedBy, key: k.key })) },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    ).catch((error: unknown) => {
      // The report is gone (expired, or a test's table emptied): nothing to look up from, nothing to index.
      if ((error as { cause?: { name?: string } }).cause?.name === 'ConditionalCheckFailedException') return null;
      throw error;
    });
    if (!updated) return;
    const expiresAt = updated.Attributes?.expiresAt;
    await this.expireWith(reportId, keys, typeof expiresAt === 'number' ? expiresAt : null);
  }

  async expireWith(reportId: string, keys: readonly ChildMatchKey[], expiresAt: number | null): Promise<void> {
    for (const key of keys) {
      const item = { ...childIndexKey(key.key, reportId), reportId, matchedBy: key.matchedBy, ...(expiresAt !== null ? { expiresAt } : {}) };
      await storageCall(() => this.#client.send(new PutCommand({ TableName: this.#table, Item: item })));
    }
  }

  async keysOf(reportId: string): Promise<ChildMatchKey[]> {
    const result = await storageCall(() =>
      this.#client.send(new GetCommand({ TableName: this.#table, Key: reportKey(reportId), ProjectionExpression: 'childMatchKeys' })),
    );
    return (result.Item?.childMatchKeys as ChildMatchKey[] | undefined) ?? [];
  }

  async reportsWith(keys: readonly ChildMatchKey[]): Promise<Array<{ reportId: string; matchedBy: MatchedBy }>> {
    const hits: Array<{ reportId: string; matchedBy: MatchedBy }> = [];
    const now = this.#now();
    for (const key of keys) {
      const { items } = await queryAllPages(this.#client, this.#table, {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': childIndexKey(key.key, '').pk },
      });
      for (const item of items) {
        if (!isExpired(item, now)) hits.push({ reportId: String(item.reportId), matchedBy: item.matchedBy as MatchedBy });
      }
    }
    return hits;
  }
}
