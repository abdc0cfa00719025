// The board's figures page in real Chromium on the local stack: reports submitted over HTTP are counted by the
// stream's second reader; a lead or an administrator signed in through the portal (local dev sign-in) reads the
// charts and the tables beside them; small counts say "< 5"; a team contact is told who may read figures. axe-core
// on every state; screenshots at desktop width, 320 px and in print media under test-results/screenshots/.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '../../core/domain/figures.ts';
import { axeLog, expectAccessible, expectVisible, launchBrowser, openPage, SCREENSHOTS, screenshots, signInAs as signInWith, textOf } from '../support/browser.ts';
import { signIn, startTestStack, submit, validSubmission, type TestStack } from '../support/local-stack.ts';

let stack: TestStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[] = [];
const month = monthOf(new Date());

const signInAs = (email: string) => signInWith(page, stack.url, email);

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  for (let i = 0; i < 7; i++) expect((await submit(stack.url, validSubmission({ schoolId: 'ekbacken' }))).status).toBe(201);
  expect((await submit(stack.url, validSubmission({ schoolId: 'sodervik', urgency: 'urgent' }))).status).toBe(201);
  // Until the counter (its own stream poller) has counted them.
  const admin = await signIn(stack.url, 'alva.admin@ekdala.example');
  const deadline = Date.now() + 30_000;
  for (let counted = false; !counted; await new Promise((resolve) => setTimeout(resolve, 200))) {
    const response = await fetch(`${stack.url}/api/stats?from=${month}&to=${month}`, { headers: { authorization: `Bearer ${admin}` } });
    const rows = ((await response.json()) as { rows: Array<{ schoolId: string; reports: number | null }> }).rows;
    counted = rows.find((r) => r.schoolId === 'ekbacken')?.reports === 7 && rows.some((r) => r.schoolId === 'sodervik');
    if (!counted && Date.now() > deadline) throw new Error('the counter did not count the reports within 30 s');
  }
  ({ context, page, problems } = await openPage(browser));
}, 90_000);
afterEach(() => {
  expect(problems).toEqual([]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  console.log(`axe checked: ${axeLog.join('; ')}`);
});

describe('the figures page', () => {
  it('asks to sign in first when there is no session', async () => {
    await page.goto(`${stack.url}/stats`);
    await expectVisible(page.locator('#stats-sign-in'));
    await expectAccessible(page, 'stats, not signed in');
  });

  it('shows an administrator the charts with a table beside each; small counts as "< 5"', async () => {
    await signInAs('alva.admin@ekdala.example');
    await page.goto(`${stack.url}/stats?from=${month}&to=${month}`);
    await textOf(page.locator('#stats-status')).toContain(`Siffror för ${month}`);
    expect(await page.locator('#figures svg[role=img]').count()).toBe(5);
    expect(await page.locator('#figures table').count()).toBe(5);
    const byArea = page.locator('#reports-by-area-title + .figure-body table');
    await textOf(byArea.locator('thead')).toContain('Norra Ekdala');
    await textOf(byArea.locator('tbody tr').first()).toContain('7');
    await textOf(byArea.locator('tbody tr').first()).toContain('< 5'); // the one report in Syd
    await textOf(page.locator('#acknowledged-in-time-title + p + .figure-body table')).toContain('0 %');
    await expectAccessible(page, 'stats, an administrator');
    await screenshots(page, 'stats-admin');
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SCREENSHOTS, 'stats-admin-print.png'), fullPage: true });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  it("shows a lead only their team's figures", async () => {
    await signInAs('karin.norberg@ekdala.example');
    await page.goto(`${stack.url}/stats?from=${month}&to=${month}`);
    await textOf(page.locator('#stats-status')).toContain('Siffror för');
    await textOf(page.locator('#figures')).toContain('Dina team');
    const overdue = page.locator('#overdue-now-title ~ .figure-body table tbody');
    await textOf(overdue).toContain('Mottagningsgruppen Norr');
    await textOf(overdue).not.toContain('Mottagningsgruppen Syd');
    await expectAccessible(page, 'stats, a lead');
    await screenshots(page, 'stats-lead');
  });

  it('tells a team contact that figures are for leads and administrators', async () => {
    await signInAs('sara.lindqvist@ekdala.example');
    await page.goto(`${stack.url}/stats`);
    await textOf(page.locator('#stats-status')).toContain('bara för teamledare och administratörer');
    expect(await page.locator('#figures svg').count()).toBe(0);
    await expectAccessible(page, 'stats, a team contact');
  });
});
