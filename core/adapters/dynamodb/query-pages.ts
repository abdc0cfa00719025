// The one paged Query: followed through its pages (DynamoDB answers at most 1 MB a page) until `limit` items or the
// end, with the read capacity it used; an outage becomes StorageUnavailableError (storageCall). Every adapter that
// reads more than one item by a key goes through it.
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { storageCall } from './errors.ts';

export async function queryAllPages(
  client: DynamoDBDocumentClient,
  table: string,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
  limit = Infinity,
): Promise<{ items: Record<string, unknown>[]; consumedCapacity: number }> {
  const items: Record<string, unknown>[] = [];
  let consumedCapacity = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await storageCall(() =>
      client.send(new QueryCommand({ ...input, TableName: table, ExclusiveStartKey: start, ReturnConsumedCapacity: 'TOTAL' })),
    );
    consumedCapacity += page.ConsumedCapacity?.CapacityUnits ?? 0;
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start && items.length < limit);
  return { items: items.slice(0, limit), consumedCapacity };
}
