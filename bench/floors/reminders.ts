// The floor of `reminders`: the DynamoDB document client and one Query of the "due" index.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';

// Built on the first call and kept, as the functions build theirs (documentClient(), sesMailer()).
let documents: DynamoDBDocumentClient | undefined;

export const handler = async (): Promise<void> => {
  documents ??= DynamoDBDocumentClient.from(new DynamoDBClient({}));
  documents ??= DynamoDBDocumentClient.from(new DynamoDBClient({}));
  await documents.send(
    new QueryCommand({ TableName: process.env.TABLE_NAME, IndexName: 'due', KeyConditionExpression: 'dueBucket = :bucket', ExpressionAttributeValues: { ':bucket': 'DUE' } }),
  );
};
