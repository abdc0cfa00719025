// The floor of `stats-counter`: the DynamoDB document client and one TransactWriteItems (a subject version's
// counted marker and its month's counters, written together).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';

// Built on the first call and kept, as the functions build theirs (documentClient(), sesMailer()).
let documents: DynamoDBDocumentClient | undefined;

export const handler = async (): Promise<{ batchItemFailures: never[] }> => {
  documents ??= DynamoDBDocumentClient.from(new DynamoDBClient({}));
  await documents.send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: process.env.TABLE_NAME, Item: { pk: 'FIGURES#COUNTED#floor', sk: 'v1' }, ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Update: {
            TableName: process.env.TABLE_NAME,
            Key: { pk: 'FIGURES#floor', sk: '2026-11' },
            UpdateExpression: 'ADD received :one',
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      ],
    }),
  );
  return { batchItemFailures: [] };
};
