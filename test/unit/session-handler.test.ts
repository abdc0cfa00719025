// The session function's handler (functions/session) over an in-memory identity provider: the cookie's exact
// attributes, the page's answer (ID token only), the cross-site guard, 401 with the cookie cleared, 503 on an outage.
import { describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../core/http/event.ts';
import { httpHandler } from '../../core/http/middleware.ts';
import { SESSION_COOKIE } from '../../core/http/session-cookie.ts';
import { createSessionHandler } from '../../functions/session/handler.ts';
import { lambdaContext } from '../../local/http-server.ts';
import { fixedClock, MemoryIdentityProvider } from '../support/fakes/index.ts';

const PORTAL = 'https://portal.example/cases';
const VERIFIER = 'v'.repeat(43);

function setUp() {
  const identity = new MemoryIdentityProvider();
  const handler = httpHandler(
    createSessionHandler(
      () => ({ identity, clock: fixedClock(new Date('2026-11-30T08:00:00Z')), refreshTokenSeconds: 43_200, redirectUri: PORTAL, signedOutUrl: 'https://sign-in.example/logout?client_id=c' }),
      { allowedOrigins: () => ['https://portal.example'] },
    ),
  );
  const call = async (path: string, options: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {}) => {
    const event = {
      version: '2.0',
      routeKey: `POST ${path}`,
      rawPath: path,
      rawQueryString: '',
      headers: { 'content-type': 'application/json', origin: 'https://portal.example', ...options.headers },
      cookies: options.cookie ? [options.cookie] : undefined,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      isBase64Encoded: false,
      requestContext: { requestId: 'r', routeKey: `POST ${path}`, http: { method: 'POST', path, sourceIp: '127.0.0.1' } },
    } as unknown as HttpEvent;
    const result = (await handler(event, lambdaContext('session'))) as { statusCode: number; headers: Record<string, string>; body: string; cookies?: string[] };
    return { ...result, json: JSON.parse(result.body) as Record<string, any> };
  };
  return { identity, call };
}

const cookieValue = (setCookie: string) => setCookie.split(';')[0]!;

describe('the session routes', () => {
  it('POST /auth/session sets the refresh token as HttpOnly; Secure; SameSite=Strict; Path=/auth for a working day, and answers the ID token only', async () => {
    const { identity, call } = setUp();
    identity.issueCode('the-code', VERIFIER, PORTAL);
    const answer = await call('/auth/session', { body: { code: 'the-code', codeVerifier: VERIFIER, redirectUri: PORTAL } });
    expect(answer.statusCode).toBe(200);
    expect(answer.json).toEqual({ idToken: 'id-1-sara.lindqvist@ekdala.example', expiresAt: '2026-11-30T08:30:00.000Z' });
    expect(answer.cookies).toEqual([`${SESSION_COOKIE}=refresh-1; Max-Age=43200; Path=/auth; HttpOnly; Secure; SameSite=Strict`]);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.body).not.toContain('refresh-1');
  });

  it('POST /auth/refresh answers a fresh ID token from the cookie; after sign-out 401 with a clear message and the cookie cleared', async () => {
    const { identity, call } = setUp();
    identity.issueCode('c', VERIFIER, PORTAL);
    const started = await call('/auth/session', { body: { code: 'c', codeVerifier: VERIFIER, redirectUri: PORTAL } });
    const cookie = cookieValue(started.cookies![0]!);
    const refreshed = await call('/auth/refresh', { cookie });
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json.idToken).toMatch(/^id-2-/);
    expect(refreshed.cookies).toBeUndefined();

    const signedOut = await call('/auth/sign-out', { cookie });
    expect(signedOut.statusCode).toBe(200);
    expect(signedOut.json).toEqual({ next: 'https://sign-in.example/logout?client_id=c' });
    expect(signedOut.cookies).toEqual([`${SESSION_COOKIE}=; Max-Age=0; Path=/auth; HttpOnly; Secure; SameSite=Strict`]);
    expect(identity.revoked).toEqual(['refresh-1']);

    const after = await call('/auth/refresh', { cookie });
    expect(after.statusCode).toBe(401);
    expect(after.json.message).toMatch(/session has ended/);
    expect(after.json.errors).toEqual([{ path: 'session', message: after.json.message }]);
    expect(after.cookies).toEqual([`${SESSION_COOKIE}=; Max-Age=0; Path=/auth; HttpOnly; Secure; SameSite=Strict`]);
    const none = await call('/auth/refresh');
    expect(none.statusCode).toBe(401);
    expect(none.json.message).toMatch(/not signed in/);
  });

  it('refuses cross-site use: another Origin (403), a content type a form could send (415)', async () => {
    const { identity, call } = setUp();
    identity.refreshTokens.set('t', 'sara.lindqvist@ekdala.example');
    const foreign = await call('/auth/refresh', { cookie: `${SESSION_COOKIE}=t`, headers: { origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json.errors[0].path).toBe('Origin');
    const form = await call('/auth/sign-out', { cookie: `${SESSION_COOKIE}=t`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.statusCode).toBe(415);
    expect(form.json.errors[0].path).toBe('Content-Type');
    expect(identity.revoked).toEqual([]);
    // No Origin at all (not a browser): allowed, the content type still required.
    expect((await call('/auth/refresh', { cookie: `${SESSION_COOKIE}=t`, headers: { origin: undefined as unknown as string } })).statusCode).toBe(200);
  });

  it('names the wrong field of POST /auth/session (zod), and a refused code', async () => {
    const { call } = setUp();
    const missing = await call('/auth/session', { body: { code: 'c', redirectUri: PORTAL } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json.errors.map((e: { path: string }) => e.path)).toEqual(['codeVerifier']);
    const refused = await call('/auth/session', { body: { code: 'never-issued', codeVerifier: VERIFIER, redirectUri: PORTAL } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json.errors[0].path).toBe('code');
    expect(refused.cookies).toBeUndefined();
  });

  it('answers 503 with Retry-After when the identity provider is down, and keeps the cookie (sign-out can be tried again)', async () => {
    const { identity, call } = setUp();
    identity.refreshTokens.set('t', 'sara.lindqvist@ekdala.example');
    identity.down = true;
    for (const path of ['/auth/refresh', '/auth/sign-out']) {
      const answer = await call(path, { cookie: `${SESSION_COOKIE}=t` });
      expect(answer.statusCode).toBe(503);
      expect(answer.headers['retry-after']).toBeDefined();
      expect(answer.cookies).toBeUndefined();
    }
    expect(identity.refreshTokens.has('t')).toBe(true);
  });
});
