// The floor of `cases`: the DynamoDB document client and one Query (the team's reports).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';

// Built on the first call and kept, as the functions build theirs (documentClient(), sesMailer()).
let documents: DynamoDBDocumentClient | undefined;

export const handler = async (): Promise<{ statusCode: number }> => {
  documents ??= DynamoDBDocumentClient.from(new DynamoDBClient({}));
  await documents.send(
    new QueryCommand({ TableName: process.env.TABLE_NAME, IndexName: 'byTeam', KeyConditionExpression: 'teamStatus = :team', ExpressionAttributeValues: { ':team': 'floor#open' } }),
  );
  return { statusCode: 200 };
};
