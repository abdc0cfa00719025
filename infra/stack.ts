// The one stack. It only wires the constructs together; what each part is and why lives in infra/constructs/.
import { CfnOutput, Duration, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { routeKey, routes } from '../core/http/routes.ts';
import { submitRouteThrottle } from '../core/http/throttling.ts';
import type { LoadedConfig } from './config.ts';
import { Api, ApiRoutes } from './constructs/api.ts';
import { Auth } from './constructs/auth.ts';
import { Edge } from './constructs/edge.ts';
import { DirectorySeed } from './constructs/directory-seed.ts';
import { Figures } from './constructs/figures.ts';
import { OperatorAlerts, Monitoring } from './constructs/monitoring.ts';
import { Email, Notifications } from './constructs/notifications.ts';
import { Reminders } from './constructs/reminders.ts';
import { Storage } from './constructs/storage.ts';
import { Web } from './constructs/web.ts';
import { ChildMatchKey } from './constructs/child-match-key.ts';
import { functionEnvironment } from '../core/config/runtime.ts';

export interface ConcernIntakeStackProps extends StackProps {
  readonly config: LoadedConfig;
  /** With config.edge.enabled: the web ACL (in us-east-1) that the CloudFront distribution carries. */
  readonly edgeWebAclArn?: string;
}

export class ConcernIntakeStack extends Stack {
  readonly storage: Storage;
  readonly api: Api;
  readonly auth: Auth;
  readonly web: Web;
  readonly email: Email;
  readonly notifications: Notifications;
  readonly reminders: Reminders;
  readonly alerts: OperatorAlerts;
  readonly monitoring: Monitoring;
  readonly edge?: Edge;
  /** Where people open the system: the edge's address when there is one, else the API's. */
  readonly publicUrl: string;
  readonly directorySeed: DirectorySeed;
  readonly figures: Figures;
  readonly childMatchKey: ChildMatchKey;

  constructor(scope: Construct, id: string, props: ConcernIntakeStackProps) {
    super(scope, id, {
      description: `Concern reports (orosanmälan) from school staff to social services: ${props.config.directory.municipality.name}`,
      ...props,
    });
    const { config } = props;
    Tags.of(this).add('app', 'concern-intake');
    const logRetention = config.logRetentionDays as logs.RetentionDays;
    const directoryPath = config.directoryPath;

    this.storage = new Storage(this, 'Storage');
    // Version 1 of the directory in the table; administrators keep it from then on (a redeploy never overwrites it).
    this.directorySeed = new DirectorySeed(this, 'DirectorySeed', { storage: this.storage, directory: config.directory, logRetention });
    this.alerts = new OperatorAlerts(this, 'Operators', { email: config.alarmEmail });
    this.api = new Api(this, 'Api', {
      domain: config.publicDomain,
      throttleRate: config.api.throttleRate,
      throttleBurst: config.api.throttleBurst,
      logRetention,
    });
    if (props.edgeWebAclArn) {
      const { certificateArn } = config.edge;
      this.edge = new Edge(this, 'Edge', {
        api: this.api.httpApi,
        webAclArn: props.edgeWebAclArn,
        domain: config.publicDomain && certificateArn ? { name: config.publicDomain.name, certificateArn } : undefined,
      });
    }
    this.publicUrl = this.edge?.publicUrl ?? this.api.publicUrl;
    this.auth = new Auth(this, 'Auth', {
      publicUrl: this.publicUrl,
      domainPrefix: config.auth.domainPrefix,
      identityProvider: config.auth.identityProvider,
    });
    this.email = new Email(this, 'Email', { ...config.email, operators: this.alerts.topic });

    // What every function reads (core/config/runtime.ts, core/config/secrets.ts). LOCAL_MODE is never set here.
    const environment = functionEnvironment({
      TABLE_NAME: this.storage.table.tableName,
      RETENTION_DAYS: String(config.retentionDays),
      PUBLIC_URL: this.publicUrl,
      SENDER_ADDRESS: config.email.sender,
      SES_CONFIGURATION_SET: this.email.configurationSet.configurationSetName,
      // Every function gets the ARN, also those not granted the secret: one that needs it without the grant then
      // fails loudly (AccessDenied) instead of signing links with the local development default.
      STATUS_LINK_SECRET_ARN: this.storage.statusLinkSecret.secretArn,
      LIST_CURSOR_SECRET_ARN: this.storage.listCursorSecret.secretArn,
    });
    const concurrency = config.reservedConcurrency;
    const submitRoute = routes.find((route) => route.function === 'submit' && route.method === 'POST');
    if (!submitRoute) throw new Error('The route table has no POST route for the submit function');

    this.web = new Web(this, 'Web', {
      storage: this.storage,
      directoryPath,
      environment,
      auth: { signInUrl: this.auth.signInUrl, clientId: this.auth.client.userPoolClientId, issuer: this.auth.issuer },
      submitConcurrency: concurrency ? 20 : undefined,
      logRetention,
    });
    this.figures = new Figures(this, 'Figures', { storage: this.storage, directoryPath, environment, logRetention });
    new ApiRoutes(this, 'Routes', {
      api: this.api.httpApi,
      handlers: {
        web: this.web.functions.web.function,
        submit: this.web.functions.submit.function,
        status: this.web.functions.status.function,
        cases: this.web.functions.cases.function,
        directory: this.web.functions.directory.function,
        consult: this.web.functions.consult.function,
        consultations: this.web.functions.consultations.function,
        stats: this.figures.stats.function,
      },
      staffAuthorizer: this.auth.authorizer,
      // All clients together on the public submit route (core/http/throttling.ts, shared with local mode).
      routeThrottles: { stage: this.api.stage, byRouteKey: { [routeKey(submitRoute)]: submitRouteThrottle } },
    });

    // The earlier-reports HMAC key: its id in notify's environment only, GenerateMac for notify's role only.
    this.childMatchKey = new ChildMatchKey(this, 'ChildMatchKey');
    this.notifications = new Notifications(this, 'Notifications', {
      storage: this.storage,
      email: this.email,
      directoryPath,
      environment: { ...environment, ...functionEnvironment({ CHILD_MATCH_KEY_ID: this.childMatchKey.key.keyArn }) },
      concurrency: concurrency ? 5 : undefined,
      logRetention,
    });
    this.childMatchKey.grantGenerateMacOnlyTo(this.notifications.notify.role);
    this.reminders = new Reminders(this, 'Reminders', {
      storage: this.storage,
      directoryPath,
      environment,
      rate: Duration.minutes(config.reminderRateMinutes),
      reserveConcurrency: concurrency,
      logRetention,
    });

    this.monitoring = new Monitoring(this, 'Monitoring', {
      topic: this.alerts.topic,
      functions: [...Object.values(this.web.functions), this.notifications.notify, this.reminders.reminders, this.figures.counter, this.figures.stats],
      api: this.api.httpApi,
      failureQueues: [
        { name: 'NotifyFailures', queue: this.notifications.failures },
        { name: 'ReminderFailures', queue: this.reminders.failures },
        { name: 'FiguresCounterFailures', queue: this.figures.failures },
      ],
      reminders: this.reminders.reminders.function,
      reminderRate: this.reminders.rate,
      notify: this.notifications.notify.function,
      sesConfigurationSetName: this.email.configurationSet.configurationSetName,
      honeypotLogGroups: [this.web.functions.submit.logGroup, this.web.functions.consult.logGroup],
      dashboardName: this.stackName,
    });

    new CfnOutput(this, 'PublicUrl', { value: this.publicUrl, description: 'The form: school staff start here' });
    new CfnOutput(this, 'PortalUrl', { value: `${this.publicUrl}/cases`, description: 'The staff portal' });
    new CfnOutput(this, 'SignInUrl', { value: this.auth.signInUrl, description: 'The hosted sign-in page' });
    new CfnOutput(this, 'StatusLinkSecretArn', { value: this.storage.statusLinkSecret.secretArn, description: 'The status-link keyring: README, "Rotating the status-link key"' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId, description: 'Create staff users here' });
    new CfnOutput(this, 'TableName', { value: this.storage.table.tableName });
    new CfnOutput(this, 'ChildMatchKeyArn', { value: this.childMatchKey.key.keyArn, description: 'The earlier-reports HMAC key: README, "The earlier-reports key"' });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alerts.topic.topicArn });
    if (this.edge && config.publicDomain) {
      new CfnOutput(this, 'DomainTarget', {
        value: this.edge.distribution.distributionDomainName,
        description: `Point ${config.publicDomain.name} here (a CNAME, or a Route 53 alias to the CloudFront distribution)`,
      });
    } else if (this.api.domainName) {
      new CfnOutput(this, 'DomainTarget', {
        value: this.api.domainName.regionalDomainName,
        description: `Point ${config.publicDomain!.name} here (a CNAME, or a Route 53 alias)`,
      });
    }
    this.email.identity?.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: 'Publish in DNS so SES can verify the sender domain and sign its mail (DKIM)',
      });
    });
  }
}
