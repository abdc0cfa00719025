// Continue a session (POST /auth/refresh): a fresh ID token from the refresh token in the cookie.
//   1. no refresh token: the session has ended (never started, expired cookie, signed out)
//   2. ask the identity provider for a fresh ID token; a refusal (expired, revoked) ends the session too
//   3. the ID token and its expiry for the page (the cookie stays as it is: its lifetime was set at sign-in)
import { IdentityRejectedError } from '../ports/identity-provider.ts';
import { pageSession, SessionEndedError, type PageSession, type SessionDependencies } from './session.ts';

export async function refreshSession(deps: Pick<SessionDependencies, 'identity' | 'clock'>, refreshToken: string | undefined): Promise<PageSession> {
  if (!refreshToken) throw new SessionEndedError('not signed in: there is no session in this browser');
  try {
    return pageSession(deps.clock, await deps.identity.refresh(refreshToken));
  } catch (error) {
    if (error instanceof IdentityRejectedError) throw new SessionEndedError('the session has ended (expired or signed out): sign in again');
    throw error;
  }
}
