// An in-memory identity provider (the port Cognito fills in AWS): codes and refresh tokens it issued, revocation,
// and an outage switch.
import { IdentityRejectedError, IdentityUnavailableError, type IdentityProvider, type RefreshedTokens, type SignInTokens } from '../../../core/app/ports/identity-provider.ts';

export class MemoryIdentityProvider implements IdentityProvider {
  /** code → the verifier and redirect URI it was issued for. */
  readonly codes = new Map<string, { codeVerifier: string; redirectUri: string; email: string }>();
  readonly refreshTokens = new Map<string, string>();
  readonly revoked: string[] = [];
  down = false;
  private issued = 0;

  issueCode(code: string, codeVerifier: string, redirectUri: string, email = 'sara.lindqvist@ekdala.example'): void {
    this.codes.set(code, { codeVerifier, redirectUri, email });
  }

  async exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<SignInTokens> {
    this.failIfDown();
    const issued = this.codes.get(input.code);
    this.codes.delete(input.code); // a code works once
    if (!issued || issued.codeVerifier !== input.codeVerifier || issued.redirectUri !== input.redirectUri) throw new IdentityRejectedError('invalid_grant');
    const refreshToken = `refresh-${++this.issued}`;
    this.refreshTokens.set(refreshToken, issued.email);
    return { idToken: `id-${this.issued}-${issued.email}`, idTokenSeconds: 1800, refreshToken };
  }

  async refresh(refreshToken: string): Promise<RefreshedTokens> {
    this.failIfDown();
    const email = this.refreshTokens.get(refreshToken);
    if (!email) throw new IdentityRejectedError('invalid_grant');
    return { idToken: `id-${++this.issued}-${email}`, idTokenSeconds: 1800 };
  }

  async revoke(refreshToken: string): Promise<void> {
    this.failIfDown();
    if (!this.refreshTokens.delete(refreshToken)) throw new IdentityRejectedError('invalid_request');
    this.revoked.push(refreshToken);
  }

  private failIfDown(): void {
    if (this.down) throw new IdentityUnavailableError(new Error('down'));
  }
}
