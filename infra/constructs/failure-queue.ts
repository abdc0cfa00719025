// A dead-letter destination: where failed events go after their retries, for an operator to read when its
// alarm fires. Encrypted, TLS only, kept 14 days. It holds pointers and events, never report data, so
// SQS-managed keys suffice.
import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag.ts';

export interface FailureQueueProps {
  /** Whose failures land here, for the cdk-nag acknowledgements ("the notify stream mapping"). */
  readonly destinationOf: string;
}

export class FailureQueue extends sqs.Queue {
  constructor(scope: Construct, id: string, props: FailureQueueProps) {
    super(scope, id, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(this, 'AwsSolutions-SQS3',
      `This queue is itself the dead-letter destination of ${props.destinationOf}; a dead-letter queue for it would hold nothing.`);
    acknowledge(this, 'Serverless-SQSRedrivePolicy',
      `This queue is itself the dead-letter destination of ${props.destinationOf}: nothing consumes it automatically, an operator reads it when its alarm fires.`);
  }
}
