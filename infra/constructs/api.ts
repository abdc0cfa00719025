// The HTTP API: one stage with throttling and JSON access logs, an optional custom domain, and the routes, built by
// iterating the one route table in core/http/routes.ts. Staff routes get the JWT authorizer, public routes none.
import { RemovalPolicy } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { defaultRoute, routeKey, routes as sharedRoutes, type FunctionName, type RouteDefinition } from '../../core/http/routes.ts';
import type { Throttle } from '../../core/http/throttling.ts';
import { acknowledge } from '../nag.ts';

export interface ApiProps {
  /** A custom domain with its ACM certificate (same region). Without it the API's own URL is the public URL. */
  readonly domain?: { name: string; certificateArn: string };
  /** Requests per second, steady state, for the whole stage. */
  readonly throttleRate: number;
  /** Requests in a burst, for the whole stage. */
  readonly throttleBurst: number;
  /** @default 90 days */
  readonly logRetention?: logs.RetentionDays;
}

export class Api extends Construct {
  readonly httpApi: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly accessLogs: logs.LogGroup;
  /** The custom domain, when configured: its regionalDomainName is the DNS target. */
  readonly domainName?: apigwv2.DomainName;
  /** Where people open the system: https://<custom domain> or the API's own endpoint. No trailing slash. */
  readonly publicUrl: string;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const domainName = (this.domainName = props.domain
      ? new apigwv2.DomainName(this, 'Domain', {
          domainName: props.domain.name,
          certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
        })
      : undefined);

    this.httpApi = new apigwv2.HttpApi(this, 'Http', {
      description: 'Concern reports: form, submissions, reporter status, staff portal',
      createDefaultStage: false,
      // Same origin: the pages and the API share one host, so no CORS.
      // With a custom domain, the execute-api address is switched off: one way in, the certificate's.
      disableExecuteApiEndpoint: domainName !== undefined,
    });

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.throttleRate, burstLimit: props.throttleBurst },
      domainMapping: domainName ? { domainName } : undefined,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(this.accessLogs),
        // The route key, not the path: paths carry status tokens and report ids. No source IP, no user agent.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            responseBytes: '$context.responseLength',
          }),
        ),
      },
    });

    this.publicUrl = domainName ? `https://${props.domain!.name}` : this.httpApi.apiEndpoint;
  }
}

export interface ApiRoutesProps {
  readonly api: apigwv2.HttpApi;
  /** The function behind each name in the route table. */
  readonly handlers: Record<FunctionName, lambda.IFunction>;
  /** Put on every staff route, and on no public one. */
  readonly staffAuthorizer: apigwv2.IHttpRouteAuthorizer;
  /** @default the shared route table in core/http/routes.ts */
  readonly routes?: readonly RouteDefinition[];
  /** Per-route throttling (all clients together) on this stage, by route key ("POST /path"). */
  readonly routeThrottles?: { stage: apigwv2.HttpStage; byRouteKey: Record<string, Throttle> };
}

/** Why each public route may be called without signing in (cdk-nag asks for authorization on every route). */
const publicBecause: Record<FunctionName, string> = {
  web: 'It serves the public concern form and its assets: school staff report without an account.',
  submit: 'It receives concern reports from school staff, who have no account; it can only write, never read.',
  status: 'The reporter opens it from the link in the receipt email: the signed token in the path is the authorization.',
  cases: 'It serves the portal page shell only, which holds no data and loads it from the staff API with the signed-in user token.',
  directory: 'It serves the directory page shell only, which holds no data and loads it from the staff API with the signed-in user token.',
  consult: 'It serves the public consultation form and receives questions from school staff, who have no account; it can only write.',
  consultations: "The asker opens it from the link in the answer notice: the signed token in the path is the authorization.",
  stats: 'It serves the figures page shell only, which holds no figures and loads them from the staff API with the signed-in user token.',
  session: 'It is where a sign-in becomes a session: the caller has no ID token yet (or an expired one); the HttpOnly refresh-token cookie is the authorization, checked by Cognito.',
};

export class ApiRoutes extends Construct {
  readonly routes: { definition: RouteDefinition; route: apigwv2.HttpRoute }[] = [];

  constructor(scope: Construct, id: string, props: ApiRoutesProps) {
    super(scope, id);
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    const integrationFor = (name: FunctionName) => {
      let integration = integrations.get(name);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${name}Integration`, props.handlers[name], {
          payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
        });
        integrations.set(name, integration);
      }
      return integration;
    };

    for (const definition of props.routes ?? sharedRoutes) {
      const route = new apigwv2.HttpRoute(this, `${definition.method}${definition.path.replace(/\//g, '_')}`, {
        httpApi: props.api,
        routeKey: apigwv2.HttpRouteKey.with(definition.path, apigwv2.HttpMethod[definition.method]),
        integration: integrationFor(definition.function),
        authorizer: definition.auth === 'staff' ? props.staffAuthorizer : new apigwv2.HttpNoneAuthorizer(),
      });
      if (definition.auth === 'public') {
        acknowledge(route, 'AwsSolutions-APIG4', `Public by design (${routeKey(definition)}). ${publicBecause[definition.function]}`);
      }
      this.routes.push({ definition, route });
    }

    // Every request no route matches goes to the web function's 404 page (the local server does the same).
    const fallback = new apigwv2.HttpRoute(this, 'DefaultRoute', {
      httpApi: props.api,
      routeKey: apigwv2.HttpRouteKey.DEFAULT,
      integration: integrationFor(defaultRoute.function),
      authorizer: new apigwv2.HttpNoneAuthorizer(),
    });
    acknowledge(fallback, 'AwsSolutions-APIG4', `Public by design ($default). It answers the not-found page for unknown paths and holds no data.`);

    if (props.routeThrottles) {
      const { stage, byRouteKey } = props.routeThrottles;
      // RouteSettings is a JSON map in CloudFormation: its keys are written as CloudFormation spells them.
      const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
      for (const [key, throttle] of Object.entries(byRouteKey)) {
        const entry = this.routes.find(({ definition }) => routeKey(definition) === key);
        if (!entry) throw new Error(`Route throttling for "${key}": no such route in the route table`);
        routeSettings[key] = { ThrottlingRateLimit: throttle.ratePerSecond, ThrottlingBurstLimit: throttle.burst };
        // The stage can only name a route that exists.
        stage.node.addDependency(entry.route);
      }
      (stage.node.defaultChild as apigwv2.CfnStage).routeSettings = routeSettings;
    }
  }
}
