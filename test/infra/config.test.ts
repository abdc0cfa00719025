// The deployment config and the directory are checked before anything is built, with a sentence naming the key;
// cdk-nag is wired into the app; and the config's options change the stack as documented. No esbuild here.
import { Match } from 'aws-cdk-lib/assertions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../infra/app.ts';
import { loadConfig } from '../../infra/config.ts';
import { EXAMPLE_CONFIG, exampleConfig, REPO, sampleDirectory, SAMPLE_DIRECTORY, synthesize, writeConfig, type Synthesized } from './synth.ts';

const failureOf = (configFile: string): string => {
  try {
    loadConfig(configFile);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${configFile} was accepted`);
};

describe('the example config', () => {
  it('is valid, and its directoryFile is resolved against the config file', () => {
    const config = loadConfig(EXAMPLE_CONFIG);
    expect(config.directoryPath).toBe(SAMPLE_DIRECTORY);
    expect(config.directory.teams.length).toBeGreaterThan(0);
    expect(config.reminderRateMinutes).toBe(5);
  });
});

describe('a bad config fails with the key named', () => {
  const base = (): Record<string, any> => ({ ...exampleConfig(), directoryFile: SAMPLE_DIRECTORY });

  it('a missing sender', () => {
    const config = base();
    delete config.email.sender;
    expect(failureOf(writeConfig(config))).toMatch(/email\.sender: is required/);
  });

  it('a sender outside the SES identity', () => {
    const config = base();
    config.email.sender = 'someone@elsewhere.example';
    expect(failureOf(writeConfig(config))).toMatch(/email\.sender: must be an address at "orosanmalan\.ekdala\.example"/);
  });

  it('bad values, each in its own sentence', () => {
    const config: Record<string, any> = { ...base(), alarmEmail: 'operators', retentionDays: 0, reminderRateMinutes: 90, logRetentionDays: 3 };
    config.auth = { domainPrefix: 'Ekdala Login' };
    const message = failureOf(writeConfig(config));
    expect(message).toMatch(/alarmEmail: must be an email address/);
    expect(message).toMatch(/retentionDays: must be at least 1/);
    expect(message).toMatch(/reminderRateMinutes: must be at most 60/);
    expect(message).toMatch(/logRetentionDays: must be one of 7, 14, 30/);
    expect(message).toMatch(/auth\.domainPrefix: must be lowercase letters, digits and "-"/);
  });

  it('a misspelt key', () => {
    expect(failureOf(writeConfig({ ...base(), retentionDay: 30 }))).toMatch(/unknown key "retentionDay"/);
  });

  it('an identity provider without its client secret', () => {
    const config = base();
    config.auth.identityProvider = { type: 'oidc', name: 'Kommun-AD', issuerUrl: 'https://login.example/v2.0', clientId: 'abc' };
    expect(failureOf(writeConfig(config))).toMatch(/auth\.identityProvider\.clientSecretName: is required/);
  });

  it('a trusted SAML provider without the attribute that says an email is verified', () => {
    const config = base();
    config.auth.identityProvider = { type: 'saml', name: 'Kommun-ADFS', metadataUrl: 'https://adfs.example/metadata.xml', trusted: true };
    expect(failureOf(writeConfig(config))).toMatch(/auth\.identityProvider\.emailVerifiedAttribute: is required for a trusted SAML provider/);
  });

  it('a directory file that does not exist', () => {
    expect(failureOf(writeConfig({ ...base(), directoryFile: join(REPO, 'directory/missing.json') }))).toMatch(/Cannot read the directory \(config key "directoryFile"/);
  });
});

describe('an invalid directory fails with its key named', () => {
  it('an area whose team does not exist', () => {
    const directory = sampleDirectory();
    directory.areas[1].teamId = 'no-such-team';
    const message = failureOf(writeConfig(exampleConfig(), directory));
    expect(message).toMatch(/the directoryFile .*directory\.json is invalid/);
    expect(message).toMatch(/directory\.areas\.1\.teamId: unknown team "no-such-team"/);
  });

  it('a school in an unknown area, and a team without contacts', () => {
    const directory = sampleDirectory();
    directory.schools[0].areaId = 'atlantis';
    directory.teams[2].contacts = [];
    const message = failureOf(writeConfig(exampleConfig(), directory));
    expect(message).toMatch(/directory\.schools\.0\.areaId: unknown area "atlantis"/);
    expect(message).toMatch(/directory\.teams\.2\.contacts: a team needs at least one contact/);
  });

  it('fails `cdk synth` (node infra/app.ts) with the sentence and no stack trace', () => {
    const directory = sampleDirectory();
    directory.areas[0].teamId = 'ghost-team';
    const result = spawnSync(process.execPath, ['infra/app.ts'], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify({ config: writeConfig(exampleConfig(), directory) }), CDK_OUTDIR: mkdtempSync(join(tmpdir(), 'bad-config-')) },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/directory\.areas\.0\.teamId: unknown team "ghost-team"/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('cdk-nag in the app', () => {
  it('fails synth on a finding that is not acknowledged', () => {
    const { app, stack } = createApp({ configFile: EXAMPLE_CONFIG, context: { 'aws:cdk:bundling-stacks': [] } });
    new sqs.Queue(stack, 'Careless'); // no TLS-only policy, no dead-letter queue
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS4[\s\S]*Careless|Careless[\s\S]*AwsSolutions-SQS4/);
  });
});

describe('config options', () => {
  let minimal: Synthesized;
  let saml: Synthesized;

  beforeAll(() => {
    const config = exampleConfig();
    delete config.publicDomain;
    config.reservedConcurrency = false;
    config.reminderRateMinutes = 10;
    config.email = { sender: 'orosanmalan@ekdala.example', identity: 'orosanmalan@ekdala.example', createIdentity: false, sandboxRecipients: ['tester@ekdala.example'] };
    config.auth.identityProvider = {
      type: 'oidc',
      name: 'Ekdala-AD',
      issuerUrl: 'https://login.microsoftonline.com/tenant/v2.0',
      clientId: 'client-id',
      clientSecretName: 'ekdala/oidc-client-secret',
      trusted: true,
    };
    minimal = synthesize({ configFile: writeConfig({ ...config, directoryFile: SAMPLE_DIRECTORY }), bundle: false });

    const samlConfig = exampleConfig();
    samlConfig.stackName = 'ConcernIntakeSaml';
    samlConfig.auth.identityProvider = { type: 'saml', name: 'Ekdala-ADFS', metadataUrl: 'https://adfs.ekdala.example/metadata.xml' };
    saml = synthesize({ configFile: writeConfig({ ...samlConfig, directoryFile: SAMPLE_DIRECTORY }), bundle: false });
  });

  it('without a public domain, uses the API endpoint as the public URL and the portal callback', () => {
    const { template, stack } = minimal;
    const endpoint = { 'Fn::GetAtt': [stack.getLogicalId(stack.api.httpApi.node.defaultChild as never), 'ApiEndpoint'] };
    template.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: false });
    template.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ PUBLIC_URL: endpoint }) } });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { CallbackURLs: [{ 'Fn::Join': ['', [endpoint, '/cases']] }] });
  });

  it('adds the municipality OIDC provider, with its client secret as a dynamic reference', () => {
    const { template } = minimal;
    template.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'Ekdala-AD',
      ProviderType: 'OIDC',
      ProviderDetails: Match.objectLike({
        client_id: 'client-id',
        client_secret: '{{resolve:secretsmanager:ekdala/oidc-client-secret:SecretString:::}}',
        oidc_issuer: 'https://login.microsoftonline.com/tenant/v2.0',
      }),
    });
    // Marked trusted in the config: its email_verified claim is mapped, so its users' directory access works.
    template.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', { AttributeMapping: { email: 'email', email_verified: 'email_verified' } });
    const [provider] = Object.keys(template.findResources('AWS::Cognito::UserPoolIdentityProvider'));
    // The client refers to the provider (so CloudFormation creates the provider first).
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { SupportedIdentityProviders: ['COGNITO', { Ref: provider }] });
  });

  it('adds a SAML provider from its metadata URL', () => {
    saml.template.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'Ekdala-ADFS',
      ProviderType: 'SAML',
      ProviderDetails: Match.objectLike({ MetadataURL: 'https://adfs.ekdala.example/metadata.xml' }),
      // Not marked trusted: its word on email verification is not taken (no email_verified mapping).
      AttributeMapping: { email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress' },
    });
    const [provider] = Object.keys(saml.template.findResources('AWS::Cognito::UserPoolIdentityProvider'));
    saml.template.hasResourceProperties('AWS::Cognito::UserPoolClient', { SupportedIdentityProviders: ['COGNITO', { Ref: provider }] });
  });

  it('reserves no concurrency when told not to (a new account with a quota of 10)', () => {
    for (const fn of Object.values(minimal.template.findResources('AWS::Lambda::Function'))) {
      expect(fn.Properties.ReservedConcurrentExecutions).toBeUndefined();
    }
  });

  it('runs the sweep at the configured rate, and watches it over three of its periods', () => {
    minimal.template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(10 minutes)' });
    minimal.template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Invocations', Period: 1800, TreatMissingData: 'breaching' });
  });

  it('uses an existing email identity, and lets the sandbox test recipients receive mail', () => {
    const { template } = minimal;
    template.resourceCountIs('AWS::SES::EmailIdentity', 0);
    const policies = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(policies).toContain(':identity/orosanmalan@ekdala.example');
    expect(policies).toContain(':identity/tester@ekdala.example');
  });
});
