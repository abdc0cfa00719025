// Portal sessions in real Chromium on the local stack (issue 12, DESIGN.md "Sessions"): signed in once, a second
// tab opened on a report (as from an alert link) is signed in without a sign-in step, a reload keeps the session,
// no script can read a token (document.cookie is empty, nothing in storage), and signing out in one tab signs the
// other out too, after which /auth/refresh answers 401. The local dev identity plays Cognito; the cookie, the
// session routes and the pages are the real ones.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeLog, expectAccessible, expectVisible, launchBrowser, openPage, signInAs, signInContext, textOf } from '../support/browser.ts';
import { startTestStack, submit, validSubmission, type TestStack } from '../support/local-stack.ts';

let stack: TestStack;
let browser: Browser;
let context: BrowserContext;
let first: Page;
let problems: string[] = [];
let reportId = '';
let reference = '';

const storedAnywhere = (page: Page) =>
  page.evaluate(() => ({ cookie: document.cookie, storage: JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }) }));
const refreshStatus = (page: Page) =>
  page.evaluate(() => fetch('/auth/refresh', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then((r) => r.status));

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  reportId = randomUUID();
  const created = await submit(stack.url, validSubmission(), { key: reportId });
  expect(created.status).toBe(201);
  reference = created.json.reference as string;
  ({ context, page: first, problems } = await openPage(browser));
});
afterEach(() => {
  expect(problems).toEqual([]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  console.log(`axe: zero WCAG 2.1 A/AA violations on ${axeLog.length} states: ${axeLog.join('; ')}`);
});

describe('one sign-in for every tab and a working day', () => {
  it('keeps the refresh token in an HttpOnly, Secure, SameSite=Strict cookie under /auth, and no token where a script could read it', async () => {
    await signInAs(first, stack.url, 'sara.lindqvist@ekdala.example');
    const cookies = await context.cookies(stack.url + '/auth/refresh');
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ name: 'portal_session', path: '/auth', httpOnly: true, secure: true, sameSite: 'Strict' });
    // A working day (12 h), give or take the test's own seconds.
    expect(cookies[0]!.expires * 1000 - Date.now()).toBeGreaterThan(12 * 3600_000 - 60_000);
    // Not sent anywhere but /auth: the pages and the API never see it.
    expect(await context.cookies(stack.url + '/cases')).toEqual([]);
    expect(await context.cookies(stack.url + '/api/cases')).toEqual([]);
    const seen = await storedAnywhere(first);
    expect(seen.cookie).toBe('');
    expect(seen.storage).not.toMatch(/ey[A-Za-z0-9_-]{10,}/);
    expect(first.url()).not.toMatch(/token|ey[A-Za-z0-9_-]{10,}/);
  });

  it('a second tab opened on a report (an alert link) is signed in at once, and a reload keeps the session', async () => {
    const second = await context.newPage();
    const secondProblems: string[] = [];
    second.on('pageerror', (error) => secondProblems.push(error.message));
    const signIns: string[] = [];
    second.on('request', (request) => {
      if (new URL(request.url()).pathname === '/dev/sign-in') signIns.push(request.url());
    });
    await second.goto(`${stack.url}/cases/${reportId}`);
    await textOf(second.locator('h1:visible')).toBe(`Anmälan ${reference}`);
    await textOf(second.locator('#signed-in')).toContain('sara.lindqvist@ekdala.example');
    expect(await second.locator('#dev-sign-in').isVisible()).toBe(false);
    await second.reload();
    await textOf(second.locator('h1:visible')).toBe(`Anmälan ${reference}`);
    expect(signIns).toEqual([]);
    expect((await storedAnywhere(second)).cookie).toBe('');
    expect(secondProblems).toEqual([]);
    await second.close();
  });

  it('the admin and figures pages use the same session (no sign-in of their own)', async () => {
    const { context: adminContext, page, problems: adminProblems } = await openPage(browser);
    await signInContext(adminContext, stack.url, 'alva.admin@ekdala.example');
    await page.goto(`${stack.url}/admin`);
    await expectVisible(page.locator('#directory-form'));
    await page.goto(`${stack.url}/stats`);
    await textOf(page.locator('#stats-status')).toContain('Siffror för');
    expect(adminProblems).toEqual([]);
    await adminContext.close();
  });

  it('signing out in one tab signs the other out too; the session is revoked (/auth/refresh answers 401)', async () => {
    const second = await context.newPage();
    await second.goto(`${stack.url}/cases/${reportId}`);
    await textOf(second.locator('h1:visible')).toBe(`Anmälan ${reference}`);
    await first.goto(`${stack.url}/cases`);
    // The list loads the team's reports first (slow on a busy machine), then shows who is signed in.
    await first.locator('h1', { hasText: 'Anmälningar till' }).waitFor({ timeout: 30_000 });
    await textOf(first.locator('#signed-in')).toContain('sara.lindqvist@ekdala.example');
    // The cookie as it was: replayed after sign-out, it must not work (revoked on the server, not only forgotten).
    const [before] = await context.cookies(stack.url + '/auth/refresh');

    await first.getByRole('button', { name: 'Logga ut' }).click();
    await expectVisible(first.locator('#dev-sign-in'));
    await expectVisible(second.locator('#dev-sign-in'));
    await textOf(second.locator('#dev-sign-in-error')).toBe('Du har loggat ut.');
    expect(await second.locator('#signed-in').isVisible()).toBe(false);
    expect(await second.locator('#portal-view').isVisible()).toBe(false);
    expect(await context.cookies(stack.url + '/auth/refresh')).toEqual([]);
    expect(await refreshStatus(second)).toBe(401);
    await context.addCookies([before!]);
    const replayed = await context.request.post(`${stack.url}/auth/refresh`, { headers: { 'content-type': 'application/json' }, data: {} });
    expect(replayed.status()).toBe(401);
    expect(((await replayed.json()) as { message: string }).message).toMatch(/session has ended/);
    await expectAccessible(second, 'portal, signed out in another tab');
    await second.reload();
    await expectVisible(second.locator('#dev-sign-in'));
    await expectAccessible(second, 'portal, signed out');
  });

  it('renews the ID token a minute before it expires, and once after a 401 from the API', async () => {
    const { context: own, page, problems: ownProblems } = await openPage(browser);
    await page.clock.install();
    await signInContext(own, stack.url, 'sara.lindqvist@ekdala.example');
    const refreshes: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/auth/refresh') refreshes.push(request.url());
    });
    await page.goto(`${stack.url}/cases`);
    await textOf(page.locator('h1:visible')).toBe('Anmälningar till Mottagningsgruppen Norr');
    expect(refreshes).toHaveLength(1); // on page load, from the cookie
    // The ID token lives 30 minutes; at 29 the page renews it by itself.
    await page.clock.fastForward('28:00');
    expect(refreshes).toHaveLength(1);
    await page.clock.fastForward('01:30');
    await expect.poll(() => refreshes.length).toBe(2);
    // The API refuses the token once (as when a laptop slept past its expiry): renewed once, the call made again.
    let refused = 0;
    await page.route('**/api/me', (route) => {
      if (refused++ === 0) return route.fulfill({ status: 401, contentType: 'application/json', body: '{"message":"Unauthorized"}' });
      return route.continue();
    });
    await page.getByRole('button', { name: 'Uppdatera listan' }).click();
    await expect.poll(() => refreshes.length).toBe(3);
    await textOf(page.locator('h1:visible')).toBe('Anmälningar till Mottagningsgruppen Norr');
    expect(refused).toBe(2);
    expect(ownProblems).toEqual([]);
    await own.close();
  });

  it('refuses the session routes from another site or as a form post', async () => {
    const foreign = await fetch(`${stack.url}/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: '{}' });
    expect(foreign.status).toBe(403);
    const form = await fetch(`${stack.url}/auth/sign-out`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(form.status).toBe(415);
  });
});
