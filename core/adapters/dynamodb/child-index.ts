// The earlier-reports index in the one table: an item per (child key, report), pk = CHILD#<keyed hash>,
// sk = REPORT#<id>, holding ids only; and the report's own keys on its item (`childMatchKeys`), so the cases
// function can look up without the hashing key. Index items carry no expiry of their own: a lookup reads each
// hit through the report store, which leaves out reports past retention.
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ChildIndex } from '../../app/ports/child-index.ts';
import type { ChildMatchKey, MatchedBy } from '../../domain/child-match.ts';
import { childIndexKey, reportKey } from '../../storage/table.ts';
import { storageCall } from './errors.ts';

export class DynamoChildIndex implements ChildIndex {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(options: { client: DynamoDBDocumentClient; tableName: string }) {
    this.#client = options.client;
    this.#table = options.tableName;
  }

  async index(reportId: string, keys: readonly ChildMatchKey[]): Promise<void> {
    for (const key of keys) {
      await storageCall(() =>
        this.#client.send(new PutCommand({ TableName: this.#table, Item: { ...childIndexKey(key.key, reportId), reportId, matchedBy: key.matchedBy } })),
      );
    }
    await storageCall(() =>
      this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: reportKey(reportId),
          UpdateExpression: 'SET childMatchKeys = :keys',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':keys': keys.map((k) => ({ matchedBy: k.matchedBy, key: k.key })) },
        }),
      ),
    ).catch((error: unknown) => {
      // The report is gone (expired, or a test's table emptied): nothing to look up from.
      if ((error as { cause?: { name?: string } }).cause?.name === 'ConditionalCheckFailedException') return;
      throw error;
    });
  }

  async keysOf(reportId: string): Promise<ChildMatchKey[]> {
    const result = await storageCall(() =>
      this.#client.send(new GetCommand({ TableName: this.#table, Key: reportKey(reportId), ProjectionExpression: 'childMatchKeys' })),
    );
    return (result.Item?.childMatchKeys as ChildMatchKey[] | undefined) ?? [];
  }

  async reportsWith(keys: readonly ChildMatchKey[]): Promise<Array<{ reportId: string; matchedBy: MatchedBy }>> {
    const hits: Array<{ reportId: string; matchedBy: MatchedBy }> = [];
    for (const key of keys) {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await storageCall(() =>
          this.#client.send(
            new QueryCommand({
              TableName: this.#table,
              KeyConditionExpression: 'pk = :pk',
              ExpressionAttributeValues: { ':pk': childIndexKey(key.key, '').pk },
              ExclusiveStartKey: start,
            }),
          ),
        );
        for (const item of page.Items ?? []) hits.push({ reportId: String(item.reportId), matchedBy: item.matchedBy as MatchedBy });
        start = page.LastEvaluatedKey;
      } while (start);
    }
    return hits;
  }
}
