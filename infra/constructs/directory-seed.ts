// The deployment seeds version 1 of the directory from the config's directory file: two conditional PutItems (the
// version item, then the CURRENT pointer) that succeed only when the item does not exist yet, with
// ConditionalCheckFailed ignored, so a later deploy never overwrites what administrators changed in the portal.
// The items are the same ones the app writes (core/adapters/dynamodb/directory-versions.ts), built at synth time
// from the file that `loadConfig` already validated (an invalid file fails `cdk synth` before this runs).
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { marshall } from '@aws-sdk/util-dynamodb';
import { Construct } from 'constructs';
import { directoryVersionAttributes } from '../../core/adapters/dynamodb/directory-versions.ts';
import { seedVersion } from '../../core/app/directory/seed-directory.ts';
import type { Directory } from '../../core/directory/directory.ts';
import { DIRECTORY_PARTITION, directoryCurrentKey, directoryVersionKey } from '../../core/storage/table.ts';
import { acknowledge } from '../nag.ts';
import type { Storage } from './storage.ts';

export interface DirectorySeedProps {
  readonly storage: Storage;
  readonly directory: Directory;
  /** When the seed version says it was saved. @default the time of synthesis */
  readonly at?: Date;
  /** @default 90 days */
  readonly logRetention?: logs.RetentionDays;
}

export class DirectorySeed extends Construct {
  readonly versionItem: cr.AwsCustomResource;
  readonly pointerItem: cr.AwsCustomResource;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: DirectorySeedProps) {
    super(scope, id);
    const { storage } = props;
    const attributes = directoryVersionAttributes(seedVersion(props.directory, props.at ?? new Date()));

    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Its own role, as every function here: its own log group, and PutItem on the directory's partition only.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Seeds the first directory version: PutItem on the directory partition only',
    });
    this.role.addToPolicy(new iam.PolicyStatement({ sid: 'WriteOwnLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'SeedDirectory',
        actions: ['dynamodb:PutItem'],
        resources: [storage.table.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [DIRECTORY_PARTITION] } },
      }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'SeedDirectoryKey',
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [storage.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(this).region}.amazonaws.com` } },
      }),
    );

    const put = (name: string, key: Record<string, string>) =>
      new cr.AwsCustomResource(this, name, {
        resourceType: 'Custom::DirectorySeed',
        onCreate: {
          service: 'DynamoDB',
          action: 'putItem',
          parameters: {
            TableName: storage.table.tableName,
            Item: marshall({ ...key, ...attributes }),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
          physicalResourceId: cr.PhysicalResourceId.of(`${key.pk}/${key.sk}`),
          // Already there (an earlier deploy, or administrators' versions): keep it.
          ignoreErrorCodesMatching: 'ConditionalCheckFailedException',
          // The directory holds staff names and addresses: not in the logs.
          logging: cr.Logging.withDataHidden(),
        },
        role: this.role,
        logGroup,
        memorySize: 256,
        installLatestAwsSdk: false,
      });
    this.versionItem = put('Version1', directoryVersionKey(1));
    this.pointerItem = put('Current', directoryCurrentKey());
    // A reader never finds a pointer without its version.
    this.pointerItem.node.addDependency(this.versionItem);

    // The function behind both is CDK's one provider for AwsCustomResource, made at the stack's root.
    const provider = Stack.of(this).node.tryFindChild(`AWS${cr.AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`);
    if (!provider) throw new Error('The AwsCustomResource provider function was not found at the stack root');
    acknowledge(provider, 'Serverless-LambdaDLQ',
      'CloudFormation invokes the seeding function during a deploy and waits for its answer: a failure fails the deploy and shows in its events; there is no event to keep.');
    acknowledge(provider, 'Serverless-LambdaTracing',
      'The seeding function runs two PutItems once per stack creation; a trace would show nothing the deploy events do not.');
  }
}
