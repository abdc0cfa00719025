// The Cognito adapter (core/adapters/cognito) over HTTP against a tiny local server that plays Cognito's
// /oauth2/token and /oauth2/revoke as documented (form posts with client_id, JSON answers, {error} on 400).
import { createServer, type Server } from 'node:http';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoIdentityProvider } from '../../core/adapters/cognito/identity-provider.ts';
import { IdentityRejectedError, IdentityUnavailableError } from '../../core/app/ports/identity-provider.ts';

const CLIENT_ID = 'portal-client';
let server: Server;
let base = '';
const requests: Array<{ path: string; form: URLSearchParams; contentType: string }> = [];
const refreshTokens = new Set<string>();
let mode: 'ok' | 'down' | 'slow' = 'ok';

async function idToken(seconds: number): Promise<string> {
  return new SignJWT({ email: 'sara.lindqvist@ekdala.example', email_verified: true }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(Math.floor(Date.now() / 1000) + seconds).sign(new Uint8Array(32));
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    const form = new URLSearchParams(body);
    requests.push({ path: request.url ?? '', form, contentType: request.headers['content-type'] ?? '' });
    const answer = (status: number, value?: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(value === undefined ? '' : JSON.stringify(value));
    };
    if (mode === 'down') return answer(500, { error: 'internal' });
    if (mode === 'slow') return setTimeout(() => answer(200, {}), 2000);
    if (form.get('client_id') !== CLIENT_ID) return answer(400, { error: 'invalid_client' });
    if (request.url === '/oauth2/token' && form.get('grant_type') === 'authorization_code') {
      if (form.get('code') !== 'good-code' || form.get('code_verifier') !== 'v'.repeat(43)) return answer(400, { error: 'invalid_grant' });
      refreshTokens.add('the-refresh-token');
      // expires_in is the access token's; the ID token's own exp says 1800 s.
      return answer(200, { id_token: await idToken(1800), access_token: 'a', refresh_token: 'the-refresh-token', expires_in: 3600, token_type: 'Bearer' });
    }
    if (request.url === '/oauth2/token' && form.get('grant_type') === 'refresh_token') {
      if (!refreshTokens.has(form.get('refresh_token') ?? '')) return answer(400, { error: 'invalid_grant' });
      return answer(200, { id_token: await idToken(1800), access_token: 'a', expires_in: 3600, token_type: 'Bearer' });
    }
    if (request.url === '/oauth2/revoke') {
      refreshTokens.delete(form.get('token') ?? '');
      return answer(200);
    }
    answer(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the Cognito identity provider (mock Cognito: no Cognito runs here)', () => {
  it('exchanges the code with PKCE, refreshes, revokes; then the refresh token is refused', async () => {
    mode = 'ok';
    const cognito = new CognitoIdentityProvider({ domainUrl: `${base}/`, clientId: CLIENT_ID });
    const tokens = await cognito.exchangeCode({ code: 'good-code', codeVerifier: 'v'.repeat(43), redirectUri: 'https://portal.example/cases' });
    expect(tokens.refreshToken).toBe('the-refresh-token');
    expect(tokens.idToken).toMatch(/^ey/);
    expect(tokens.idTokenSeconds).toBeGreaterThan(1790);
    expect(tokens.idTokenSeconds).toBeLessThanOrEqual(1800);
    const sent = requests.at(-1)!;
    expect(sent.contentType).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(sent.form)).toEqual({
      grant_type: 'authorization_code',
      code: 'good-code',
      code_verifier: 'v'.repeat(43),
      redirect_uri: 'https://portal.example/cases',
      client_id: CLIENT_ID,
    });

    expect((await cognito.refresh('the-refresh-token')).idToken).toMatch(/^ey/);
    expect(Object.fromEntries(requests.at(-1)!.form)).toEqual({ grant_type: 'refresh_token', refresh_token: 'the-refresh-token', client_id: CLIENT_ID });
    await cognito.revoke('the-refresh-token');
    expect(requests.at(-1)!.path).toBe('/oauth2/revoke');
    expect(Object.fromEntries(requests.at(-1)!.form)).toEqual({ token: 'the-refresh-token', client_id: CLIENT_ID });
    await expect(cognito.refresh('the-refresh-token')).rejects.toThrow(IdentityRejectedError);
    await expect(cognito.refresh('the-refresh-token')).rejects.toThrow(/invalid_grant/);
  });

  it('a refused code is a rejection; a 5xx, a timeout or no server at all is an outage', async () => {
    mode = 'ok';
    const cognito = new CognitoIdentityProvider({ domainUrl: base, clientId: CLIENT_ID, timeoutMs: 500 });
    await expect(cognito.exchangeCode({ code: 'bad', codeVerifier: 'v'.repeat(43), redirectUri: 'x' })).rejects.toBeInstanceOf(IdentityRejectedError);
    mode = 'down';
    await expect(cognito.refresh('t')).rejects.toBeInstanceOf(IdentityUnavailableError);
    mode = 'slow';
    await expect(cognito.refresh('t')).rejects.toBeInstanceOf(IdentityUnavailableError);
    mode = 'ok';
    const nowhere = new CognitoIdentityProvider({ domainUrl: 'http://127.0.0.1:9', clientId: CLIENT_ID, timeoutMs: 500 });
    await expect(nowhere.revoke('t')).rejects.toBeInstanceOf(IdentityUnavailableError);
  });
});
