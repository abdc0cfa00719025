// The floor of `notify`: the DynamoDB document client (the email ledger's UpdateItem), SES (one SendEmail),
// Secrets Manager (the status-link key for the links in receipts) and KMS (one GenerateMac: the keyed hash under
// which a new report's child is indexed for earlier reports).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GenerateMacCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SendEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';

// Built on the first call and kept, as the functions build theirs (documentClient(), sesMailer()).
let documents: DynamoDBDocumentClient | undefined;
let ses: SESClient | undefined;
let secrets: SecretsManagerClient | undefined;
let kms: KMSClient | undefined;

export const handler = async (): Promise<{ batchItemFailures: never[] }> => {
  documents ??= DynamoDBDocumentClient.from(new DynamoDBClient({}));
  ses ??= new SESClient({});
  secrets ??= new SecretsManagerClient({});
  kms ??= new KMSClient({});
  await secrets.send(new GetSecretValueCommand({ SecretId: process.env.STATUS_LINK_SECRET_ARN }));
  await kms.send(new GenerateMacCommand({ KeyId: process.env.CHILD_MATCH_KEY_ID, MacAlgorithm: 'HMAC_SHA_256', Message: new TextEncoder().encode('floor') }));
  await documents.send(
    new UpdateCommand({ TableName: process.env.TABLE_NAME, Key: { pk: 'REPORT#floor', sk: 'REPORT' }, UpdateExpression: 'SET sent = :true', ExpressionAttributeValues: { ':true': true } }),
  );
  await ses.send(
    new SendEmailCommand({
      Source: process.env.SENDER_ADDRESS,
      Destination: { ToAddresses: ['team@example.se'] },
      Message: { Subject: { Data: 'Ny orosanmälan' }, Body: { Text: { Data: 'En ny anmälan väntar.' } } },
    }),
  );
  return { batchItemFailures: [] };
};
