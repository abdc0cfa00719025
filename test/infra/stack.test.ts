// The stack synthesized once from config/example.json, with real esbuild bundles and cdk-nag, then asserted on.
import { notifyStreamSettings } from '../../functions/notify/stream-settings.ts';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultRoute, routeKey, routes } from '../../core/http/routes.ts';
import { submitRouteThrottle } from '../../core/http/throttling.ts';
import { DIRECTORY_PARTITION, directoryCurrentKey, directoryVersionKey, FIGURES_PREFIX, keyAttributes, reportTable } from '../../core/storage/table.ts';
import { statsCounterStreamSettings } from '../../functions/stats-counter/stream-settings.ts';
import { decompressDirectory } from '../../core/adapters/dynamodb/directory-versions.ts';
import { parseDirectory } from '../../core/directory/directory.ts';
import { createTable } from '../../local/dynamodb.ts';
import { ESM_REQUIRE_BANNER } from '../../infra/constructs/app-function.ts';
import { acknowledgements } from '../../infra/nag.ts';
import { HONEYPOT_ALARM_PER_HOUR } from '../../infra/constructs/monitoring.ts';
import { HONEYPOT_TRIGGERED } from '../../core/observability/log-events.ts';
import type { ConcernIntakeStack } from '../../infra/stack.ts';
import { actionsOf, exampleConfig, logicalId, sampleDirectory, statementsOfRole, synthesize, type Statement, type Synthesized } from './synth.ts';

let synthesized: Synthesized;
let template: Template;
let stack: ConcernIntakeStack;

beforeAll(() => {
  // cdk-nag runs inside this synth: a finding that is not acknowledged throws here and fails every test below.
  synthesized = synthesize();
  ({ template, stack } = synthesized);
});

const resourcesOf = (type: string) => Object.entries(template.findResources(type)) as [string, { Properties: any; DeletionPolicy?: string }][];
const ref = (construct: Parameters<typeof logicalId>[0]) => ({ Ref: logicalId(construct) });
const getAtt = (construct: Parameters<typeof logicalId>[0], attribute: string) => ({ 'Fn::GetAtt': [logicalId(construct), attribute] });

function functionsByName() {
  return {
    ...stack.web.functions,
    notify: stack.notifications.notify,
    reminders: stack.reminders.reminders,
    stats: stack.figures.stats,
    'stats-counter': stack.figures.counter,
  };
}

