// The identity provider port over Cognito's OAuth2 endpoints on the user pool's domain (/oauth2/token,
// /oauth2/revoke), with fetch: the portal's app client is a public client (PKCE, no secret), so the calls carry only
// its client id. Cognito's answers are checked with zod; a refusal (4xx) and an outage (no answer, 5xx, 429) are
// told apart, so the user is asked to sign in again only when signing in again helps.
import { decodeJwt } from 'jose';
import * as z from 'zod/mini';
import { IdentityRejectedError, IdentityUnavailableError, type IdentityProvider, type RefreshedTokens, type SignInTokens } from '../../app/ports/identity-provider.ts';

export interface CognitoIdentityOptions {
  /** The user pool domain's base URL: https://<prefix>.auth.<region>.amazoncognito.com (or a custom domain). */
  domainUrl: string;
  clientId: string;
  /** @default 5000: API Gateway waits 30 s for the function, the user less. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const tokenAnswer = z.object({
  id_token: z.string().check(z.minLength(1)),
  refresh_token: z.optional(z.string().check(z.minLength(1))),
  expires_in: z.optional(z.number()),
});
const errorAnswer = z.object({ error: z.string() });

export class CognitoIdentityProvider implements IdentityProvider {
  private readonly base: string;
  private readonly fetch: typeof fetch;
  private readonly options: CognitoIdentityOptions;

  constructor(options: CognitoIdentityOptions) {
    this.options = options;
    this.base = options.domainUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<SignInTokens> {
    const tokens = await this.token({ grant_type: 'authorization_code', code: input.code, code_verifier: input.codeVerifier, redirect_uri: input.redirectUri });
    if (!tokens.refresh_token) throw new IdentityUnavailableError(new Error('Cognito answered the code without a refresh token'));
    return { idToken: tokens.id_token, idTokenSeconds: idTokenSeconds(tokens.id_token, tokens.expires_in), refreshToken: tokens.refresh_token };
  }

  async refresh(refreshToken: string): Promise<RefreshedTokens> {
    const tokens = await this.token({ grant_type: 'refresh_token', refresh_token: refreshToken });
    return { idToken: tokens.id_token, idTokenSeconds: idTokenSeconds(tokens.id_token, tokens.expires_in) };
  }

  async revoke(refreshToken: string): Promise<void> {
    await this.post('/oauth2/revoke', { token: refreshToken });
  }

  private async token(params: Record<string, string>) {
    const body = await this.post('/oauth2/token', params);
    const parsed = tokenAnswer.safeParse(body);
    if (!parsed.success) throw new IdentityUnavailableError(new Error('Cognito answered the token request without an ID token'));
    return parsed.data;
  }

  /** A form POST with the client id; the JSON answer, or the error that says whether to sign in again or retry. */
  private async post(path: string, params: Record<string, string>): Promise<unknown> {
    let response: Response;
    try {
      response = await this.fetch(`${this.base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ ...params, client_id: this.options.clientId }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
    } catch (error) {
      throw new IdentityUnavailableError(error);
    }
    const text = await response.text().catch(() => '');
    const json = parseJson(text);
    if (response.ok) return json;
    if (response.status >= 500 || response.status === 429) throw new IdentityUnavailableError(new Error(`Cognito ${path} answered ${response.status}`));
    // invalid_grant (expired, revoked, used), invalid_request, unauthorized_client…: only the error code, never the token.
    const code = errorAnswer.safeParse(json);
    throw new IdentityRejectedError(code.success ? code.data.error : `HTTP ${response.status}`);
  }
}

/** The ID token's own lifetime (its exp claim; Cognito's expires_in is the access token's), never below zero. */
function idTokenSeconds(idToken: string, fallback: number | undefined): number {
  try {
    const { exp } = decodeJwt(idToken);
    if (typeof exp === 'number') return Math.max(0, exp - Math.floor(Date.now() / 1000));
  } catch {
    // not a JWT we can read: trust expires_in
  }
  return fallback ?? 0;
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}
