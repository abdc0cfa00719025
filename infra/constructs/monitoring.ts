// What tells the operators that something is wrong: one SNS topic with their email address on it, the alarms that
// publish to it, and a small dashboard. "Nothing is dropped silently" is only true if someone hears about it.
import { Duration } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { HONEYPOT_TRIGGERED } from '../../core/observability/log-events.ts';
import { acknowledge } from '../nag.ts';
import type { AppFunction } from './app-function.ts';

export interface OperatorAlertsProps {
  /** Who gets the alarms (and SES bounce and complaint notices). */
  readonly email: string;
}

/** The operators' topic: alarms and email bounce/complaint notices are published here. */
export class OperatorAlerts extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: OperatorAlertsProps) {
    super(scope, id);
    // Not KMS-encrypted on purpose: CloudWatch alarms and SES can only publish to an encrypted topic if the key
    // policy lets them, and a wrong key policy drops alarms without a trace. No personal data is published here
    // except the address of an email that bounced.
    this.topic = new sns.Topic(this, 'Topic', { displayName: 'Concern intake operators', enforceSSL: true });
    const subscription = new sns.Subscription(this, 'Email', {
      topic: this.topic,
      protocol: sns.SubscriptionProtocol.EMAIL,
      endpoint: props.email,
    });
    acknowledge(subscription, 'Serverless-SNSRedrivePolicy',
      'An email subscription: SNS retries delivery to the mail server itself, and a redrive queue would only hold ' +
        'alarm notices that nobody reads (an alarm on it would be published to this same topic).');
  }
}

export interface MonitoringProps {
  readonly topic: sns.ITopic;
  readonly functions: AppFunction[];
  readonly api: apigwv2.HttpApi;
  /** Queues that must stay empty: each holds work that failed after all retries. */
  readonly failureQueues: { name: string; queue: sqs.IQueue }[];
  /** The reminder sweep, expected to run every `reminderRate`. */
  readonly reminders: lambda.IFunction;
  readonly reminderRate: Duration;
  /** The stream consumer: alarm when it falls behind. */
  readonly notify: lambda.IFunction;
  readonly sesConfigurationSetName: string;
  /** The log groups of the functions behind a public form with a honeypot (submit, consult): their lines are counted. */
  readonly honeypotLogGroups: logs.ILogGroup[];
  /** @default 'ConcernIntake' */
  readonly dashboardName?: string;
}

/**
 * Honeypot posts per hour above which the operators hear of it. Bots fill the hidden field now and then; many in an
 * hour mean either a bot wave or a form whose hidden field browsers fill in (autofill after a change to the page),
 * and then real reports are being dropped without a trace.
 */
export const HONEYPOT_ALARM_PER_HOUR = 10;

export class Monitoring extends Construct {
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const alarmAction = new actions.SnsAction(props.topic);
    const add = (alarm: cloudwatch.Alarm) => {
      alarm.addAlarmAction(alarmAction);
      alarm.addOkAction(alarmAction);
      this.alarms.push(alarm);
      return alarm;
    };
    const fiveMinutes = Duration.minutes(5);

