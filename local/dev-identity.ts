// Local mode's identity provider (the port Cognito fills in AWS): POST /dev/sign-in starts a session for anyone in
// the directory, with a dev refresh token for the same cookie the portal keeps in AWS; /auth/refresh issues a fresh
// dev ID token from it, /auth/sign-out revokes it. Sessions live in this process's memory: a restart ends them all.
import { randomBytes } from 'node:crypto';
import { IdentityRejectedError, type IdentityProvider, type RefreshedTokens, type SignInTokens } from '../core/app/ports/identity-provider.ts';
import type { DirectorySource } from '../core/directory/source.ts';
import { DEV_ID_TOKEN_SECONDS, signIn } from './dev-auth.ts';

export class DevIdentityProvider implements IdentityProvider {
  private readonly sessions = new Map<string, { email: string; endsAt: number }>();
  private readonly directory: DirectorySource;
  private readonly refreshTokenSeconds: number;

  constructor(directory: DirectorySource, refreshTokenSeconds: number) {
    this.directory = directory;
    this.refreshTokenSeconds = refreshTokenSeconds;
  }

  /** The dev sign-in: tokens for a person the current directory knows, else null. */
  async signIn(email: string): Promise<SignInTokens | null> {
    const idToken = await signIn(await this.directory.current(), email);
    if (!idToken) return null;
    const refreshToken = randomBytes(32).toString('base64url');
    // Real time, as the ID tokens' expiry (the simulated clock moves reports, not sign-ins).
    this.sessions.set(refreshToken, { email: email.toLowerCase(), endsAt: Date.now() + this.refreshTokenSeconds * 1000 });
    return { idToken, idTokenSeconds: DEV_ID_TOKEN_SECONDS, refreshToken };
  }

  async exchangeCode(): Promise<SignInTokens> {
    throw new IdentityRejectedError('local mode has no hosted sign-in: use POST /dev/sign-in');
  }

  async refresh(refreshToken: string): Promise<RefreshedTokens> {
    const session = this.sessions.get(refreshToken);
    if (!session || session.endsAt <= Date.now()) {
      this.sessions.delete(refreshToken);
      throw new IdentityRejectedError('invalid_grant');
    }
    // Someone removed from the directory gets no new token (in AWS the directory check happens at each API call).
    const idToken = await signIn(await this.directory.current(), session.email);
    if (!idToken) throw new IdentityRejectedError('invalid_grant');
    return { idToken, idTokenSeconds: DEV_ID_TOKEN_SECONDS };
  }

  async revoke(refreshToken: string): Promise<void> {
    this.sessions.delete(refreshToken);
  }
}
