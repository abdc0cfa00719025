// The sign-in session in this tab: the token in sessionStorage (never in a URL), its claims, PKCE values.
export const TOKEN_KEY = 'portal-token';
export const PKCE_KEY = 'portal-pkce';
export const SIGNED_OUT_KEY = 'portal-signed-out';

export function tokenClaims(token: string): Record<string, unknown> | null {
  try {
    const part = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(part.padEnd(Math.ceil(part.length / 4) * 4, '=')), (c) => c.charCodeAt(0)));
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return null;
  }
}
export function storedToken(): string | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  const exp = tokenClaims(token)?.exp;
  if (typeof exp === 'number' && exp * 1000 < Date.now() + 30_000) {
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return token;
}

export const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
export const randomString = (size = 32) => base64url(crypto.getRandomValues(new Uint8Array(size)));