describe('storage', () => {
  it('builds the table from the shared declaration: keys, indexes (all projected), TTL and stream', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: reportTable.partitionKey, KeyType: 'HASH' },
        { AttributeName: reportTable.sortKey, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith(keyAttributes().map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
      GlobalSecondaryIndexes: Object.entries(reportTable.indexes).map(([name, index]) => ({
        IndexName: name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    const [[, table]] = resourcesOf('AWS::DynamoDB::Table') as [[string, any]];
    expect(table.Properties.AttributeDefinitions).toHaveLength(keyAttributes().length);
  });

  it('encrypts with the customer-managed key, which rotates', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: getAtt(stack.storage.key, 'Arn') },
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('has point-in-time recovery and deletion protection, and the table and key outlive the stack', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('keeps the status link secret in Secrets Manager, encrypted with the key', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      KmsKeyId: getAtt(stack.storage.key, 'Arn'),
      GenerateSecretString: Match.objectLike({ PasswordLength: 64 }),
    });
  });
});

describe('functions', () => {
  it('has one Node.js 24 arm64 function per role, with its own log group and retention', () => {
    const functions = functionsByName();
    // ... and CDK's provider function behind the directory seed's custom resources (tested under "the directory").
    template.resourceCountIs('AWS::Lambda::Function', Object.keys(functions).length + 1);
    for (const fn of Object.values(functions)) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Handler: 'index.handler',
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Role: getAtt(fn.role, 'Arn'),
        LoggingConfig: { LogFormat: 'JSON', LogGroup: ref(fn.logGroup) },
        TracingConfig: { Mode: 'Active' },
      });
      template.hasResourceProperties('AWS::Logs::LogGroup', Match.objectLike({ RetentionInDays: exampleConfig().logRetentionDays }));
    }
  });

  it('gives every function the runtime settings, and never LOCAL_MODE', () => {
    const config = exampleConfig();
    const appFunctions = new Set(Object.values(functionsByName()).map((fn) => logicalId(fn.function)));
    for (const [logical, fn] of resourcesOf('AWS::Lambda::Function').filter(([logical]) => appFunctions.has(logical))) {
      const variables = fn.Properties.Environment.Variables;
      expect(variables, logical).toMatchObject({
        TABLE_NAME: ref(stack.storage.table),
        DIRECTORY_FILE: 'directory.json',
        RETENTION_DAYS: String(config.retentionDays),
        PUBLIC_URL: `https://${config.publicDomain.name}`,
        SENDER_ADDRESS: config.email.sender,
        SES_CONFIGURATION_SET: ref(stack.email.configurationSet),
        STATUS_LINK_SECRET_ARN: ref(stack.storage.statusLinkSecret),
        NODE_OPTIONS: '--enable-source-maps',
      });
      expect(variables, logical).not.toHaveProperty('LOCAL_MODE');
      expect(variables, logical).not.toHaveProperty('DYNAMODB_ENDPOINT');
      expect(variables, logical).not.toHaveProperty('STATUS_LINK_SECRET');
    }
  });

  it('reserves concurrency where a runaway would cost: submit, notify, and one reminder sweep at a time', () => {
    const functions = functionsByName();
    const reserved = (fn: { function: unknown }) =>
      template.toJSON().Resources[logicalId(fn.function as never)].Properties.ReservedConcurrentExecutions;
    expect(reserved(functions.submit)).toBeGreaterThan(0);
    expect(reserved(functions.notify)).toBeGreaterThan(0);
    expect(reserved(functions.reminders)).toBe(1);
  });

  it('bundles each handler as ESM with the createRequire banner and the directory beside it', async () => {
    const directory = JSON.stringify(sampleDirectory());
    const assets: Record<string, string> = {};
    for (const [name, fn] of Object.entries(functionsByName())) {
      const key: string = template.toJSON().Resources[logicalId(fn.function)].Properties.Code.S3Key;
      const asset = join(synthesized.outdir, `asset.${key.replace(/\.zip$/, '')}`);
      const bundle = readFileSync(join(asset, 'index.mjs'), 'utf8');
      expect(bundle.startsWith(ESM_REQUIRE_BANNER), name).toBe(true);
      expect(existsSync(join(asset, 'index.mjs.map')), name).toBe(true);
      expect(JSON.stringify(JSON.parse(readFileSync(join(asset, 'directory.json'), 'utf8'))), name).toBe(directory);
      assets[name] = asset;
    }
    expect(readdirSync(join(assets.web!, 'assets')).sort()).toEqual(['admin.js', 'form.js', 'portal.js', 'stats.js']);
    // What Lambda does first: import the bundle in plain Node (from its task root). Without the banner an ESM
    // bundle that includes the AWS SDK fails right here ("Dynamic require of ... is not supported").
    const script = `
      const assets = ${JSON.stringify(assets)};
      const result = {};
      for (const [name, dir] of Object.entries(assets)) {
        process.env.LAMBDA_TASK_ROOT = dir;
        try { result[name] = typeof (await import(dir + '/index.mjs')).handler; } catch (error) { result[name] = String(error); }
      }
      // The web function serves the form definition from the bundled directory and the prebuilt browser script.
      process.env.LAMBDA_TASK_ROOT = assets.web;
      const { handler } = await import(assets.web + '/index.mjs');
      const get = (rawPath) => handler({ rawPath, headers: {}, requestContext: { http: { method: 'GET', path: rawPath } } }, {});
      const definition = await get('/api/forms/concern-report');
      result.schools = JSON.parse(definition.body).schools.length;
      const script = await get('/assets/form.js');
      result.formScript = [script.statusCode, script.headers['content-type'], script.body.length > 1000];
      console.log(JSON.stringify(result));`;
    // The functions read the directory from the table (DynamoDB Local here): one with no version stored yet serves
    // the bundled file, as a new stack does until its seed has run.
    const tableName = `bundles-${Date.now()}`;
    await createTable(inject('dynamoEndpoint'), tableName);
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      // The settings the stack gives every function (without them the functions refuse to start: no local defaults in AWS).
      env: {
        ...process.env, AWS_REGION: 'eu-north-1', LOG_LEVEL: 'ERROR', TABLE_NAME: tableName, DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
        PUBLIC_URL: 'https://orosanmalan.example.se', SENDER_ADDRESS: 'no-reply@example.se',
      },
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      ...Object.fromEntries(Object.keys(assets).map((name) => [name, 'function'])),
      schools: sampleDirectory().schools.length,
      formScript: [200, 'text/javascript; charset=utf-8', true],
    });
  });
});

