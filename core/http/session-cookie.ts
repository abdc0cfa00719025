// The portal session's cookie, in one place (the session function, and local mode's dev sign-in): the refresh token,
// HttpOnly (no script reads it), Secure, SameSite=Strict, and sent only to the session routes under /auth.
import type { HttpEvent } from './event.ts';

export const SESSION_COOKIE = 'portal_session';
/** Every session route lives under this path, and the cookie is sent to nothing else (not to the API, not to pages). */
export const SESSION_PATH = '/auth';

/** The Set-Cookie value that keeps a refresh token for its lifetime. */
export function sessionCookie(refreshToken: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(refreshToken)}; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}; Path=${SESSION_PATH}; HttpOnly; Secure; SameSite=Strict`;
}

/** The Set-Cookie value that makes the browser drop the cookie. */
export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Max-Age=0; Path=${SESSION_PATH}; HttpOnly; Secure; SameSite=Strict`;
}

/** The refresh token from the request's cookies (API Gateway v2 hands them over as `cookies`), if any. */
export function sessionCookieValue(event: Pick<HttpEvent, 'cookies' | 'headers'>): string | undefined {
  const pairs = event.cookies ?? event.headers?.cookie?.split(/;\s*/) ?? [];
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === SESSION_COOKIE) {
      const value = pair.slice(at + 1).trim();
      try {
        return value ? decodeURIComponent(value) : undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
