// One DynamoDB document client per process (module scope is reused across Lambda invocations).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { runtimeConfig } from '../../config/runtime.ts';

let client: DynamoDBDocumentClient | undefined;

export function documentClient(): DynamoDBDocumentClient {
  if (!client) {
    const config = runtimeConfig();
    const local = config.DYNAMODB_ENDPOINT
      ? { endpoint: config.DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {};
    client = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        region: config.AWS_REGION,
        maxAttempts: 3,
        // Fail fast in an outage: a person is waiting, and the answer is a 503 with Retry-After.
        requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000 },
        ...local,
      }),
      { marshallOptions: { removeUndefinedValues: true } },
    );
  }
  return client;
}

export function resetDocumentClient(): void {
  client?.destroy();
  client = undefined;
}
