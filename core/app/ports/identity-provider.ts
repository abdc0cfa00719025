// The identity provider port: the three OAuth2 calls the portal's session needs (Cognito's token and revoke
// endpoints in AWS, the dev identity locally). It only proves who someone is; the directory decides what they see.

/** What a sign-in yields: the short-lived ID token for the API, the long-lived refresh token for the cookie. */
export interface SignInTokens {
  idToken: string;
  /** Seconds the ID token is valid for, from now. */
  idTokenSeconds: number;
  refreshToken: string;
}

/** A fresh ID token from a refresh token. */
export interface RefreshedTokens {
  idToken: string;
  idTokenSeconds: number;
}

export interface IdentityProvider {
  /** Authorization code + PKCE verifier → tokens (grant_type=authorization_code). */
  exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<SignInTokens>;
  /** A fresh ID token (grant_type=refresh_token). */
  refresh(refreshToken: string): Promise<RefreshedTokens>;
  /** Ends the refresh token (and the ID tokens issued from it) for good. */
  revoke(refreshToken: string): Promise<void>;
}

/** The provider refused the code or token: expired, revoked, already used, or not its own. The user signs in again. */
export class IdentityRejectedError extends Error {
  constructor(reason: string) {
    super(`the identity provider refused: ${reason}`);
    this.name = 'IdentityRejectedError';
  }
}

/** The provider cannot be reached or answered with a server error: nothing changed; try again. */
export class IdentityUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the identity provider is unavailable', { cause });
    this.name = 'IdentityUnavailableError';
  }
}
