// The portal's session (public routes under /auth; DESIGN.md "Sessions"): POST /auth/session trades the hosted
// sign-in's code for tokens and keeps the refresh token in the HttpOnly cookie; POST /auth/refresh answers a fresh
// ID token from it; POST /auth/sign-out revokes it and clears the cookie. The page gets the ID token only.
// Thin: the cookie and the cross-site guard here, the rest in the use cases (core/app/session/). No table access.
import { CognitoIdentityProvider } from '../../core/adapters/cognito/identity-provider.ts';
import { systemClock } from '../../core/app/ports/clock.ts';
import { IdentityUnavailableError } from '../../core/app/ports/identity-provider.ts';
import { endSession } from '../../core/app/session/end-session.ts';
import { refreshSession } from '../../core/app/session/refresh-session.ts';
import { SessionEndedError, type SessionDependencies } from '../../core/app/session/session.ts';
import { startSession } from '../../core/app/session/start-session.ts';
import { runtimeConfig } from '../../core/config/runtime.ts';
import { guardCrossSite, portalOrigins, type CrossSiteOptions } from '../../core/http/cross-site.ts';
import { notFound, serviceUnavailable } from '../../core/http/errors.ts';
import type { HttpEvent } from '../../core/http/event.ts';
import { httpHandler, readBody } from '../../core/http/middleware.ts';
import { json, type HttpResponse } from '../../core/http/responses.ts';
import { clearedSessionCookie, sessionCookie, sessionCookieValue } from '../../core/http/session-cookie.ts';
import { logger } from '../../core/observability/logger.ts';

export { portalOrigins };

export function createSessionHandler(deps: () => SessionDependencies, options: CrossSiteOptions) {
  return async (event: HttpEvent): Promise<HttpResponse> => {
    guardCrossSite(event, options);
    try {
      switch (event.routeKey) {
        case 'POST /auth/session': {
          const body = readBody(event, { maxBytes: 8 * 1024, accept: ['json'] });
          const started = await startSession(deps(), body.value);
          logger.info('session started');
          return { ...json(200, started.page), cookies: [sessionCookie(started.refreshToken, started.refreshTokenSeconds)] };
        }
        case 'POST /auth/refresh':
          return json(200, await refreshSession(deps(), sessionCookieValue(event)));
        case 'POST /auth/sign-out': {
          const ended = await endSession(deps(), sessionCookieValue(event));
          logger.info('session ended');
          return { ...json(200, ended), cookies: [clearedSessionCookie()] };
        }
        default:
          throw notFound();
      }
    } catch (error) {
      if (error instanceof SessionEndedError) {
        // The cookie goes too: it holds nothing that works any more.
        return { ...json(401, { message: error.message, errors: [{ path: 'session', message: error.message }] }, { 'www-authenticate': 'Bearer' }), cookies: [clearedSessionCookie()] };
      }
      if (error instanceof IdentityUnavailableError) {
        logger.warn('identity provider unavailable', { route: event.routeKey });
        throw serviceUnavailable();
      }
      throw error;
    }
  };
}

/** The portal's address and its sign-in settings, as the stack sets them (core/config/runtime.ts). */
export function cognitoSessionDependencies(): SessionDependencies {
  const config = runtimeConfig();
  if (!config.AUTH_SIGN_IN_URL || !config.AUTH_CLIENT_ID) throw new Error('AUTH_SIGN_IN_URL and AUTH_CLIENT_ID must be set for the session function');
  const portal = `${config.PUBLIC_URL.replace(/\/+$/, '')}/cases`;
  const signInUrl = config.AUTH_SIGN_IN_URL.replace(/\/+$/, '');
  return {
    identity: new CognitoIdentityProvider({ domainUrl: signInUrl, clientId: config.AUTH_CLIENT_ID }),
    clock: systemClock,
    refreshTokenSeconds: config.SESSION_REFRESH_SECONDS,
    redirectUri: portal,
    // Cognito's sign-out ends its hosted UI's own session too, so the next sign-in asks again; then back to the portal.
    signedOutUrl: `${signInUrl}/logout?${new URLSearchParams({ client_id: config.AUTH_CLIENT_ID, logout_uri: portal })}`,
  };
}

let dependencies: SessionDependencies | undefined;
export const handler = httpHandler(
  createSessionHandler(() => (dependencies ??= cognitoSessionDependencies()), { allowedOrigins: portalOrigins }),
);

