// The reminder sweep: an EventBridge schedule runs the reminders function every N minutes. The function queries the
// sparse "due" index and records each due reminder or escalation on its report with a conditional update; notify
// sees the change on the stream and sends the email (one place sends email), so this function cannot send any.
// One sweep at a time (reserved concurrency 1); a sweep that fails is retried, then recorded in a queue with an alarm.
import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.ts';
import { FailureQueue } from './failure-queue.ts';
import { AppFunction } from './app-function.ts';
import type { Storage } from './storage.ts';

export interface RemindersProps {
  readonly storage: Storage;
  readonly directoryPath: string;
  readonly environment: Record<string, string>;
  /** How often the sweep runs. @default 5 minutes */
  readonly rate?: Duration;
  /** Reserve one execution so two sweeps never overlap in cost. @default true */
  readonly reserveConcurrency?: boolean;
  readonly logRetention?: logs.RetentionDays;
}

export class Reminders extends Construct {
  readonly reminders: AppFunction;
  readonly schedule: events.Rule;
  /** Sweeps that failed after the retries (the scheduled event and the error). */
  readonly failures: sqs.Queue;
  readonly rate: Duration;

  constructor(scope: Construct, id: string, props: RemindersProps) {
    super(scope, id);
    this.rate = props.rate ?? Duration.minutes(5);
    const { storage } = props;

    // Scheduled events and error messages of sweeps that failed (the next sweep catches up anyway).
    this.failures = new FailureQueue(this, 'Failures', { destinationOf: 'the reminder schedule and the reminders function' });

    this.reminders = new AppFunction(this, 'Reminders', {
      name: 'reminders',
      description: 'The reminder sweep: reminders and escalations that are due',
      directoryPath: props.directoryPath,
      environment: props.environment,
      // A sweep must end well before the next one starts.
      timeout: Duration.seconds(Math.min(300, Math.max(60, this.rate.toSeconds() / 2))),
      reservedConcurrentExecutions: props.reserveConcurrency === false ? undefined : 1,
      retryAttempts: 2,
      onFailureQueue: this.failures,
      logRetention: props.logRetention,
    });
    storage.grantTable(this.reminders.role, { items: ['GetItem', 'PutItem', 'UpdateItem'], query: ['due'] });
    acknowledge(this.reminders, 'Serverless-LambdaDLQ',
      'Failed asynchronous invocations go to the Failures queue through an on-failure destination, which also records the error; a second, older-style DLQ would duplicate it.');

    this.schedule = new events.Rule(this, 'Schedule', {
      description: `Runs the reminder sweep every ${this.rate.toMinutes()} minutes`,
      schedule: events.Schedule.rate(this.rate),
    });
    this.schedule.addTarget(
      new targets.LambdaFunction(this.reminders.function, {
        deadLetterQueue: this.failures,
        retryAttempts: 2,
        // A sweep that could not start within one period is replaced by the next one.
        maxEventAge: this.rate,
      }),
    );
  }
}
