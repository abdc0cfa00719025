// The CDK app: `npx cdk synth` / `npx cdk deploy -c config=config/my-municipality.json`.
// The config file (default config/example.json) and the directory it names are validated before anything is built;
// cdk-nag's AWS Solutions and Serverless packs then check the result, and any finding not acknowledged fails synth.
import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { loadConfig } from './config.ts';
import { EdgeWebAclStack } from './constructs/edge.ts';
import { ConcernIntakeStack } from './stack.ts';

export const DEFAULT_CONFIG = 'config/example.json';

export interface CreateAppOptions extends AppProps {
  /** The deployment config file. @default the `config` context value, else config/example.json */
  configFile?: string;
  /** Where relative config paths are resolved. @default the working directory */
  cwd?: string;
}

export function createApp(options: CreateAppOptions = {}) {
  const { configFile, cwd, ...appProps } = options;
  const app = new App(appProps);
  const file = configFile ?? (app.node.tryGetContext('config') as string | undefined) ?? DEFAULT_CONFIG;
  const config = loadConfig(file, cwd);
  // No account or region: the same template for every environment, and synth needs no credentials or lookups.
  // With the edge, the web ACL's stack is in us-east-1 and the main stack names its region (cross-region reference;
  // CDK orders the two stacks itself).
  const edgeAcl = config.edge.enabled ? new EdgeWebAclStack(app, `${config.stackName}-EdgeAcl`, { crossRegionReferences: true }) : undefined;
  const stack = new ConcernIntakeStack(app, config.stackName, {
    config,
    ...(edgeAcl ? { env: { region: config.edge.region }, crossRegionReferences: true, edgeWebAclArn: edgeAcl.webAcl.attrArn } : {}),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }), new ServerlessChecks(app, { verbose: true }));
  return { app, stack, edgeAcl, config };
}

if (import.meta.main) {
  let built: ReturnType<typeof createApp>;
  try {
    built = createApp();
  } catch (error) {
    // A bad config or directory: the message names the key; a stack trace would only hide it.
    console.error(`\n${(error as Error).message}\n`);
    process.exit(1);
  }
  built.app.synth();
}