describe('least privilege', () => {
  // What a role is allowed (its explicit denies are asserted under "the directory").
  const tableActions = (statements: Statement[]) =>
    statements.filter((s) => s.Effect === 'Allow').flatMap(actionsOf).filter((a) => a.startsWith('dynamodb:'));
  const directoryOnly = { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [DIRECTORY_PARTITION] } };
  const READS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:BatchGetItem', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:PartiQLSelect'];

  // Issue 15: submit now reads the directory from the table (DESIGN.md "Routing and the directory"), and only it.
  it('lets submit write reports and read nothing but the directory: no other read action, no wildcard', () => {
    const statements = statementsOfRole(template, stack.web.functions.submit.role);
    const actions = statements.flatMap(actionsOf);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:ConditionCheckItem']));
    const reads = statements.filter((s) => s.Effect === 'Allow' && actionsOf(s).some((a) => READS.includes(a)));
    expect(reads.map(actionsOf)).toEqual([['dynamodb:GetItem']]);
    expect(reads[0]!.Condition).toEqual(directoryOnly);
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    expect(tableActions(statements).sort()).toEqual(['dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:PutItem']);
    expect(actions).not.toContain('secretsmanager:GetSecretValue');
    expect(actions.filter((a) => a.startsWith('ses:') || a.startsWith('sqs:'))).toEqual([]);
    // A write may not hand back the item it replaced (ReturnValues ALL_OLD): the documented dynamodb:ReturnValues
    // key. (ReturnValuesOnConditionCheckFailure has no IAM condition key: README, "Security notes".)
    const items = statements.find((s) => s.Sid === 'ReportItems')!;
    expect(items.Condition).toEqual({ StringEqualsIfExists: { 'dynamodb:ReturnValues': 'NONE' } });
  });

  // Issue 16: the public consultation route writes consultations only; the team's function reads and answers them only.
  const consultationsOnly = { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['CONSULTATION#*'] } };
  const allowed = (statements: Statement[]) => statements.filter((s) => s.Effect === 'Allow' && actionsOf(s).some((a) => a.startsWith('dynamodb:')));

  it('lets consult put consultation items (asking nothing back) and read the directory, nothing else', () => {
    const statements = statementsOfRole(template, stack.web.functions.consult.role);
    expect(tableActions(statements).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem']);
    const put = allowed(statements).find((s) => actionsOf(s).includes('dynamodb:PutItem'))!;
    expect(actionsOf(put)).toEqual(['dynamodb:PutItem']);
    expect(put.Condition).toEqual({ ...consultationsOnly, StringEqualsIfExists: { 'dynamodb:ReturnValues': 'NONE' } });
    const get = allowed(statements).find((s) => actionsOf(s).includes('dynamodb:GetItem'))!;
    expect(get.Condition).toEqual(directoryOnly);
    expect(statements.flatMap(actionsOf)).not.toContain('secretsmanager:GetSecretValue');
    expect(statements.flatMap(actionsOf).filter((a) => a.startsWith('ses:'))).toEqual([]);
  });

  it('lets consultations get, update and list (byTeam) consultation items only, read the directory and the link secret', () => {
    const statements = statementsOfRole(template, stack.web.functions.consultations.role);
    expect(tableActions(statements).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    const items = allowed(statements).find((s) => actionsOf(s).includes('dynamodb:UpdateItem'))!;
    expect(actionsOf(items).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:UpdateItem']);
    expect(items.Condition).toEqual(consultationsOnly);
    const query = allowed(statements).find((s) => actionsOf(s).includes('dynamodb:Query'))!;
    expect(JSON.stringify(query.Resource)).toContain('/index/byTeam');
    expect(query.Condition).toEqual(consultationsOnly);
    const directory = allowed(statements).find((s) => JSON.stringify(s.Condition) === JSON.stringify(directoryOnly))!;
    expect(actionsOf(directory)).toEqual(['dynamodb:GetItem']);
    expect(statements.flatMap(actionsOf)).toContain('secretsmanager:GetSecretValue');
    expect(statements.flatMap(actionsOf).filter((a) => a.startsWith('ses:'))).toEqual([]);
  });

  it('lets status read one report by key and the status link secret, nothing more', () => {
    const statements = statementsOfRole(template, stack.web.functions.status.role);
    expect(tableActions(statements)).toEqual(['dynamodb:GetItem']);
    expect(statements.flatMap(actionsOf)).toContain('secretsmanager:GetSecretValue');
  });

  it('lets web read the directory and no other data', () => {
    const statements = statementsOfRole(template, stack.web.functions.web.role).filter((s) => !actionsOf(s).every((a) => a.startsWith('logs:') || a.startsWith('xray:')));
    expect(statements.map((s) => [s.Effect, actionsOf(s)])).toEqual([
      ['Allow', ['dynamodb:GetItem']],
      ['Allow', ['kms:Decrypt']],
    ]);
    expect(statements[0]!.Condition).toEqual(directoryOnly);
  });

  it('lets cases read and change reports, query the table and the byTeam index only', () => {
    const statements = statementsOfRole(template, stack.web.functions.cases.role);
    expect(tableActions(statements).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    const query = statements.find((s) => actionsOf(s).includes('dynamodb:Query'))!;
    expect(JSON.stringify(query.Resource)).toContain('/index/byTeam');
    expect(JSON.stringify(query.Resource)).not.toContain('/index/due');
    expect(statements.flatMap(actionsOf).filter((a) => a.startsWith('ses:'))).toEqual([]);
  });

  it('lets only cases read the list cursor secret (issue 12), and cases no other secret', () => {
    const secretRef = JSON.stringify({ Ref: logicalId(stack.storage.listCursorSecret) });
    for (const [name, fn] of Object.entries(functionsByName())) {
      const reads = statementsOfRole(template, fn.role).some((s) => actionsOf(s).includes('secretsmanager:GetSecretValue') && JSON.stringify(s.Resource) === secretRef);
      expect(reads, name).toBe(name === 'cases');
    }
    const cases = statementsOfRole(template, stack.web.functions.cases.role).filter((s) => actionsOf(s).includes('secretsmanager:GetSecretValue'));
    expect(cases.map((s) => JSON.stringify(s.Resource))).toEqual([secretRef]);
  });

  it('lets reminders query only the due index, and get, put and update reports', () => {
    const statements = statementsOfRole(template, stack.reminders.reminders.role);
    expect(tableActions(statements).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    const query = statements.find((s) => actionsOf(s).includes('dynamodb:Query'))!;
    expect(query.Resource).toEqual({ 'Fn::Join': ['', [getAtt(stack.storage.table, 'Arn'), '/index/due']] });
    // It records what is due; notify sends the email.
    expect(statements.flatMap(actionsOf).filter((a) => a.startsWith('ses:') || a.startsWith('secretsmanager:'))).toEqual([]);
  });

  it('lets notify read the stream, get and update reports, and send email only as the sender through the identity', () => {
    const statements = statementsOfRole(template, stack.notifications.notify.role);
    // Issue 12: notify also writes the earlier-reports index (PutItem), only on child-key partitions.
    expect(tableActions(statements).sort()).toEqual([
      'dynamodb:DescribeStream', 'dynamodb:GetItem', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams', 'dynamodb:PutItem', 'dynamodb:UpdateItem',
    ]);
    const put = statements.find((s) => s.Sid === 'ChildIndexWrites')!;
    expect(actionsOf(put)).toEqual(['dynamodb:PutItem']);
    expect(put.Condition).toMatchObject({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['CHILD#*'] } });
    const send = statements.find((s) => actionsOf(s).includes('ses:SendEmail'))!;
    expect(actionsOf(send).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    const resources = JSON.stringify(send.Resource);
    expect(resources).toContain(`:identity/${exampleConfig().email.identity}`);
    expect(resources).toContain(':configuration-set/');
    expect(resources).not.toContain('"*"');
    expect(send.Condition).toEqual({ StringEquals: { 'ses:FromAddress': exampleConfig().email.sender } });
  });

  it('grants no role a wildcard action or a managed policy, and Resource "*" only for X-Ray and ListStreams', () => {
    for (const fn of Object.values(functionsByName())) {
      for (const statement of statementsOfRole(template, fn.role)) {
        expect(actionsOf(statement).filter((a) => a.includes('*')), fn.name).toEqual([]);
        if (statement.Resource === '*') {
          expect(actionsOf(statement).every((a) => a.startsWith('xray:') || a === 'dynamodb:ListStreams'), fn.name).toBe(true);
        }
      }
    }
  });

  it('uses the key for the table through DynamoDB only, and writes need Encrypt and GenerateDataKey', () => {
    const key = statementsOfRole(template, stack.web.functions.submit.role).find((s) => s.Sid === 'ReportTableKey')!;
    expect(actionsOf(key).sort()).toEqual(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']);
    expect(key.Resource).toEqual(getAtt(stack.storage.key, 'Arn'));
    expect(JSON.stringify(key.Condition)).toContain('kms:ViaService');
  });
});

describe('the directory', () => {
  const WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
  const directoryOnly = { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [DIRECTORY_PARTITION] } };
  const seeds = () => resourcesOf('Custom::DirectorySeed').map(([, r]) => ({ ...r, create: JSON.parse(r.Properties.Create['Fn::Join'] ? joined(r.Properties.Create) : r.Properties.Create) }));
  // The Create property is a JSON string with the table name's reference spliced in: put a placeholder in its place.
  const joined = (value: { 'Fn::Join': [string, unknown[]] }) => value['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : 'TABLE')).join(value['Fn::Join'][0]);

  it('seeds version 1 and the pointer from the directory file, each only if absent, so a later deploy never overwrites', () => {
    const all = seeds();
    expect(all).toHaveLength(2);
    const keys = all.map((seed) => seed.create.parameters.Item.sk.S).sort();
    expect(keys).toEqual([directoryCurrentKey().sk, directoryVersionKey(1).sk]);
    for (const seed of all) {
      expect(seed.create).toMatchObject({ service: 'DynamoDB', action: 'putItem', ignoreErrorCodesMatching: 'ConditionalCheckFailedException' });
      expect(seed.create.parameters.ConditionExpression).toBe('attribute_not_exists(pk)');
      expect(seed.create.parameters.Item.pk.S).toBe(DIRECTORY_PARTITION);
      expect(seed.create.parameters.Item.version.N).toBe('1');
      expect(seed.create.parameters.Item.savedBy.S).toBe('deployment');
      // The same compressed item the app reads: the sample directory, validated.
      expect(decompressDirectory(seed.create.parameters.Item.data.S)).toEqual(parseDirectory(sampleDirectory()));
      // Only on create: an update or a delete of the stack leaves the administrators' directory alone.
      expect(seed.Properties.Update).toBeUndefined();
      expect(seed.Properties.Delete).toBeUndefined();
      // The directory names staff: not in the provider's logs.
      expect(seed.create.logApiResponseData).toBe(false);
    }
    const pointer = resourcesOf('Custom::DirectorySeed').find(([, r]) => JSON.stringify(r.Properties.Create).includes('CURRENT'))!;
    expect(JSON.stringify((pointer[1] as { DependsOn?: string[] }).DependsOn)).toContain(logicalId(stack.directorySeed.versionItem.node.findChild('Resource')));
  });

  it('lets the seed put directory items and nothing else', () => {
    const statements = statementsOfRole(template, stack.directorySeed.role).filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    expect(statements.map(actionsOf)).toEqual([['dynamodb:PutItem']]);
    expect(statements[0]!.Condition).toEqual(directoryOnly);
  });

  it('lets only the directory function (and the seed) write the directory: every other writer is denied its partition', () => {
    for (const fn of Object.values(functionsByName())) {
      const statements = statementsOfRole(template, fn.role);
      const writes = statements.filter((s) => s.Effect === 'Allow' && actionsOf(s).some((a) => WRITES.includes(a)));
      if (fn.name === 'directory') {
        expect(writes.map((s) => s.Condition), fn.name).toEqual([directoryOnly]);
        continue;
      }
      if (writes.length === 0) continue;
      const deny = statements.find((s) => s.Effect === 'Deny');
      expect(deny, fn.name).toBeDefined();
      expect(actionsOf(deny!).sort(), fn.name).toEqual([...WRITES].sort());
      expect(deny!.Resource, fn.name).toEqual(getAtt(stack.storage.table, 'Arn'));
      expect(deny!.Condition, fn.name).toEqual({ 'ForAnyValue:StringEquals': { 'dynamodb:LeadingKeys': [DIRECTORY_PARTITION] } });
    }
  });

  it('lets the directory function read only the directory, and only count a team\'s open reports', () => {
    const statements = statementsOfRole(template, stack.web.functions.directory.role).filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    const onTable = statements.find((s) => s.Resource && JSON.stringify(s.Resource) === JSON.stringify(getAtt(stack.storage.table, 'Arn')))!;
    expect(actionsOf(onTable).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
    expect(onTable.Condition).toEqual(directoryOnly);
    const count = statements.find((s) => JSON.stringify(s.Resource).includes('/index/byTeam'))!;
    expect(actionsOf(count)).toEqual(['dynamodb:Query']);
    expect(count.Condition).toEqual({ StringEquals: { 'dynamodb:Select': 'COUNT' } });
    expect(statements).toHaveLength(2);
  });

  it('serves the directory routes from the directory function, behind the staff authorizer', () => {
    const directoryRoutes = routes.filter((r) => r.function === 'directory' && r.path.startsWith('/api/')).map(routeKey).sort();
    expect(directoryRoutes).toEqual(['GET /api/directory', 'GET /api/directory/history', 'PUT /api/directory']);
    for (const route of routes.filter((r) => r.function === 'directory')) expect(route.auth).toBe(route.path === '/admin' ? 'public' : 'staff');
  });
});

describe('the API', () => {
  // Issue 13: plus the `$default` catch-all, which sends every unknown path to the web function's 404 page.
  it('has exactly the routes of the shared route table, and the $default catch-all', () => {
    const keys = resourcesOf('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey).sort();
    expect(keys).toEqual([...routes.map(routeKey), defaultRoute.routeKey].sort());
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default', AuthorizationType: 'NONE' });
  });

  it('puts the JWT authorizer on every staff route and on no public one', () => {
    const authorizer = logicalId(stack.api.httpApi.node.findChild('StaffJwt') as never);
    for (const route of routes) {
      const expected =
        route.auth === 'staff'
          ? { RouteKey: routeKey(route), AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizer } }
          : { RouteKey: routeKey(route), AuthorizationType: 'NONE', AuthorizerId: Match.absent() };
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', expected);
    }
  });

  it('sends each route to its function', () => {
    for (const route of routes) {
      const fn = functionsByName()[route.function];
      const [integrationId] = Object.keys(
        template.findResources('AWS::ApiGatewayV2::Integration', {
          Properties: { IntegrationUri: getAtt(fn.function, 'Arn'), PayloadFormatVersion: '2.0' },
        }),
      );
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: routeKey(route),
        Target: { 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] },
      });
    }
  });

  it('checks Cognito tokens for the portal client', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [ref(stack.auth.client)],
        Issuer: getAtt(stack.auth.userPool, 'ProviderURL'),
      },
    });
  });

  it('throttles the default stage, logs access as JSON, and has no CORS (same origin)', () => {
    const config = exampleConfig();
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: config.api.throttleRate, ThrottlingBurstLimit: config.api.throttleBurst },
      AccessLogSettings: { DestinationArn: getAtt(stack.api.accessLogs, 'Arn'), Format: Match.stringLikeRegexp('"routeKey":"\\$context.routeKey"') },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP', CorsConfiguration: Match.absent() });
  });

  it('throttles the public submit route for all clients together, with the numbers shared with local mode', () => {
    const submit = routes.find((route) => route.function === 'submit')!;
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      RouteSettings: {
        [routeKey(submit)]: { ThrottlingRateLimit: submitRouteThrottle.ratePerSecond, ThrottlingBurstLimit: submitRouteThrottle.burst },
      },
    });
  });

  it('serves the custom domain, and only it', () => {
    const config = exampleConfig();
    template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: config.publicDomain.name,
      DomainNameConfigurations: [Match.objectLike({ CertificateArn: config.publicDomain.certificateArn })],
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
    template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
  });
});

