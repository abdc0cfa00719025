// The floor of `consult`: the DynamoDB document client and one PutItem (the consultation, if not there yet).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

// Built on the first call and kept, as the functions build theirs (documentClient(), sesMailer()).
let documents: DynamoDBDocumentClient | undefined;

export const handler = async (): Promise<{ statusCode: number }> => {
  documents ??= DynamoDBDocumentClient.from(new DynamoDBClient({}));
  await documents.send(
    new PutCommand({ TableName: process.env.TABLE_NAME, Item: { pk: 'CONSULTATION#floor', sk: 'CONSULTATION' }, ConditionExpression: 'attribute_not_exists(pk)' }),
  );
  return { statusCode: 201 };
};
