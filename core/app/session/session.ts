// What the portal's session use cases share: their dependencies, the answer the page gets (the ID token only; the
// refresh token goes into the HttpOnly cookie, never to a script), and the one error that ends a session.
import type { Clock } from '../ports/clock.ts';
import type { IdentityProvider } from '../ports/identity-provider.ts';

export interface SessionDependencies {
  identity: IdentityProvider;
  clock: Clock;
  /** How long the provider's refresh tokens live (the app client's setting): the cookie's Max-Age. */
  refreshTokenSeconds: number;
  /** The one redirect URI the app client has registered (the portal's /cases). */
  redirectUri: string;
  /** Where the browser goes after signing out (Cognito's /logout, so the hosted UI forgets the user too). */
  signedOutUrl: string;
}

/** What the page holds, in memory only. */
export interface PageSession {
  idToken: string;
  /** ISO time the ID token stops working. */
  expiresAt: string;
}

/** There is no session to continue: no cookie, or the provider refused its refresh token. Sign in again. */
export class SessionEndedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SessionEndedError';
  }
}

export function pageSession(clock: Clock, tokens: { idToken: string; idTokenSeconds: number }): PageSession {
  return { idToken: tokens.idToken, expiresAt: new Date(clock.now().getTime() + tokens.idTokenSeconds * 1000).toISOString() };
}