    for (const { name, queue } of props.failureQueues) {
      add(
        new cloudwatch.Alarm(this, `${name}NotEmpty`, {
          alarmDescription: `${name}: work failed after all retries and waits in ${queue.node.path}. Read it, fix the cause, then redrive or delete the messages.`,
          metric: queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
          threshold: 0,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    for (const fn of props.functions) {
      const title = fn.name[0]!.toUpperCase() + fn.name.slice(1);
      add(
        new cloudwatch.Alarm(this, `${title}Errors`, {
          alarmDescription: `The ${fn.name} function failed (an unhandled error or a timeout). See its log group ${fn.logGroup.node.path}.`,
          metric: fn.function.metricErrors({ period: fiveMinutes, statistic: 'Sum' }),
          threshold: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
      );
      add(
        new cloudwatch.Alarm(this, `${title}Throttles`, {
          alarmDescription: `The ${fn.name} function was throttled: it hit its reserved or the account's concurrency.`,
          metric: fn.function.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }),
          threshold: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    // The sweep must run: no invocation in three of its periods (at least 15 minutes) means reminders and
    // escalations have stopped. Missing data is the failure here, not the absence of one.
    const sweepWindow = Duration.minutes(Math.max(15, props.reminderRate.toMinutes() * 3));
    add(
      new cloudwatch.Alarm(this, 'ReminderSweepNotRunning', {
        alarmDescription: `The reminder sweep has not run for ${sweepWindow.toMinutes()} minutes: no reminders or escalations are being sent. Check the schedule rule and the reminders function.`,
        metric: props.reminders.metricInvocations({ period: sweepWindow, statistic: 'Sum' }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.BREACHING,
      }),
    );

    const iteratorAge = new cloudwatch.Metric({
      namespace: 'AWS/Lambda',
      metricName: 'IteratorAge',
      dimensionsMap: { FunctionName: props.notify.functionName },
      statistic: 'Maximum',
      period: fiveMinutes,
    });
    add(
      new cloudwatch.Alarm(this, 'NotifyFallingBehind', {
        alarmDescription: 'Emails about new reports and feedback are more than 10 minutes behind the table: the notify function is failing or slow.',
        metric: iteratorAge,
        threshold: Duration.minutes(10).toMilliseconds(),
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );

    const serverErrors = props.api.metricServerError({ period: fiveMinutes, statistic: 'Sum' });
    add(
      new cloudwatch.Alarm(this, 'ApiServerErrors', {
        alarmDescription: 'The API answered with 5xx errors (an outage of a dependency, or failing functions).',
        metric: serverErrors,
        threshold: 5,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );

    // SES publishes these per configuration set through the CloudWatch event destination (see Notifications).
    const sesMetric = (metricName: 'Bounce' | 'Complaint') =>
      new cloudwatch.Metric({
        namespace: 'AWS/SES',
        metricName,
        dimensionsMap: { 'ses:configuration-set': props.sesConfigurationSetName },
        statistic: 'Sum',
        period: Duration.hours(1),
      });
    add(
      new cloudwatch.Alarm(this, 'EmailBounces', {
        alarmDescription: 'An email bounced: an address in the directory may be wrong, or a reporter mistyped theirs. Each bounce is also published to this topic with the address.',
        metric: sesMetric('Bounce'),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );
    add(
      new cloudwatch.Alarm(this, 'EmailComplaints', {
        alarmDescription: 'A recipient marked an email as spam. Too many complaints make SES pause sending for the account.',
        metric: sesMetric('Complaint'),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );

    // The honeypot drops a report silently by design; counting its log line (core/observability/log-events.ts)
    // is what keeps a broken form from dropping real reports unnoticed.
    // One filter per log group, all into the one metric: the report form's and the consultation form's posts count together.
    const honeypotFilters = props.honeypotLogGroups.map((logGroup, index) =>
      logGroup.addMetricFilter(index === 0 ? 'HoneypotTriggered' : `HoneypotTriggered${index + 1}`, {
        filterPattern: logs.FilterPattern.stringValue('$.message', '=', HONEYPOT_TRIGGERED),
        metricNamespace: `ConcernIntake/${props.dashboardName ?? 'ConcernIntake'}`,
        metricName: 'HoneypotTriggered',
        metricValue: '1',
        unit: cloudwatch.Unit.COUNT,
      }),
    );
    const honeypot = honeypotFilters[0]!.metric({ statistic: 'Sum', period: Duration.hours(1) });
    add(
      new cloudwatch.Alarm(this, 'HoneypotTriggeredOften', {
        alarmDescription:
          `More than ${HONEYPOT_ALARM_PER_HOUR} form posts in an hour filled the hidden honeypot field and were dropped. ` +
          'Either bots are at the form, or browsers fill the hidden field (check the form page): then real reports are being lost.',
        metric: honeypot,
        threshold: HONEYPOT_ALARM_PER_HOUR,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName ?? 'ConcernIntake',
      defaultInterval: Duration.days(1),
    });
    this.dashboard.addWidgets(
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 4 }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'API requests and errors',
        left: [props.api.metricCount({ period: fiveMinutes, statistic: 'Sum' })],
        right: [props.api.metricClientError({ period: fiveMinutes, statistic: 'Sum' }), serverErrors, honeypot.with({ label: 'honeypot posts (per hour)' })],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Function errors',
        left: props.functions.map((fn) => fn.function.metricErrors({ period: fiveMinutes, statistic: 'Sum', label: fn.name })),
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Reminder sweeps and notify lag',
        left: [props.reminders.metricInvocations({ period: fiveMinutes, statistic: 'Sum', label: 'sweeps' })],
        right: [iteratorAge.with({ label: 'notify iterator age (ms)' })],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Failed work waiting, email bounces and complaints',
        left: props.failureQueues.map(({ name, queue }) =>
          queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum', label: name }),
        ),
        right: [sesMetric('Bounce'), sesMetric('Complaint')],
        width: 12,
      }),
    );
  }
}
