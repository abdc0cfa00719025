// Email: the SES configuration set (bounces and complaints reach the operators), optionally the SES identity, and the
// notify function fed by the table's stream. A failing batch is split to find the bad record, retried a bounded
// number of times, and then recorded in a queue with an alarm: nothing is dropped silently.
import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as ses from 'aws-cdk-lib/aws-ses';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { notifyStreamSettings } from '../../functions/notify/stream-settings.ts';
import { acknowledge } from '../nag.ts';
import { FailureQueue } from './failure-queue.ts';
import { AppFunction } from './app-function.ts';
import type { Storage } from './storage.ts';

export interface EmailSettings {
  /** The From address. */
  readonly sender: string;
  /** The verified SES identity (domain or address) the sender belongs to. */
  readonly identity: string;
  /** Create the identity here (false: it already exists in the account and region). */
  readonly createIdentity: boolean;
  /**
   * While the account is in the SES sandbox, SES also authorizes against each recipient's verified identity:
   * list the test recipients here for a trial, and remove them once production access is granted.
   */
  readonly sandboxRecipients?: readonly string[];
}

/** An SES configuration set for the app's mail, and the permission to send through it, as the sender only. */
export class Email extends Construct {
  readonly configurationSet: ses.ConfigurationSet;
  readonly identity?: ses.EmailIdentity;
  readonly identityArn: string;
  readonly settings: EmailSettings;

  constructor(scope: Construct, id: string, props: EmailSettings & { operators: sns.ITopic }) {
    super(scope, id);
    this.settings = props;
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      // Addresses that bounced or complained are not tried again.
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
    });
    this.configurationSet.addEventDestination('ToOperators', {
      destination: ses.EventDestination.snsTopic(props.operators),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });
    this.configurationSet.addEventDestination('Metrics', {
      destination: ses.EventDestination.cloudWatchDimensions([
        { name: 'ses:configuration-set', source: ses.CloudWatchDimensionSource.MESSAGE_TAG, defaultValue: 'none' },
      ]),
      events: [ses.EmailSendingEvent.SEND, ses.EmailSendingEvent.DELIVERY, ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT, ses.EmailSendingEvent.REJECT],
    });

    if (props.createIdentity) {
      this.identity = new ses.EmailIdentity(this, 'Identity', {
        identity: props.identity.includes('@') ? ses.Identity.email(props.identity) : ses.Identity.domain(props.identity),
        configurationSet: this.configurationSet,
      });
    }
    this.identityArn = Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: props.identity });
  }

  /** ses:SendEmail and ses:SendRawEmail, only from the configured sender, through this identity and configuration set. */
  grantSend(grantee: iam.IGrantable): void {
    const configurationSetArn = Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'SendAsSender',
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          this.identityArn,
          configurationSetArn,
          ...(this.settings.sandboxRecipients ?? []).map((address) =>
            Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: address }),
          ),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': this.settings.sender } },
      }),
    );
  }
}

export interface NotificationsProps {
  readonly storage: Storage;
  readonly email: Email;
  readonly directoryPath: string;
  readonly environment: Record<string, string>;
  /** Cap on concurrent notify executions. Undefined: no reservation. */
  readonly concurrency?: number;
  /** Attempts after the first failure, before the batch's records go to the failure queue. @default notifyStreamSettings.retryAttempts */
  readonly retryAttempts?: number;
  readonly logRetention?: logs.RetentionDays;
}

export class Notifications extends Construct {
  readonly notify: AppFunction;
  /** Where stream batches go after the retries (their shard and sequence numbers, not the items). */
  readonly failures: sqs.Queue;
  readonly eventSource: DynamoEventSource;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    const { storage } = props;

    // Pointers into the stream (shard, sequence numbers) of records that failed all retries.
    this.failures = new FailureQueue(this, 'Failures', { destinationOf: 'the notify stream mapping' });

    this.notify = new AppFunction(this, 'Notify', {
      name: 'notify',
      description: 'Emails alerts, receipts and feedback from the report stream, each at most once',
      directoryPath: props.directoryPath,
      environment: props.environment,
      timeout: Duration.seconds(60),
      reservedConcurrentExecutions: props.concurrency,
      logRetention: props.logRetention,
      otherWildcardResources: 'dynamodb:ListStreams (granted by the stream event source) supports no resource-level permissions either.',
    });
    storage.grantTable(this.notify.role, { items: ['GetItem', 'UpdateItem'] });
    storage.grantChildIndexWrites(this.notify.role);
    storage.grantStatusLinkSecret(this.notify.role);
    props.email.grantSend(this.notify.role);

    // The same numbers as the local stream poller (functions/notify/stream-settings.ts).
    const settings = notifyStreamSettings;
    this.eventSource = new DynamoEventSource(storage.table, {
      startingPosition: lambda.StartingPosition[settings.startingPosition],
      batchSize: settings.batchSize,
      maxBatchingWindow: Duration.seconds(settings.maxBatchingWindowSeconds),
      // A failing batch is halved until the one bad record is alone; the handler also reports the records that
      // failed ({batchItemFailures}), so the good ones are not sent again.
      bisectBatchOnError: settings.bisectBatchOnFunctionError,
      reportBatchItemFailures: settings.reportBatchItemFailures,
      retryAttempts: props.retryAttempts ?? settings.retryAttempts,
      maxRecordAge: Duration.seconds(settings.maximumRecordAgeSeconds),
      // Only report items, inserted or changed: audit items never invoke notify.
      filters: [lambda.FilterCriteria.filter(settings.filterPattern as unknown as Record<string, unknown>)],
      onFailure: new SqsDlq(this.failures),
    });
    this.notify.function.addEventSource(this.eventSource);
    acknowledge(this.notify, 'Serverless-LambdaDLQ',
      'Invoked synchronously by the stream event source mapping, whose on-failure destination (the Failures queue) is where failed records go; a function DLQ only applies to asynchronous invocations.');
  }
}
