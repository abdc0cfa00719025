// The floor of `status`: the DynamoDB document client (one GetItem) and Secrets Manager (the status-link key).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

// Built on the first call and kept, as the functions build theirs (documentClient(), sesMailer()).
let documents: DynamoDBDocumentClient | undefined;
let secrets: SecretsManagerClient | undefined;

export const handler = async (): Promise<{ statusCode: number }> => {
  documents ??= DynamoDBDocumentClient.from(new DynamoDBClient({}));
  secrets ??= new SecretsManagerClient({});
  await secrets.send(new GetSecretValueCommand({ SecretId: process.env.STATUS_LINK_SECRET_ARN }));
  await documents.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: 'REPORT#floor', sk: 'REPORT' } }));
  return { statusCode: 200 };
};
