// Start a session after the hosted sign-in (POST /auth/session).
//   1. validate what the page sends back from the sign-in: the code, its PKCE verifier, the redirect URI
//      (which must be the one the app client registered)
//   2. exchange the code at the identity provider
//   3. the ID token and its expiry for the page; the refresh token and its lifetime for the cookie
import * as z from 'zod/mini';
import { fieldErrors, InvalidInputError } from '../errors.ts';
import { IdentityRejectedError } from '../ports/identity-provider.ts';
import { pageSession, type PageSession, type SessionDependencies } from './session.ts';

export const startSessionInput = z.object({
  code: z.string().check(z.minLength(1, 'is required'), z.maxLength(2048, 'is too long'), z.regex(/^[\w.~-]+$/, 'is not a sign-in code')),
  // RFC 7636: 43 to 128 unreserved characters.
  codeVerifier: z.string().check(z.regex(/^[A-Za-z0-9._~-]{43,128}$/, 'must be 43 to 128 letters, digits or - . _ ~ (RFC 7636)')),
  redirectUri: z.string().check(z.minLength(1, 'is required'), z.maxLength(2048, 'is too long')),
});

export interface StartedSession {
  page: PageSession;
  refreshToken: string;
  refreshTokenSeconds: number;
}

export async function startSession(deps: SessionDependencies, body: unknown): Promise<StartedSession> {
  const parsed = startSessionInput.safeParse(body);
  if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error.issues));
  const input = parsed.data;
  if (input.redirectUri !== deps.redirectUri) {
    throw new InvalidInputError([{ path: 'redirectUri', message: `must be the portal's registered address, ${deps.redirectUri}` }]);
  }
  try {
    const tokens = await deps.identity.exchangeCode(input);
    return { page: pageSession(deps.clock, tokens), refreshToken: tokens.refreshToken, refreshTokenSeconds: deps.refreshTokenSeconds };
  } catch (error) {
    if (error instanceof IdentityRejectedError) {
      throw new InvalidInputError([{ path: 'code', message: 'the sign-in code was refused (expired, already used, or from another sign-in): sign in again' }]);
    }
    throw error; // unavailable: 503, nothing was set
  }
}
