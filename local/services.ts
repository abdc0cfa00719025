// The backing services of local mode: DynamoDB Local and the local SES, as child processes.
import { startDynamoDbLocal } from './dynamodb.ts';
import { startLocalSes } from './ses.ts';

export interface BackingServices {
  dynamoEndpoint: string;
  /** DynamoDB Local has no authentication: on every interface, anyone on the network can read the table. */
  dynamoListensOn: 'loopback' | 'all-interfaces';
  sesEndpoint: string;
  stop: () => Promise<void>;
}

export async function startBackingServices(ports: { dynamo: number; ses: number }): Promise<BackingServices> {
  const [dynamo, ses] = await Promise.allSettled([startDynamoDbLocal(ports.dynamo), startLocalSes(ports.ses)]);
  if (dynamo.status === 'rejected' || ses.status === 'rejected') {
    if (dynamo.status === 'fulfilled') await dynamo.value.stop();
    if (ses.status === 'fulfilled') await ses.value.stop();
    throw dynamo.status === 'rejected' ? dynamo.reason : (ses as PromiseRejectedResult).reason;
  }
  return {
    dynamoEndpoint: dynamo.value.endpoint,
    dynamoListensOn: dynamo.value.listensOn,
    sesEndpoint: ses.value.endpoint,
    stop: async () => {
      await Promise.all([dynamo.value.stop(), ses.value.stop()]);
    },
  };
}
