// The portal's sign-in as it runs in AWS: Cognito's hosted UI, authorization code with PKCE, the code traded by the
// session function (POST /auth/session) for the session cookie. Cognito cannot run here (mock Cognito: no Cognito
// runs here): the browser's trips to the hosted UI (/oauth2/authorize, /logout) are answered by a stand-in in the
// browser, and the session function's calls to /oauth2/token and /oauth2/revoke by a tiny HTTP server that checks
// them as Cognito would (client id, redirect URI, the S256 challenge against the verifier). Everything else is real:
// the page as the cases function renders it in AWS mode (CSP included), the bundled portal script, the session
// function's handler with the Cognito adapter, and the local staff API (the stand-in's ID tokens are local dev
// sign-in tokens, which the local server accepts as API Gateway's JWT authorizer would).
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CognitoIdentityProvider } from '../../core/adapters/cognito/identity-provider.ts';
import { systemClock } from '../../core/app/ports/clock.ts';
import type { HttpEvent } from '../../core/http/event.ts';
import { httpHandler } from '../../core/http/middleware.ts';
import { createSessionHandler } from '../../functions/session/handler.ts';
import { lambdaContext } from '../../local/http-server.ts';
import { portalSignIn, renderPortalPage } from '../../web/pages/portal-page.ts';
import { axeLog, expectAccessible, expectVisible, launchBrowser, openPage, screenshots, textOf } from '../support/browser.ts';
import { signIn, startTestStack, type TestStack } from '../support/local-stack.ts';

const COGNITO = 'https://ekdala-test.auth.eu-north-1.amazoncognito.com';
const CLIENT_ID = '4example0client0id0000000a';

let stack: TestStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[] = [];
let cognitoApi: Server;
const seen = { authorize: [] as URL[], token: [] as URLSearchParams[], revoke: [] as URLSearchParams[], logout: [] as URL[] };

/** Back to the app as Cognito does after sign-in. (A 302 from a routed request is followed by the browser
 * without going through the routes again, so the stand-in navigates with a refresh instead.) */
function redirect(to: string) {
  return { status: 200, contentType: 'text/html', body: `<!doctype html><meta http-equiv="refresh" content="0;url=${to.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">` };
}

