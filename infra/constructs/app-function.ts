// One Lambda function of the app: bundled from functions/<name>/handler.ts by esbuild (never Docker), Node.js 24
// on arm64, ESM, minified with source maps, its own role (no managed policies: the role can write its own log
// group and nothing else until a construct grants it more), its own log group with a retention.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lambdaBundling } from '../bundling.ts';
import { functionEnvironment } from '../../core/config/runtime.ts';
import { acknowledge } from '../nag.ts';

/** The repository root: the functions, the lock file and node_modules live here. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The name the functions read the directory under (DIRECTORY_FILE), beside the bundle in LAMBDA_TASK_ROOT. */
export const BUNDLED_DIRECTORY_FILE = 'directory.json';

export { ESM_REQUIRE_BANNER } from '../bundling.ts';

export type AppFunctionName = 'web' | 'submit' | 'status' | 'cases' | 'directory' | 'notify' | 'reminders' | 'stats' | 'stats-counter' | 'consult' | 'consultations' | 'session';

export interface AppFunctionProps {
  /** The folder under functions/ whose handler.ts exports `handler`. */
  readonly name: AppFunctionName;
  readonly description: string;
  /** The directory file to copy into the bundle as directory.json. */
  readonly directoryPath: string;
  readonly environment?: Record<string, string>;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default 10 seconds (API Gateway waits at most 30) */
  readonly timeout?: Duration;
  /** Caps concurrent executions, so a runaway cannot cost without bound. @default none */
  readonly reservedConcurrentExecutions?: number;
  /** @default 90 days */
  readonly logRetention?: logs.RetentionDays;
  /** For asynchronously invoked functions: where failed events (with the error) go after the retries. */
  readonly onFailureQueue?: sqs.IQueue;
  /** Asynchronous invocations: retries after a failure. @default 2 (Lambda's default) */
  readonly retryAttempts?: number;
  /** Where the functions folder is. @default the repository's functions/ */
  readonly functionsDir?: string;
  /** More shell commands after esbuild, given the bundle's output folder (e.g. building static files into it). */
  readonly afterBundling?: (outputDir: string) => string[];
  /** Other grants on this role that need Resource "*" besides X-Ray, and why (for the cdk-nag acknowledgement). */
  readonly otherWildcardResources?: string;
}

export class AppFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  readonly name: AppFunctionName;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    this.name = props.name;
    const entry = join(props.functionsDir ?? join(REPO_ROOT, 'functions'), props.name, 'handler.ts');
    if (!existsSync(entry)) {
      throw new Error(`The ${props.name} function has no entry point: ${entry} does not exist.`);
    }

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
      // Logs carry ids, never personal data; they go with the stack.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `The ${props.name} function: least privilege, granted per action by its construct`,
    });
    // Instead of the AWSLambdaBasicExecutionRole managed policy (any log group): only its own.
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    const directoryPath = props.directoryPath;
    this.function = new NodejsFunction(this, 'Function', {
      entry,
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      // X-Ray: where a slow request spends its time. Traces carry ids and timings, not item contents.
      tracing: lambda.Tracing.ACTIVE,
      onFailure: props.onFailureQueue ? new destinations.SqsDestination(props.onFailureQueue) : undefined,
      retryAttempts: props.retryAttempts,
      environment: {
        ...functionEnvironment({ DIRECTORY_FILE: BUNDLED_DIRECTORY_FILE }),
        // Stack traces in the logs point into the TypeScript sources, not the minified bundle.
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      projectRoot: REPO_ROOT,
      bundling: {
        forceDockerBundling: false,
        // The shared settings (infra/bundling.ts): the benchmarks build the same bundles.
        format: OutputFormat.ESM,
        target: lambdaBundling.target,
        minify: lambdaBundling.minify,
        sourceMap: lambdaBundling.sourceMap,
        sourcesContent: lambdaBundling.sourcesContent,
        mainFields: [...lambdaBundling.mainFields],
        logLevel: LogLevel.WARNING,
        banner: lambdaBundling.banner,
        // NodejsFunction has no alias option: esbuild's own flag, one --alias:<module>=<file> per entry.
        esbuildArgs: { '--alias': Object.entries(lambdaBundling.alias).map(([module, file]) => `${module}=${file}`) },
        // The SDK goes into the bundle: the version that was tested is the version that runs.
        bundleAwsSDK: true,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) => [
            `cp ${JSON.stringify(directoryPath)} ${JSON.stringify(join(outputDir, BUNDLED_DIRECTORY_FILE))}`,
            ...(props.afterBundling?.(outputDir) ?? []),
          ],
        },
      },
    });

    acknowledge(this.role, 'AwsSolutions-IAM5[Resource::*]',
      'xray:PutTraceSegments and xray:PutTelemetryRecords (active tracing) support no resource-level permissions.' +
        (props.otherWildcardResources ? ` ${props.otherWildcardResources}` : ''));
  }
}
