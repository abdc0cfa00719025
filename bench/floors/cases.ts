// The floor of `cases`: the DynamoDB document client (one Query: the team's reports) and Secrets Manager (the key
// that signs the list's cursors).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';

// Built on the first call and kept, as the functions build theirs (documentClient(), sesMailer()).
let documents: DynamoDBDocumentClient | undefined;
let secrets: SecretsManagerClient | undefined;

export const handler = async (): Promise<{ statusCode: number }> => {
  documents ??= DynamoDBDocumentClient.from(new DynamoDBClient({}));
  secrets ??= new SecretsManagerClient({});
  await secrets.send(new GetSecretValueCommand({ SecretId: process.env.LIST_CURSOR_SECRET_ARN }));
  await documents.send(
    new QueryCommand({ TableName: process.env.TABLE_NAME, IndexName: 'byTeam', KeyConditionExpression: 'teamStatus = :team', ExpressionAttributeValues: { ':team': 'floor#open' } }),
  );
  return { statusCode: 200 };
};
