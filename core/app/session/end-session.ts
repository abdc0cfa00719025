// End a session everywhere (POST /auth/sign-out).
//   1. revoke the refresh token at the identity provider (the ID tokens issued from it stop working there too);
//      a token the provider no longer knows is already ended, which is what signing out wants
//   2. where the browser goes next (the provider's sign-out page, so its own sign-in session ends as well)
// An outage propagates (503): the cookie is then kept, so signing out again can still revoke the token.
import { IdentityRejectedError } from '../ports/identity-provider.ts';
import type { SessionDependencies } from './session.ts';

export async function endSession(deps: Pick<SessionDependencies, 'identity' | 'signedOutUrl'>, refreshToken: string | undefined): Promise<{ next: string }> {
  if (refreshToken) {
    try {
      await deps.identity.revoke(refreshToken);
    } catch (error) {
      if (!(error instanceof IdentityRejectedError)) throw error;
    }
  }
  return { next: deps.signedOutUrl };
}