/** Cognito's token and revoke endpoints, as the session function calls them. */
async function startCognitoApi(challenge: () => string): Promise<string> {
  const refreshTokens = new Set<string>();
  cognitoApi = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    const form = new URLSearchParams(body);
    const answer = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    if (form.get('client_id') !== CLIENT_ID) return answer(400, { error: 'invalid_client' });
    if (request.url === '/oauth2/revoke') {
      seen.revoke.push(form);
      refreshTokens.delete(form.get('token') ?? '');
      return answer(200, {});
    }
    seen.token.push(form);
    if (form.get('grant_type') === 'authorization_code') {
      const ok =
        form.get('code') === 'the-code' &&
        form.get('redirect_uri') === `${stack.url}/cases` &&
        createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url') === challenge();
      if (!ok) return answer(400, { error: 'invalid_grant' });
      const refreshToken = `cognito-refresh-${seen.token.length}`;
      refreshTokens.add(refreshToken);
      return answer(200, { id_token: await signIn(stack.url, 'sara.lindqvist@ekdala.example'), access_token: 'not-used', refresh_token: refreshToken, token_type: 'Bearer', expires_in: 1800 });
    }
    if (form.get('grant_type') === 'refresh_token' && refreshTokens.has(form.get('refresh_token') ?? '')) {
      return answer(200, { id_token: await signIn(stack.url, 'sara.lindqvist@ekdala.example'), access_token: 'not-used', token_type: 'Bearer', expires_in: 1800 });
    }
    return answer(400, { error: 'invalid_grant' });
  });
  await new Promise<void>((resolve) => cognitoApi.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(cognitoApi.address() as { port: number }).port}`;
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  const env = { ...process.env, LOCAL_MODE: 'false', AUTH_SIGN_IN_URL: COGNITO, AUTH_CLIENT_ID: CLIENT_ID, PUBLIC_URL: stack.url, TABLE_NAME: 't', SENDER_ADDRESS: 'no-reply@example.org' };
  const cognito = portalSignIn(env);
  expect(cognito).toEqual({ mode: 'cognito', signInUrl: COGNITO, clientId: CLIENT_ID, redirectUri: `${stack.url}/cases` });
  let challenge = '';
  const cognitoApiUrl = await startCognitoApi(() => challenge);
  // The session function as in AWS: the Cognito adapter (against the stand-in's token and revoke endpoints).
  const session = httpHandler(
    createSessionHandler(
      () => ({
        identity: new CognitoIdentityProvider({ domainUrl: cognitoApiUrl, clientId: CLIENT_ID }),
        clock: systemClock,
        refreshTokenSeconds: 43_200,
        redirectUri: `${stack.url}/cases`,
        signedOutUrl: `${COGNITO}/logout?${new URLSearchParams({ client_id: CLIENT_ID, logout_uri: `${stack.url}/cases` })}`,
      }),
      { allowedOrigins: () => [stack.url] },
    ),
  );

  ({ context, page, problems } = await openPage(browser));
  // The portal pages as the cases function renders them in AWS (the test process itself runs in local mode).
  await context.route(
    (url) => url.origin === stack.url && (url.pathname === '/cases' || url.pathname.startsWith('/cases/')),
    async (route: Route) => {
      const url = new URL(route.request().url());
      const id = url.pathname.split('/')[2];
      const event = { pathParameters: id ? { id } : undefined, queryStringParameters: Object.fromEntries(url.searchParams) } as unknown as HttpEvent;
      const response = renderPortalPage(event, cognito);
      await route.fulfill({ status: response.statusCode, headers: response.headers, body: String(response.body) });
    },
  );
  // The session routes, answered by the AWS-mode session handler (the local server's own one talks to the dev identity).
  await context.route(
    (url) => url.origin === stack.url && url.pathname.startsWith('/auth/'),
    async (route: Route) => {
      const request = route.request();
      const url = new URL(request.url());
      const headers = await request.allHeaders();
      const routeKey = `${request.method()} ${url.pathname}`;
      const event = {
        version: '2.0',
        routeKey,
        rawPath: url.pathname,
        rawQueryString: '',
        headers,
        cookies: headers.cookie?.split(/;\s*/),
        body: request.postData() ?? undefined,
        isBase64Encoded: false,
        requestContext: { requestId: 'e2e', routeKey, http: { method: request.method(), path: url.pathname, sourceIp: '127.0.0.1' } },
      } as unknown as HttpEvent;
      const result = (await session(event, lambdaContext('session'))) as { statusCode: number; headers: Record<string, string>; body: string; cookies?: string[] };
      await route.fulfill({ status: result.statusCode, headers: { ...result.headers, ...(result.cookies ? { 'set-cookie': result.cookies.join('\n') } : {}) }, body: result.body });
    },
  );
  await context.route(`${COGNITO}/**`, async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/oauth2/authorize') {
      seen.authorize.push(url);
      challenge = url.searchParams.get('code_challenge') ?? '';
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.search = new URLSearchParams({ code: 'the-code', state: url.searchParams.get('state')! }).toString();
      return route.fulfill(redirect(back.toString()));
    }
    if (url.pathname === '/logout') {
      seen.logout.push(url);
      return route.fulfill(redirect(url.searchParams.get('logout_uri')!));
    }
    return route.fulfill({ status: 404, body: '' });
  });
});

afterEach(() => {
  expect(problems).toEqual([]);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.stop();
  await new Promise((resolve) => cognitoApi?.close(resolve));
  console.log(`axe: zero WCAG 2.1 A/AA violations on ${axeLog.length} states: ${axeLog.join('; ')}`);
});

describe('the portal with Cognito (as in AWS; mock Cognito: no Cognito runs here)', () => {
  it('sends an unsigned visitor to the hosted sign-in with PKCE; the session function trades the code; back to the report they wanted', async () => {
    const wanted = '/cases/00000000-0000-4000-8000-000000000000';
    await page.goto(`${stack.url}${wanted}`);
    // Back from the stand-in: the report page (this id does not exist: the portal says so, signed in).
    await textOf(page.locator('h1:visible')).toBe('Anmälan finns inte');
    expect(seen.authorize).toHaveLength(1);
    const authorize = seen.authorize[0]!;
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: `${stack.url}/cases`,
      code_challenge_method: 'S256',
      scope: 'openid email profile',
    });
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(seen.token[0]?.get('grant_type')).toBe('authorization_code');
    // The code is gone from the address bar; no token is where a script (or the URL) could read it.
    expect(new URL(page.url()).pathname).toBe(wanted);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }))).not.toMatch(/ey[A-Za-z0-9_-]{10,}|cognito-refresh/);
    expect(await page.evaluate(() => sessionStorage.getItem('portal-pkce'))).toBeNull();
    const [cookie] = await context.cookies(`${stack.url}/auth/refresh`);
    expect(cookie).toMatchObject({ name: 'portal_session', value: 'cognito-refresh-1', httpOnly: true, secure: true, sameSite: 'Strict', path: '/auth' });
    await expectAccessible(page, 'portal, report not found');
  });

  it('shows the team list from the session, in this tab and a new one, with no second trip to the hosted sign-in', async () => {
    await page.goto(`${stack.url}/cases`);
    await textOf(page.locator('h1:visible')).toBe('Anmälningar till Mottagningsgruppen Norr');
    const other = await context.newPage();
    await other.goto(`${stack.url}/cases`);
    await textOf(other.locator('h1:visible')).toBe('Anmälningar till Mottagningsgruppen Norr');
    await other.close();
    expect(seen.authorize).toHaveLength(1);
    expect(seen.token.filter((form) => form.get('grant_type') === 'refresh_token').length).toBeGreaterThanOrEqual(2);
  });

  it('signs out: revokes the refresh token, then Cognito\'s sign-out, then a sign-in button instead of sending the user straight back', async () => {
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expectVisible(page.locator('#cognito-sign-in'));
    expect(seen.revoke.map((form) => form.get('token'))).toEqual(['cognito-refresh-1']);
    expect(seen.logout).toHaveLength(1);
    expect(Object.fromEntries(seen.logout[0]!.searchParams)).toEqual({ client_id: CLIENT_ID, logout_uri: `${stack.url}/cases` });
    expect(await context.cookies(`${stack.url}/auth/refresh`)).toEqual([]);
    expect(seen.authorize).toHaveLength(1);
    await expectAccessible(page, 'portal sign-in (Cognito)');
    await screenshots(page, 'portal-sign-in-cognito');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await textOf(page.locator('h1:visible')).toBe('Anmälningar till Mottagningsgruppen Norr');
    expect(seen.authorize).toHaveLength(2);
  });

  it('a state that does not match is refused, and no code reaches the session function', async () => {
    const tokenCalls = seen.token.length;
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(`${stack.url}/cases?code=stolen&state=forged`);
    await textOf(page.locator('#cognito-sign-in-error')).toContain('avbröts');
    expect(seen.token.length).toBe(tokenCalls);
    expect(new URL(page.url()).search).toBe('');
  });
});