describe('staff sign-in', () => {
  it('requires MFA (TOTP), allows no self sign-up, and uses threat protection', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      // Team access goes by verified email: a changed email counts only once verified.
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { WriteAttributes: [] });
  });

  // Issue 15: the directory alone decides who sees a team's reports, so there are no team groups any more.
  it('has no team groups: Cognito only proves who someone is', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolGroup', 0);
  });

  it('has a hosted sign-in domain and a code-flow client that returns to the portal', () => {
    const config = exampleConfig();
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: config.auth.domainPrefix });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      GenerateSecret: false,
      CallbackURLs: [`https://${config.publicDomain.name}/cases`],
      SupportedIdentityProviders: ['COGNITO'],
    });
  });
});

describe('events', () => {
  it('feeds the stream to notify with bisection, bounded retries, partial batch responses and a failure queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: getAtt(stack.storage.table, 'StreamArn'),
      FunctionName: ref(stack.notifications.notify.function),
      // The same settings as the local poller: from the table's first record, bounded retries, report items only.
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: notifyStreamSettings.batchSize,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: notifyStreamSettings.retryAttempts,
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(notifyStreamSettings.filterPattern) }] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: getAtt(stack.notifications.failures, 'Arn') } },
    });
  });

  it('encrypts the failure queues and refuses plain-text access', () => {
    for (const queue of [stack.notifications.failures, stack.reminders.failures]) {
      template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86_400 });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [ref(queue)],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it('runs the reminder sweep on the configured schedule, with retries and a failure queue', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: `rate(${exampleConfig().reminderRateMinutes} minutes)`,
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: getAtt(stack.reminders.reminders.function, 'Arn'),
          DeadLetterConfig: { Arn: getAtt(stack.reminders.failures, 'Arn') },
          RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
        }),
      ],
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: ref(stack.reminders.reminders.function),
      DestinationConfig: { OnFailure: { Destination: getAtt(stack.reminders.failures, 'Arn') } },
    });
  });

  it('sends SES bounces and complaints to the operators, and counts them per configuration set', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: ref(stack.email.configurationSet),
      EventDestination: Match.objectLike({
        MatchingEventTypes: ['bounce', 'complaint'],
        SnsDestination: { TopicARN: ref(stack.alerts.topic) },
      }),
    });
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: exampleConfig().email.identity,
      ConfigurationSetAttributes: { ConfigurationSetName: ref(stack.email.configurationSet) },
    });
  });
});

