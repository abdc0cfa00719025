// The figures for the board (DESIGN.md, "Figures"): the stats-counter function on the table's stream (its second
// and last reader), keeping counter rows from report and consultation changes, and the stats function behind
// GET /stats, /api/stats, /api/stats.csv and /api/stats.html. Each has its own role that reaches only the
// figures' items (FIGURES#*): the counter learns about reports from the stream alone, never by reading them.
// The counter's mapping takes the same care as notify's: bisect on error, bounded retries, partial batch
// responses, then a failure queue with an alarm.
import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { statsCounterStreamSettings } from '../../functions/stats-counter/stream-settings.ts';
import { acknowledge } from '../nag.ts';
import { AppFunction } from './app-function.ts';
import { FailureQueue } from './failure-queue.ts';
import type { Storage } from './storage.ts';

export interface FiguresProps {
  readonly storage: Storage;
  readonly directoryPath: string;
  readonly environment: Record<string, string>;
  readonly logRetention?: logs.RetentionDays;
}

export class Figures extends Construct {
  readonly counter: AppFunction;
  readonly stats: AppFunction;
  /** Stream records the counter could not count after its retries (pointers, not items). */
  readonly failures: sqs.Queue;
  readonly eventSource: DynamoEventSource;

  constructor(scope: Construct, id: string, props: FiguresProps) {
    super(scope, id);
    const { storage } = props;
    const common = { directoryPath: props.directoryPath, environment: props.environment, logRetention: props.logRetention };

    this.failures = new FailureQueue(this, 'Failures', { destinationOf: 'the figures counter stream mapping' });
    this.counter = new AppFunction(this, 'Counter', {
      ...common,
      name: 'stats-counter',
      description: 'Keeps the figures counter rows from the report stream, each change counted once',
      memorySize: 256,
      timeout: Duration.seconds(60),
      otherWildcardResources: 'dynamodb:ListStreams (granted by the stream event source) supports no resource-level permissions either.',
    });
    storage.grantFigures(this.counter.role, 'count');
    // Its writes cannot reach the directory anyway (the condition above); the explicit deny every writer has says so too.
    storage.denyDirectoryWrites(this.counter.role);

    const settings = statsCounterStreamSettings;
    this.eventSource = new DynamoEventSource(storage.table, {
      startingPosition: lambda.StartingPosition[settings.startingPosition],
      batchSize: settings.batchSize,
      maxBatchingWindow: Duration.seconds(settings.maxBatchingWindowSeconds),
      bisectBatchOnError: settings.bisectBatchOnFunctionError,
      reportBatchItemFailures: settings.reportBatchItemFailures,
      retryAttempts: settings.retryAttempts,
      maxRecordAge: Duration.seconds(settings.maximumRecordAgeSeconds),
      // Report and consultation items only: audit events and the counter's own writes never invoke it.
      filters: settings.filterPatterns.map((pattern) => lambda.FilterCriteria.filter(pattern as unknown as Record<string, unknown>)),
      onFailure: new SqsDlq(this.failures),
    });
    this.counter.function.addEventSource(this.eventSource);
    acknowledge(this.counter, 'Serverless-LambdaDLQ',
      'Invoked synchronously by the stream event source mapping, whose on-failure destination (the Failures queue) is where failed records go; a function DLQ only applies to asynchronous invocations.');

    this.stats = new AppFunction(this, 'Stats', {
      ...common,
      name: 'stats',
      description: 'The figures for leads and administrators: JSON, CSV and the page',
      memorySize: 256,
    });
    storage.grantFigures(this.stats.role, 'read');
    storage.grantDirectoryRead(this.stats.role);
    acknowledge(this.stats, 'Serverless-LambdaDLQ',
      'The stats function is only invoked synchronously by API Gateway: a failed request is answered with an error to the caller, there is no event to park in a dead-letter queue.');
  }
}
