// The optional edge (config edge.enabled): CloudFront with an AWS WAF web ACL in us-east-1 in front of the API.
// Synthesized from the example config with the edge switched on (no bundling: only the templates are read).
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { submitWafRateRule } from '../../core/http/throttling.ts';
import { createApp } from '../../infra/app.ts';
import { loadConfig } from '../../infra/config.ts';
import { LARGE_BODY_LABEL } from '../../infra/constructs/edge.ts';
import { exampleConfig, writeConfig } from './synth.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const SUBMIT_PATH = '/api/forms/concern-report/submissions';
const withEdge = (edge: Record<string, unknown>, config = exampleConfig()) => writeConfig({ ...config, edge });
const usEast1Certificate = 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-1111-1111-1111-111111111111';

let built: ReturnType<typeof createApp>;
let outdir: string;
let acl: Template;
let main: Template;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'edge-test-'));
  built = createApp({
    configFile: withEdge({ enabled: true, region: 'eu-north-1', certificateArn: usEast1Certificate }),
    outdir,
    context: { 'aws:cdk:bundling-stacks': [] },
  });
  built.app.synth();
  acl = Template.fromStack(built.edgeAcl!);
  main = Template.fromStack(built.stack);
});

describe('the web ACL', () => {
  it('lives in its own stack in us-east-1 with scope CLOUDFRONT', () => {
    expect(built.edgeAcl!.region).toBe('us-east-1');
    acl.resourceCountIs('AWS::WAFv2::WebACL', 1);
    acl.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
  });

  it('limits submissions per address with the numbers of core/http/throttling.ts, answering 429', () => {
    acl.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'SubmitPerAddress',
          Statement: {
            RateBasedStatement: {
              AggregateKeyType: 'IP',
              Limit: submitWafRateRule.limit,
              EvaluationWindowSec: submitWafRateRule.evaluationWindowSec,
              ScopeDownStatement: { ByteMatchStatement: Match.objectLike({ SearchString: SUBMIT_PATH, PositionalConstraint: 'EXACTLY' }) },
            },
          },
          Action: { Block: { CustomResponse: Match.objectLike({ ResponseCode: 429 }) } },
        }),
      ]),
    });
  });

  it('runs the Common Rule Set with its 8 KB body rule counted, and blocks large bodies everywhere but submit', () => {
    acl.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'CommonRuleSet',
          Statement: {
            ManagedRuleGroupStatement: {
              VendorName: 'AWS',
              Name: 'AWSManagedRulesCommonRuleSet',
              RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }],
            },
          },
          OverrideAction: { None: {} },
        }),
        Match.objectLike({
          Name: 'LargeBodyOutsideSubmit',
          Statement: {
            AndStatement: {
              Statements: [
                { LabelMatchStatement: { Scope: 'LABEL', Key: LARGE_BODY_LABEL } },
                { NotStatement: { Statement: { ByteMatchStatement: Match.objectLike({ SearchString: SUBMIT_PATH }) } } },
              ],
            },
          },
          Action: { Block: {} },
        }),
      ]),
    });
  });
});

describe('the distribution', () => {
  it('fronts the API with the web ACL, caches nothing, passes every method, and carries your domain', () => {
    main.resourceCountIs('AWS::CloudFront::Distribution', 1);
    main.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        WebACLId: Match.anyValue(),
        Aliases: [exampleConfig().publicDomain.name],
        ViewerCertificate: Match.objectLike({ AcmCertificateArn: usEast1Certificate, MinimumProtocolVersion: 'TLSv1.2_2021' }),
        DefaultCacheBehavior: Match.objectLike({
          AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
          ViewerProtocolPolicy: 'redirect-to-https',
        }),
      }),
    });
  });

  it('gives the functions and the sign-in the public address, and points the domain at CloudFront', () => {
    const outputs = main.findOutputs('DomainTarget');
    expect(JSON.stringify(outputs)).toContain('DomainName');
    expect(JSON.stringify(main.findOutputs('PublicUrl'))).toContain(exampleConfig().publicDomain.name);
  });

  it('is cdk-nag clean in both stacks (AwsSolutions and Serverless)', () => {
    for (const pack of [new AwsSolutionsChecks(), new ServerlessChecks()]) {
      const report = pack.validateScope(built.app);
      expect(report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    }
    const validation = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8'));
    expect(validation.pluginReports.flatMap((r: { violations?: unknown[] }) => r.violations ?? [])).toEqual([]);
  });

  it('without your own domain: the CloudFront address is the public one, still cdk-nag clean', () => {
    const { publicDomain: _none, ...withoutDomain } = exampleConfig();
    const other = createApp({
      configFile: withEdge({ enabled: true, region: 'eu-north-1' }, withoutDomain),
      outdir: mkdtempSync(join(tmpdir(), 'edge-test-')),
      context: { 'aws:cdk:bundling-stacks': [] },
    });
    other.app.synth(); // cdk-nag runs inside synth: an unacknowledged finding throws here
    const template = Template.fromStack(other.stack);
    expect(JSON.stringify(template.findOutputs('PublicUrl'))).toContain('DomainName');
    expect(template.findOutputs('DomainTarget')).toEqual({});
    const report = new AwsSolutionsChecks().validateScope(other.app);
    expect(report.violations).toEqual([]);
  });
});

describe('the config', () => {
  it('is off by default: no second stack, no distribution', () => {
    expect(loadConfig(writeConfig(exampleConfig())).edge.enabled).toBe(false);
  });

  it('names the key when the edge lacks its region or the us-east-1 certificate for your domain', () => {
    expect(() => loadConfig(withEdge({ enabled: true }))).toThrow(/edge\.region: is required when edge\.enabled is true/);
    expect(() => loadConfig(withEdge({ enabled: true, region: 'eu-north-1' }))).toThrow(/edge\.certificateArn: is required/);
    expect(() => loadConfig(withEdge({ enabled: true, region: 'eu-north-1', certificateArn: exampleConfig().publicDomain.certificateArn }))).toThrow(
      /edge\.certificateArn: must be an ACM certificate ARN in us-east-1/,
    );
    const { publicDomain: _none, ...withoutDomain } = exampleConfig();
    expect(loadConfig(withEdge({ enabled: true, region: 'eu-north-1' }, withoutDomain)).edge.enabled).toBe(true);
  });
});
