// The portal's sign-in as it runs in AWS: Cognito's hosted UI, authorization code with PKCE. Cognito cannot
// run here, so the browser's requests to its two endpoints (/oauth2/authorize, /oauth2/token, /logout) are
// answered by a stand-in that checks what the portal sends as Cognito would (state, S256 challenge, the
// verifier, the registered redirect URI). Everything else is real: the page as the cases function renders it
// in AWS mode (CSP included), the bundled portal script, the local staff API (the stand-in's ID token is
// one of the local dev sign-in, which the local server accepts as API Gateway's JWT authorizer would).
import { createHash } from 'node:crypto';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../core/http/event.ts';
import { portalSignIn, renderPortalPage } from '../../web/pages/portal-page.ts';
import { axeLog, expectAccessible, expectVisible, launchBrowser, screenshots, textOf, watchProblems } from '../support/browser.ts';
import { signIn, startTestStack, type TestStack } from '../support/local-stack.ts';

const COGNITO = 'https://ekdala-test.auth.eu-north-1.amazoncognito.com';
const CLIENT_ID = '4example0client0id0000000a';

let stack: TestStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[] = [];
const seen = { authorize: [] as URL[], token: [] as URLSearchParams[], logout: [] as URL[] };

/** Back to the app as Cognito does after sign-in. (A 302 from a routed request is followed by the browser
 * without going through the routes again, so the stand-in navigates with a refresh instead.) */
function redirect(to: string) {
  return { status: 200, contentType: 'text/html', body: `<!doctype html><meta http-equiv="refresh" content="0;url=${to.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">` };
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  const env = { ...process.env, LOCAL_MODE: 'false', AUTH_SIGN_IN_URL: COGNITO, AUTH_CLIENT_ID: CLIENT_ID, PUBLIC_URL: stack.url, TABLE_NAME: 't', SENDER_ADDRESS: 'no-reply@example.org' };
  const cognito = portalSignIn(env);
  expect(cognito).toEqual({ mode: 'cognito', signInUrl: COGNITO, clientId: CLIENT_ID, redirectUri: `${stack.url}/cases` });
  const devToken = await signIn(stack.url, 'sara.lindqvist@ekdala.example');

  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
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
  let challenge = '';
  await context.route(`${COGNITO}/**`, async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/oauth2/authorize') {
      seen.authorize.push(url);
      challenge = url.searchParams.get('code_challenge') ?? '';
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.search = new URLSearchParams({ code: 'the-code', state: url.searchParams.get('state')! }).toString();
      return route.fulfill(redirect(back.toString()));
    }
    if (url.pathname === '/oauth2/token') {
      const form = new URLSearchParams(route.request().postData() ?? '');
      seen.token.push(form);
      const verifier = form.get('code_verifier') ?? '';
      const ok =
        form.get('grant_type') === 'authorization_code' &&
        form.get('code') === 'the-code' &&
        form.get('client_id') === CLIENT_ID &&
        form.get('redirect_uri') === `${stack.url}/cases` &&
        createHash('sha256').update(verifier).digest('base64url') === challenge;
      return route.fulfill({
        status: ok ? 200 : 400,
        headers: { 'content-type': 'application/json', 'access-control-allow-origin': stack.url },
        body: JSON.stringify(ok ? { id_token: devToken, access_token: 'not-used', token_type: 'Bearer', expires_in: 3600 } : { error: 'invalid_grant' }),
      });
    }
    if (url.pathname === '/logout') {
      seen.logout.push(url);
      return route.fulfill(redirect(url.searchParams.get('logout_uri')!));
    }
    return route.fulfill({ status: 404, body: '' });
  });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  problems = watchProblems(page);
});

afterEach(() => {
  expect(problems).toEqual([]);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.stop();
  console.log(`axe: zero WCAG 2.1 A/AA violations on ${axeLog.length} states: ${axeLog.join('; ')}`);
});

describe('the portal with Cognito (as in AWS)', () => {
  it('sends an unsigned visitor to the hosted sign-in with PKCE, and back to the report they wanted', async () => {
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
    expect(seen.token).toHaveLength(1);
    // The code is gone from the address bar; the token is in this tab's sessionStorage only.
    expect(new URL(page.url()).pathname).toBe(wanted);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate(() => sessionStorage.getItem('portal-token'))).toMatch(/^ey/);
    expect(await page.evaluate(() => sessionStorage.getItem('portal-pkce'))).toBeNull();
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await expectAccessible(page, 'portal, report not found');
  });

  it('shows the team list with the token from Cognito', async () => {
    await page.goto(`${stack.url}/cases`);
    await textOf(page.locator('h1:visible')).toBe('Anmälningar till Mottagningsgruppen Norr');
    expect(seen.authorize).toHaveLength(1); // no second trip: the token is still valid
  });

  it('signs out through Cognito, and then offers a sign-in button instead of sending the user straight back', async () => {
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expectVisible(page.locator('#cognito-sign-in'));
    expect(seen.logout).toHaveLength(1);
    expect(Object.fromEntries(seen.logout[0]!.searchParams)).toEqual({ client_id: CLIENT_ID, logout_uri: `${stack.url}/cases` });
    expect(await page.evaluate(() => sessionStorage.getItem('portal-token'))).toBeNull();
    expect(seen.authorize).toHaveLength(1);
    await expectAccessible(page, 'portal sign-in (Cognito)');
    await screenshots(page, 'portal-sign-in-cognito');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await textOf(page.locator('h1:visible')).toBe('Anmälningar till Mottagningsgruppen Norr');
    expect(seen.authorize).toHaveLength(2);
  });

  it('a state that does not match is refused', async () => {
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(`${stack.url}/cases?code=stolen&state=forged`);
    await textOf(page.locator('#cognito-sign-in-error')).toContain('avbröts');
    expect(seen.token).toHaveLength(2);
    expect(new URL(page.url()).search).toBe('');
  });
});
