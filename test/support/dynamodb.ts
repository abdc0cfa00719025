// The one way tests talk to DynamoDB Local directly: a document client (undefined values dropped, as the
// repository writes them), and reading a whole table back.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS } from '../../local/dynamodb.ts';
import { FIGURES_PREFIX } from '../../core/storage/table.ts';

/** A document client on a DynamoDB Local endpoint; `maxAttempts` low to see an outage at once. */
export function localDocumentClient(endpoint: string, options: { maxAttempts?: number } = {}): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint, region: 'eu-north-1', credentials: LOCAL_CREDENTIALS, ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}) }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
}

/**
 * The figures' counter items (FIGURES#…), which the stream's second reader writes a moment after each report change,
 * are left out of what the tests read back and count: they hold counts, not what a request stored.
 */
const NOT_FIGURES = { FilterExpression: 'NOT begins_with(pk, :figures)', ExpressionAttributeValues: { ':figures': FIGURES_PREFIX } };

export async function scanTable(client: DynamoDBDocumentClient, tableName: string): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: start, ...NOT_FIGURES }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

export async function countTable(client: DynamoDBDocumentClient, tableName: string): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, Select: 'COUNT', ConsistentRead: true, ExclusiveStartKey: start, ...NOT_FIGURES }));
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}
