// The floor of `directory`: the DynamoDB document client and the one transaction a save writes (the new version
// and the current pointer); reading and the history are a GetItem and a Query on the same client.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';

// Built on the first call and kept, as the functions build theirs (documentClient(), sesMailer()).
let documents: DynamoDBDocumentClient | undefined;

export const handler = async (): Promise<{ statusCode: number }> => {
  documents ??= DynamoDBDocumentClient.from(new DynamoDBClient({}));
  await documents.send(
    new TransactWriteCommand({
      TransactItems: [{ Put: { TableName: process.env.TABLE_NAME, Item: { pk: 'DIRECTORY', sk: 'VERSION#1' }, ConditionExpression: 'attribute_not_exists(pk)' } }],
    }),
  );
  return { statusCode: 200 };
};
