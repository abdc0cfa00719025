// The portal's session function (functions/session): the routes under /auth that turn a hosted sign-in into a
// session kept in an HttpOnly cookie, refresh the ID token from it and sign out. It talks to Cognito's OAuth2
// endpoints over HTTPS only: no table, no secret, no AWS API at all (its role can write its own logs, nothing else).
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { functionEnvironment } from '../../core/config/runtime.ts';
import { acknowledge } from '../nag.ts';
import { AppFunction } from './app-function.ts';
import type { Auth } from './auth.ts';

export interface SessionProps {
  readonly auth: Auth;
  readonly directoryPath: string;
  /** Settings every function reads (core/config/runtime.ts): the public URL gives the redirect and sign-out URIs. */
  readonly environment: Record<string, string>;
  readonly logRetention?: logs.RetentionDays;
}

export class Session extends Construct {
  readonly session: AppFunction;

  constructor(scope: Construct, id: string, props: SessionProps) {
    super(scope, id);
    this.session = new AppFunction(this, 'Session', {
      name: 'session',
      description: 'Portal sessions: sign-in code to an HttpOnly refresh-token cookie, refresh, sign-out (revoke)',
      directoryPath: props.directoryPath,
      memorySize: 256,
      logRetention: props.logRetention,
      environment: {
        ...props.environment,
        ...functionEnvironment({
          AUTH_SIGN_IN_URL: props.auth.signInUrl,
          AUTH_CLIENT_ID: props.auth.client.userPoolClientId,
          SESSION_REFRESH_SECONDS: String(props.auth.refreshTokenValidity.toSeconds()),
        }),
      },
    });
    acknowledge(this.session, 'Serverless-LambdaDLQ',
      'The session function is only invoked synchronously by API Gateway: a failed request is answered with an error to the caller, there is no event to park in a dead-letter queue.');
  }
}