describe('monitoring', () => {
  const alarmAction = () => Match.arrayWith([ref(stack.alerts.topic)]);

  it('emails the operators', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: exampleConfig().alarmEmail, TopicArn: ref(stack.alerts.topic) });
  });

  it('alarms when a failure queue is not empty', () => {
    for (const queue of [stack.notifications.failures, stack.reminders.failures]) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: getAtt(queue, 'QueueName') }],
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        AlarmActions: alarmAction(),
      });
    }
  });

  it('alarms on errors and throttles of every function', () => {
    for (const fn of Object.values(functionsByName())) {
      for (const metric of ['Errors', 'Throttles']) {
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/Lambda',
          MetricName: metric,
          Dimensions: [{ Name: 'FunctionName', Value: ref(fn.function) }],
          AlarmActions: alarmAction(),
        });
      }
    }
  });

  it('alarms when the reminder sweep stops running (missing data is breaching)', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Invocations',
      Dimensions: [{ Name: 'FunctionName', Value: ref(stack.reminders.reminders.function) }],
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 1,
      Period: 900,
      TreatMissingData: 'breaching',
      AlarmActions: alarmAction(),
    });
  });

  it('alarms on email bounces and complaints, notify lag and API 5xx; and has a dashboard', () => {
    for (const metric of ['Bounce', 'Complaint']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/SES', MetricName: metric, AlarmActions: alarmAction() });
    }
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/Lambda', MetricName: 'IteratorAge' });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/ApiGateway', MetricName: '5xx' });
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('counts honeypot posts from the report form\'s and the consultation form\'s log line into one metric, and alarms above a threshold per hour', () => {
    const filters = resourcesOf('AWS::Logs::MetricFilter').filter(([, r]) => r.Properties.MetricTransformations[0].MetricName === 'HoneypotTriggered');
    expect(filters.map(([, r]) => r.Properties.LogGroupName)).toEqual([ref(stack.web.functions.submit.logGroup), ref(stack.web.functions.consult.logGroup)]);
    for (const [, filter] of filters) {
      expect(filter.Properties).toMatchObject({
        FilterPattern: `{ $.message = "${HONEYPOT_TRIGGERED}" }`,
        MetricTransformations: [expect.objectContaining({ MetricName: 'HoneypotTriggered', MetricValue: '1', MetricNamespace: filters[0]![1].Properties.MetricTransformations[0].MetricNamespace })],
      });
    }
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'HoneypotTriggered',
      Statistic: 'Sum',
      Period: 3600,
      Threshold: HONEYPOT_ALARM_PER_HOUR,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: alarmAction(),
    });
  });
});

