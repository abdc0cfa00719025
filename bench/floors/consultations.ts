// The floor of `consultations`: the DynamoDB document client (one Query: a team's open consultations) and Secrets
// Manager (the status-link key that signs and checks the asker's link).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';

// Built on the first call and kept, as the functions build theirs (documentClient(), sesMailer()).
let documents: DynamoDBDocumentClient | undefined;
let secrets: SecretsManagerClient | undefined;

export const handler = async (): Promise<{ statusCode: number }> => {
  documents ??= DynamoDBDocumentClient.from(new DynamoDBClient({}));
  secrets ??= new SecretsManagerClient({});
  await secrets.send(new GetSecretValueCommand({ SecretId: process.env.STATUS_LINK_SECRET_ARN }));
  await documents.send(
    new QueryCommand({ TableName: process.env.TABLE_NAME, IndexName: 'byTeam', KeyConditionExpression: 'teamStatus = :team', ExpressionAttributeValues: { ':team': 'CONSULTATION#floor#open' } }),
  );
  return { statusCode: 200 };
};
