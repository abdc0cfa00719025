// The optional edge (config `edge.enabled`): CloudFront in front of the HTTP API, with an AWS WAF web ACL. An HTTP API
// cannot carry a web ACL itself, and API Gateway throttles a route for all clients together, so one address could
// use up the submit route for everyone; WAF counts per address.
//
// A web ACL for CloudFront must be created in us-east-1, whatever region the rest lives in: it gets a small stack of
// its own there (EdgeWebAclStack), and the main stack reads its ARN through CDK's cross-region references
// (crossRegionReferences: an SSM parameter written in us-east-1, read by a custom resource in the main region).
import { Stack, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { routes } from '../../core/http/routes.ts';
import { submitWafRateRule } from '../../core/http/throttling.ts';
import { acknowledge } from '../nag.ts';

/** The region AWS requires for a web ACL with scope CLOUDFRONT (and for CloudFront's certificates). */
export const CLOUDFRONT_REGION = 'us-east-1';

/** The label the Common Rule Set puts on a request whose body is over 8 KB (its SizeRestrictions_BODY rule). */
export const LARGE_BODY_LABEL = 'awswaf:managed:aws:core-rule-set:SizeRestrictions_Body';

const submitPath = (() => {
  const submit = routes.find((route) => route.function === 'submit' && route.method === 'POST');
  if (!submit) throw new Error('The route table has no POST route for the submit function');
  return submit.path;
})();

const onSubmitPath: wafv2.CfnWebACL.StatementProperty = {
  byteMatchStatement: {
    searchString: submitPath,
    fieldToMatch: { uriPath: {} },
    positionalConstraint: 'EXACTLY',
    textTransformations: [{ priority: 0, type: 'NONE' }],
  },
};

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

/** The web ACL's rules, in order; exported for the infra tests. */
export function edgeRules(): wafv2.CfnWebACL.RuleProperty[] {
  return [
    {
      // The per-address limit of core/http/throttling.ts (local mode's token bucket uses the same numbers).
      name: 'SubmitPerAddress',
      priority: 0,
      statement: {
        rateBasedStatement: {
          aggregateKeyType: 'IP',
          limit: submitWafRateRule.limit,
          evaluationWindowSec: submitWafRateRule.evaluationWindowSec,
          scopeDownStatement: onSubmitPath,
        },
      },
      action: {
        block: {
          customResponse: {
            responseCode: 429,
            responseHeaders: [{ name: 'retry-after', value: String(submitWafRateRule.evaluationWindowSec) }],
          },
        },
      },
      visibilityConfig: visibility('SubmitPerAddress'),
    },
    {
      // AWS's baseline rules, except that a body over 8 KB is only counted (labelled) here: a long report is a
      // normal report. The next rule blocks large bodies everywhere but the submit route, which limits its own (64 KB).
      name: 'CommonRuleSet',
      priority: 1,
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name: 'AWSManagedRulesCommonRuleSet',
          ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
        },
      },
      overrideAction: { none: {} },
      visibilityConfig: visibility('CommonRuleSet'),
    },
    {
      name: 'LargeBodyOutsideSubmit',
      priority: 2,
      statement: {
        andStatement: {
          statements: [
            { labelMatchStatement: { scope: 'LABEL', key: LARGE_BODY_LABEL } },
            { notStatement: { statement: onSubmitPath } },
          ],
        },
      },
      action: { block: {} },
      visibilityConfig: visibility('LargeBodyOutsideSubmit'),
    },
  ];
}

/** The stack in us-east-1 that holds the web ACL (scope CLOUDFRONT can only be created there). */
export class EdgeWebAclStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: Omit<StackProps, 'env'> & { account?: string } = {}) {
    super(scope, id, { ...props, env: { region: CLOUDFRONT_REGION, account: props.account } });
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      description: 'Concern intake: per-address limit on submissions and the AWS Common Rule Set',
      rules: edgeRules(),
      visibilityConfig: visibility('ConcernIntakeEdge'),
    });
  }
}

export interface EdgeProps {
  readonly api: apigwv2.HttpApi;
  /** The web ACL's ARN (from EdgeWebAclStack, through a cross-region reference). */
  readonly webAclArn: string;
  /** Your own name on the distribution, with its certificate in us-east-1. */
  readonly domain?: { name: string; certificateArn: string };
}

/** The CloudFront distribution in front of the API: nothing cached, every method and header passed through. */
export class Edge extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly publicUrl: string;

  constructor(scope: Construct, id: string, props: EdgeProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const apiHost = `${props.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Concern intake: the form, the portal and the API behind AWS WAF',
      webAclId: props.webAclArn,
      defaultBehavior: {
        origin: new origins.HttpOrigin(apiHost, {
          protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        // Every answer is per request (forms carry a fresh submission id, the portal is per person): no caching.
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        // Headers, cookies and query strings reach the API; the Host is the API's own, or API Gateway refuses it.
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      ...(props.domain
        ? {
            domainNames: [props.domain.name],
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
          }
        : {}),
    });
    this.publicUrl = props.domain ? `https://${props.domain.name}` : `https://${this.distribution.distributionDomainName}`;

    acknowledge(this.distribution, 'AwsSolutions-CFR1',
      'No geo restriction: the form is for staff of Swedish schools, but staff abroad (a school trip) must still be ' +
        'able to report; the per-address rate rule and the Common Rule Set apply everywhere.');
    acknowledge(this.distribution, 'AwsSolutions-CFR3',
      'No CloudFront access logs: they would record client addresses and full paths (status links carry tokens). ' +
        "The API's own JSON access logs keep what operations need, without paths or addresses.");
    if (!props.domain) {
      acknowledge(this.distribution, 'AwsSolutions-CFR4',
        'Without your own domain the distribution uses the default *.cloudfront.net certificate, for which CloudFront ' +
          'cannot enforce a minimum TLS version; with edge.certificateArn the minimum is TLS 1.2 (2021 policy).');
    }
  }
}
