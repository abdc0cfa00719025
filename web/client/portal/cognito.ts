// Sign-in through Cognito's hosted UI (AWS): authorization code + PKCE. The browser keeps only the PKCE values (in
// this tab's sessionStorage, for the round trip); the session function trades the code for tokens, keeps the refresh
// token in its HttpOnly cookie and answers the ID token, which stays in memory (web/client/session.ts).
import { adopt } from '../session.ts';

const PKCE_KEY = 'portal-pkce';
/** Set on sign-out, so the portal offers a sign-in button instead of sending the user straight back to Cognito. */
export const SIGNED_OUT_KEY = 'portal-signed-out';

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const randomString = (size = 32) => base64url(crypto.getRandomValues(new Uint8Array(size)));

/** The app client, from the portal page's data attributes. */
export interface CognitoClient {
  clientId: string;
  redirectUri: string;
  signInUrl: string;
}

/** Off to Cognito's hosted sign-in with authorization code + PKCE, remembering where the user wanted to go. */
export async function startHostedSignIn(client: CognitoClient): Promise<void> {
  const verifier = randomString(48);
  const state = randomString(16);
  const returnTo = location.pathname + location.search;
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, returnTo }));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope: 'openid email profile',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  location.assign(`${client.signInUrl}/oauth2/authorize?${params}`);
}

/**
 * Back from Cognito with ?code=…&state=…: the session function trades the code for the session, the URL is cleaned,
 * and the user goes on to the page they wanted. 'none' when this is not a return from the sign-in.
 */
export async function finishHostedSignIn(client: CognitoClient): Promise<'none' | 'aborted' | 'failed' | 'done'> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const error = params.get('error');
  if (!code && !error) return 'none';
  const saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) ?? 'null') as { verifier: string; state: string; returnTo: string } | null;
  sessionStorage.removeItem(PKCE_KEY);
  const target = saved?.returnTo && /^\/cases(\/|\?|$)/.test(saved.returnTo) ? saved.returnTo : '/cases';
  // The code leaves the address bar (and the history) at once.
  history.replaceState(null, '', '/cases');
  if (error || !saved || params.get('state') !== saved.state) {
    return 'aborted';
  }
  const response = await fetch('/auth/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ code, codeVerifier: saved.verifier, redirectUri: client.redirectUri }),
  }).catch(() => null);
  const session = response?.ok ? ((await response.json()) as { idToken?: string; expiresAt?: string }) : null;
  if (!session?.idToken) {
    return 'failed';
  }
  adopt(session.idToken, session.expiresAt);
  sessionStorage.removeItem(SIGNED_OUT_KEY);
  // On to the page the user asked for before signing in (a report from an alert email, say): signed in at once there,
  // from the cookie.
  location.replace(target);
  return 'done';
}
