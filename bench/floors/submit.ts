// The floor of `submit`: the DynamoDB document client and the one transaction it writes. See README.md here.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';

// Built on the first call and kept, as the functions build theirs (documentClient(), sesMailer()).
let documents: DynamoDBDocumentClient | undefined;

export const handler = async (): Promise<{ statusCode: number }> => {
  documents ??= DynamoDBDocumentClient.from(new DynamoDBClient({}));
  await documents.send(
    new TransactWriteCommand({
      TransactItems: [{ Put: { TableName: process.env.TABLE_NAME, Item: { pk: 'REPORT#floor', sk: 'REPORT' }, ConditionExpression: 'attribute_not_exists(pk)' } }],
    }),
  );
  return { statusCode: 201 };
};