describe('cdk-nag', () => {
  it('reports no finding that is not acknowledged (AwsSolutions and Serverless)', () => {
    for (const pack of [new AwsSolutionsChecks(), new ServerlessChecks()]) {
      const report = pack.validateScope(synthesized.app);
      expect(report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    }
    const validation = JSON.parse(readFileSync(join(synthesized.outdir, 'validation-report.json'), 'utf8'));
    expect(validation.pluginReports.flatMap((r: { violations?: unknown[] }) => r.violations ?? [])).toEqual([]);
  });

  it('acknowledges findings only with a reason, each on the construct it is about', () => {
    const mine = acknowledgements().filter((a) => a.path.startsWith(`${stack.stackName}/`));
    expect(mine.length).toBeGreaterThan(0);
    for (const a of mine) {
      expect(a.reason.length, `${a.id} at ${a.path}`).toBeGreaterThanOrEqual(40);
      expect(a.path, a.id).not.toBe(stack.stackName);
    }
  });
});

describe('the figures', () => {
  const figuresOnly = { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${FIGURES_PREFIX}*`] } };
  const allowed = (role: Parameters<typeof statementsOfRole>[1]) =>
    statementsOfRole(template, role).filter((s) => s.Effect === 'Allow' && actionsOf(s).some((a) => a.startsWith('dynamodb:')));

  it('feeds the stream to the counter as its second reader, with the same care as notify: bisection, bounded retries, partial batch responses, a failure queue', () => {
    const mappings = resourcesOf('AWS::Lambda::EventSourceMapping').filter(([, m]) => JSON.stringify(m.Properties.EventSourceArn).includes('StreamArn'));
    expect(mappings).toHaveLength(2); // DESIGN.md: at most two readers per shard
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: getAtt(stack.storage.table, 'StreamArn'),
      FunctionName: ref(stack.figures.counter.function),
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: statsCounterStreamSettings.batchSize,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: statsCounterStreamSettings.retryAttempts,
      FilterCriteria: { Filters: statsCounterStreamSettings.filterPatterns.map((pattern) => ({ Pattern: JSON.stringify(pattern) })) },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: getAtt(stack.figures.failures, 'Arn') } },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      Dimensions: [{ Name: 'QueueName', Value: getAtt(stack.figures.failures, 'QueueName') }],
      Threshold: 0,
    });
  });

  it('lets the counter read the stream and get, put and update the figures\' items only: never a report', () => {
    const statements = allowed(stack.figures.counter.role);
    const items = statements.find((s) => s.Sid === 'FiguresItems')!;
    expect(actionsOf(items).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
    expect(items.Condition).toEqual(figuresOnly);
    const others = statements.filter((s) => s !== items).flatMap(actionsOf).sort();
    expect(others).toEqual(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams']);
  });

  it('lets the stats function query the figures\' items and read the directory, nothing else', () => {
    const statements = allowed(stack.figures.stats.role);
    expect(statements.map((s) => [actionsOf(s), s.Condition])).toEqual([
      [['dynamodb:Query'], figuresOnly],
      [['dynamodb:GetItem'], { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [DIRECTORY_PARTITION] } }],
    ]);
    expect(statementsOfRole(template, stack.figures.stats.role).flatMap(actionsOf).filter((a) => a.startsWith('ses:') || a.startsWith('secretsmanager:'))).toEqual([]);
  });

  it('serves the figures routes from the stats function: the page shell public, the data behind the staff authorizer', () => {
    const statsRoutes = routes.filter((r) => r.function === 'stats');
    expect(statsRoutes.map(routeKey).sort()).toEqual(['GET /api/stats', 'GET /api/stats.csv', 'GET /api/stats.html', 'GET /stats']);
    for (const route of statsRoutes) expect(route.auth).toBe(route.path === '/stats' ? 'public' : 'staff');
  });
});
