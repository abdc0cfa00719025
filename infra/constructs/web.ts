// The functions behind the HTTP API, one per role, each granted exactly what it does:
//   web     the form pages, assets and form definition: reads the directory from the table, nothing else
//   submit  writes a new report and its first audit event in one conditional transaction: it cannot read reports
//   status  reads one report's status for a reporter's signed link
//   cases   the staff portal: the team's reports (byTeam index), one report, acknowledge and feedback
//   directory  the administrators' directory API: the only function that writes the directory's items
//   consult the public consultation form and question: reads the directory, writes consultation items only
//   consultations  the team's open consultations and answer, the asker's signed link: consultation items only
// web and submit read the directory from the table, and only it (an IAM condition on the leading key).
import { Duration } from 'aws-cdk-lib';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionName } from '../../core/http/routes.ts';
import { acknowledge } from '../nag.ts';
import { join } from 'node:path';
import { AppFunction, REPO_ROOT } from './app-function.ts';
import type { Storage } from './storage.ts';

export interface WebProps {
  readonly storage: Storage;
  readonly directoryPath: string;
  /** Settings every function reads (see core/config/runtime.ts). */
  readonly environment: Record<string, string>;
  /** Sign-in settings for the portal pages. */
  readonly auth: { signInUrl: string; clientId: string; issuer: string };
  /** Cap on concurrent submissions (a flood of posts cannot cost without bound). Undefined: no reservation. */
  readonly submitConcurrency?: number;
  readonly logRetention?: logs.RetentionDays;
}

export class Web extends Construct {
  /** The figures' stats function is the Figures construct's (infra/constructs/figures.ts), session the Session construct's. */
  readonly functions: Record<Exclude<FunctionName, 'stats' | 'session'>, AppFunction>;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const { storage } = props;
    const common = { directoryPath: props.directoryPath, environment: props.environment, logRetention: props.logRetention };

    const web = new AppFunction(this, 'Web', {
      ...common,
      name: 'web',
      description: 'Concern form pages (sv, en), assets and the form definition',
      memorySize: 256,
      // The browser scripts (web/client/*.ts) are built into <bundle>/assets/, where the function reads them in
      // Lambda (web/assets/client-bundles.ts); the bundle itself must not carry esbuild.
      afterBundling: (outputDir) => [
        [process.execPath, join(REPO_ROOT, 'web/client/build.ts'), join(outputDir, 'assets')].map((part) => JSON.stringify(part)).join(' '),
      ],
    });

    const submit = new AppFunction(this, 'Submit', {
      ...common,
      name: 'submit',
      description: 'Receives concern reports: validate, route, write (write-only)',
      reservedConcurrentExecutions: props.submitConcurrency,
    });
    // TransactWriteItems of two conditional Puts: dynamodb:PutItem (+ ConditionCheckItem for condition-only items).
    // No read action: an existing report comes back from the failed condition (ReturnValuesOnConditionCheckFailure).
    storage.grantTable(submit.role, { items: ['PutItem', 'ConditionCheckItem'], writesReturnNothing: true });
    storage.grantDirectoryRead(submit.role);
    storage.grantDirectoryRead(web.role);

    const status = new AppFunction(this, 'Status', {
      ...common,
      name: 'status',
      description: "A reporter's view of their report's status, by signed link",
      memorySize: 256,
    });
    storage.grantTable(status.role, { items: ['GetItem'] });
    storage.grantStatusLinkSecret(status.role);

    const cases = new AppFunction(this, 'Cases', {
      ...common,
      name: 'cases',
      description: 'Staff portal: the team reports, acknowledge, feedback',
      environment: {
        ...props.environment,
        AUTH_SIGN_IN_URL: props.auth.signInUrl,
        AUTH_CLIENT_ID: props.auth.clientId,
        AUTH_ISSUER: props.auth.issuer,
      },
      timeout: Duration.seconds(15),
    });
    // Query on the table: a report's audit trail shares its partition key.
    storage.grantTable(cases.role, { items: ['GetItem', 'PutItem', 'UpdateItem'], query: ['table', 'byTeam'] });
    storage.grantListCursorSecret(cases.role);
    // No status link secret: the portal shows no reporter links (functions/cases does not read it). Should it ever,
    // the call fails with AccessDenied (the ARN is in its environment) rather than signing with a default.

    const directory = new AppFunction(this, 'Directory', {
      ...common,
      name: 'directory',
      description: 'The directory API for administrators: read, save a new version, history',
      memorySize: 256,
    });
    storage.grantDirectoryAdministration(directory.role);

    const consult = new AppFunction(this, 'Consult', {
      ...common,
      name: 'consult',
      description: 'Consultation form and questions from school staff (write-only)',
      memorySize: 256,
    });
    storage.grantConsultationWrite(consult.role);
    storage.grantDirectoryRead(consult.role);

    const consultations = new AppFunction(this, 'Consultations', {
      ...common,
      name: 'consultations',
      description: "Consultations: the team's open questions and answers, the asker's signed link",
      memorySize: 256,
    });
    storage.grantConsultationTeamAccess(consultations.role);
    storage.grantDirectoryRead(consultations.role);
    storage.grantStatusLinkSecret(consultations.role);

    this.functions = { web, submit, status, cases, directory, consult, consultations };
    for (const fn of Object.values(this.functions)) {
      acknowledge(fn, 'Serverless-LambdaDLQ',
        `The ${fn.name} function is only invoked synchronously by API Gateway: a failed request is answered with ` +
          'an error to the caller, there is no event to park in a dead-letter queue.');
    }
  }
}
