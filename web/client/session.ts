// The staff session in the browser, one module for the portal, /admin and /stats (DESIGN.md "Sessions"). The ID
// token lives in this module's memory only (never in sessionStorage, localStorage or a URL); the refresh token is in
// an HttpOnly cookie that only the /auth routes see. On page load a tab asks /auth/refresh, so a tab opened from an
// alert link is signed in at once; the token is renewed shortly before it expires and once on a 401 from the API.
// Signing out tells the other tabs (BroadcastChannel), which drop their token and show the signed-out state.
import { ApiError } from './portal/api-error.ts';

const CHANNEL = 'portal-session';
/** Renew this long before the ID token expires (and treat it as expired from then on). */
const RENEW_BEFORE_MS = 60_000;

let held: { idToken: string; expiresAtMs: number } | null = null;
let pending: Promise<string | null> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
const signedOutListeners = new Set<() => void>();
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
channel?.addEventListener('message', (event: MessageEvent) => {
  if (event.data !== 'signed-out') return;
  forget();
  for (const listener of signedOutListeners) listener();
});

/** The JWT's claims (not verified: the API does that); null when it is not a JWT. */
export function tokenClaims(token: string): Record<string, unknown> | null {
  try {
    const part = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(part.padEnd(Math.ceil(part.length / 4) * 4, '=')), (c) => c.charCodeAt(0)));
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Who is signed in (the token's verified email), or '' when no one is. */
export function signedInEmail(): string {
  const claims = held ? tokenClaims(held.idToken) : null;
  return String(claims?.email ?? claims?.sub ?? '').toLowerCase();
}

/** Hold a fresh ID token (from /auth/session, /auth/refresh or the local dev sign-in) and renew it before it expires. */
export function adopt(idToken: string, expiresAt?: string): void {
  // The token's lifetime (exp - iat) counted on this machine's clock, so a clock that is off does not make every token
  // look expired (or renew in a loop); the server's expiresAt only when the token does not say.
  const claims = tokenClaims(idToken);
  const lifetimeMs =
    typeof claims?.exp === 'number' && typeof claims.iat === 'number'
      ? (claims.exp - claims.iat) * 1000
      : expiresAt
        ? Date.parse(expiresAt) - Date.now()
        : 5 * 60_000;
  const expiresAtMs = Date.now() + lifetimeMs;
  held = { idToken, expiresAtMs };
  clearTimeout(timer);
  // Renewed a minute before; never more often than every ten seconds, whatever the token says.
  timer = setTimeout(() => void refresh().catch(() => undefined), Math.max(10_000, lifetimeMs - RENEW_BEFORE_MS));
}

function forget(): void {
  held = null;
  clearTimeout(timer);
}

async function postSession(path: string): Promise<Response> {
  try {
    // The cookie goes along by itself (same origin, Path=/auth); the JSON content type is what the routes require.
    return await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: '{}', signal: AbortSignal.timeout(20_000) });
  } catch {
    throw new ApiError(0, { message: 'Ingen kontakt med servern. Kontrollera anslutningen och försök igen.' });
  }
}

/**
 * A fresh ID token from the session cookie: the token, or null when there is no session (never signed in, expired,
 * signed out). An outage throws an ApiError (503, or 0 for no contact). Calls at the same time share one request.
 */
export function refresh(): Promise<string | null> {
  pending ??= (async () => {
    try {
      const response = await postSession('/auth/refresh');
      const body = (await response.json().catch(() => null)) as { idToken?: string; expiresAt?: string; message?: string } | null;
      if (response.ok && body?.idToken) {
        adopt(body.idToken, body.expiresAt);
        return body.idToken;
      }
      if (response.status === 401) {
        forget();
        return null;
      }
      throw new ApiError(response.status, body);
    } finally {
      pending = null;
    }
  })();
  return pending;
}

/** The ID token to call the API with, renewed first when it is about to expire; null when not signed in. */
export async function currentToken(): Promise<string | null> {
  if (held && held.expiresAtMs - Date.now() > RENEW_BEFORE_MS) return held.idToken;
  return refresh();
}

/**
 * fetch with the session's bearer token; on a 401 the token is renewed once and the call made again (the token may
 * have expired in a sleeping laptop). ApiError(401) when there is no session at all.
 */
export async function fetchWithSession(path: string, init: RequestInit = {}): Promise<Response> {
  const call = (token: string) => fetch(path, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${token}` } });
  const token = await currentToken();
  if (!token) throw new ApiError(401, null);
  const response = await call(token);
  if (response.status !== 401) return response;
  forget();
  const renewed = await refresh();
  return renewed ? call(renewed) : response;
}

/**
 * Sign out everywhere: the server revokes the refresh token and clears the cookie, every tab of this browser drops
 * its token. Answers where the browser goes next (Cognito's sign-out page in AWS, the portal locally).
 */
export async function signOut(): Promise<string> {
  const response = await postSession('/auth/sign-out');
  const body = (await response.json().catch(() => null)) as { next?: string; message?: string } | null;
  if (!response.ok) throw new ApiError(response.status, body);
  forget();
  channel?.postMessage('signed-out');
  return body?.next ?? '/cases';
}

/** Called when another tab signed out (this tab's token is already dropped). */
export function onSignedOutElsewhere(listener: () => void): void {
  signedOutListeners.add(listener);
}
