// The floor of `web`: the DynamoDB document client and one GetItem (the current directory version in the table).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

// Built on the first call and kept, as the functions build theirs (documentClient(), sesMailer()).
let documents: DynamoDBDocumentClient | undefined;

export const handler = async (): Promise<{ statusCode: number }> => {
  documents ??= DynamoDBDocumentClient.from(new DynamoDBClient({}));
  await documents.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: 'DIRECTORY', sk: 'CURRENT' }, ConsistentRead: true }));
  return { statusCode: 200 };
};
