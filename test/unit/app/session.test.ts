// The portal's session use cases over an in-memory identity provider: no Cognito.
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../core/app/errors.ts';
import { IdentityUnavailableError } from '../../../core/app/ports/identity-provider.ts';
import { endSession } from '../../../core/app/session/end-session.ts';
import { refreshSession } from '../../../core/app/session/refresh-session.ts';
import { SessionEndedError, type SessionDependencies } from '../../../core/app/session/session.ts';
import { startSession } from '../../../core/app/session/start-session.ts';
import { fixedClock, MemoryIdentityProvider } from '../../support/fakes/index.ts';

const NOW = new Date('2026-11-30T08:00:00Z');
const PORTAL = 'https://portal.example/cases';
const VERIFIER = 'v'.repeat(43);

function dependencies(): SessionDependencies & { identity: MemoryIdentityProvider } {
  return { identity: new MemoryIdentityProvider(), clock: fixedClock(NOW), refreshTokenSeconds: 43_200, redirectUri: PORTAL, signedOutUrl: 'https://sign-in.example/logout' };
}

async function invalidPaths(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidInputError);
  return (error as InvalidInputError).errors.map((e) => e.path);
}

describe('starting a session', () => {
  it('trades the code for the ID token (with its expiry) for the page and the refresh token for the cookie', async () => {
    const deps = dependencies();
    deps.identity.issueCode('the-code', VERIFIER, PORTAL);
    const started = await startSession(deps, { code: 'the-code', codeVerifier: VERIFIER, redirectUri: PORTAL });
    expect(started.page).toEqual({ idToken: 'id-1-sara.lindqvist@ekdala.example', expiresAt: '2026-11-30T08:30:00.000Z' });
    expect(started.refreshToken).toBe('refresh-1');
    expect(started.refreshTokenSeconds).toBe(43_200);
    // The page's part never carries the refresh token.
    expect(JSON.stringify(started.page)).not.toContain('refresh');
  });

  it('names the field that is wrong: missing code, a verifier that is not PKCE, another redirect URI', async () => {
    const deps = dependencies();
    expect(await invalidPaths(startSession(deps, { codeVerifier: VERIFIER, redirectUri: PORTAL }))).toEqual(['code']);
    expect(await invalidPaths(startSession(deps, { code: 'c', codeVerifier: 'short', redirectUri: PORTAL }))).toEqual(['codeVerifier']);
    expect(await invalidPaths(startSession(deps, { code: 'c', codeVerifier: VERIFIER, redirectUri: 'https://evil.example/cases' }))).toEqual(['redirectUri']);
    expect(await invalidPaths(startSession(deps, 'not an object'))).toEqual(['']);
  });

  it('a refused code (wrong verifier, used twice) is a 400 on the code; an outage is not', async () => {
    const deps = dependencies();
    deps.identity.issueCode('the-code', VERIFIER, PORTAL);
    expect(await invalidPaths(startSession(deps, { code: 'the-code', codeVerifier: 'w'.repeat(43), redirectUri: PORTAL }))).toEqual(['code']);
    expect(await invalidPaths(startSession(deps, { code: 'the-code', codeVerifier: VERIFIER, redirectUri: PORTAL }))).toEqual(['code']);
    deps.identity.issueCode('another', VERIFIER, PORTAL);
    deps.identity.down = true;
    await expect(startSession(deps, { code: 'another', codeVerifier: VERIFIER, redirectUri: PORTAL })).rejects.toBeInstanceOf(IdentityUnavailableError);
  });
});

describe('refreshing and ending a session', () => {
  it('refreshes from the cookie until sign-out revokes it; then the session has ended', async () => {
    const deps = dependencies();
    deps.identity.issueCode('c', VERIFIER, PORTAL);
    const { refreshToken } = await startSession(deps, { code: 'c', codeVerifier: VERIFIER, redirectUri: PORTAL });
    const refreshed = await refreshSession(deps, refreshToken);
    expect(refreshed.idToken).toMatch(/^id-2-/);
    expect(refreshed.expiresAt).toBe('2026-11-30T08:30:00.000Z');
    expect(await endSession(deps, refreshToken)).toEqual({ next: 'https://sign-in.example/logout' });
    expect(deps.identity.revoked).toEqual([refreshToken]);
    await expect(refreshSession(deps, refreshToken)).rejects.toBeInstanceOf(SessionEndedError);
  });

  it('no cookie: the session has ended; signing out without one (or twice) still answers where to go', async () => {
    const deps = dependencies();
    await expect(refreshSession(deps, undefined)).rejects.toThrow(/not signed in/);
    expect(await endSession(deps, undefined)).toEqual({ next: 'https://sign-in.example/logout' });
    expect(await endSession(deps, 'unknown-token')).toEqual({ next: 'https://sign-in.example/logout' });
  });

  it('an outage is an outage (503), not a signed-out user', async () => {
    const deps = dependencies();
    deps.identity.issueCode('c', VERIFIER, PORTAL);
    const { refreshToken } = await startSession(deps, { code: 'c', codeVerifier: VERIFIER, redirectUri: PORTAL });
    deps.identity.down = true;
    await expect(refreshSession(deps, refreshToken)).rejects.toBeInstanceOf(IdentityUnavailableError);
    await expect(endSession(deps, refreshToken)).rejects.toBeInstanceOf(IdentityUnavailableError);
    deps.identity.down = false;
    expect((await refreshSession(deps, refreshToken)).idToken).toMatch(/^id-/);
  });
});
