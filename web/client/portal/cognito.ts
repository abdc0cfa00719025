// Sign-in through Cognito's hosted UI (AWS): authorization code + PKCE; the ID token goes to this tab's session.
import { base64url, PKCE_KEY, randomString, SIGNED_OUT_KEY, TOKEN_KEY } from './session.ts';

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
 * Back from Cognito with ?code=…&state=…: trade the code for tokens, clean the URL, and go on to the page the
 * user wanted. 'none' when this is not a return from the sign-in.
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
  const response = await fetch(`${client.signInUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: client.clientId,
      code: code!,
      redirect_uri: client.redirectUri,
      code_verifier: saved.verifier,
    }),
  }).catch(() => null);
  const tokens = response?.ok ? ((await response.json()) as { id_token?: string }) : null;
  if (!tokens?.id_token) {
    return 'failed';
  }
  // The ID token: its audience is the app client (what the API's JWT authorizer checks) and it names the user.
  sessionStorage.setItem(TOKEN_KEY, tokens.id_token);
  sessionStorage.removeItem(SIGNED_OUT_KEY);
  // On to the page the user asked for before signing in (a report from an alert email, say).
  location.replace(target);
  return 'done';
}
