// Real Chromium (Debian's /usr/bin/chromium) for the page tests, through playwright-core: one browser per
// test file. axe-core runs inside the page; screenshots go to test-results/screenshots/.
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { PROJECT_ROOT } from '../../local/app.ts';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
let axeSource: string | undefined;
export const SCREENSHOTS = join(PROJECT_ROOT, 'test-results', 'screenshots');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Collects what would show a broken page: CSP violations, script errors, failed requests. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) in the page; fails listing every violation. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  // Injected through the DevTools protocol, which the page's strict CSP (script-src 'self') does not govern:
  // page.addScriptTag would need the CSP bypassed, and then the test could not see CSP violations.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource ??= await readFile(AXE, 'utf8'));
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  })) as AxeViolation[];
  const described = violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
  expect(violations, `axe found violations on "${state}":\n${described}`).toEqual([]);
  axeLog.push(state);
}

/**
 * axe-core for a page opened with JavaScript off: axe cannot run there (its timers never fire), so the
 * page's DOM as it is (server-rendered) is loaded at the same origin in a page with JavaScript on but every
 * script request refused, and checked there: the same markup and stylesheet, the same no-script state.
 */
export async function expectAccessibleWithoutScript(page: Page, state: string): Promise<void> {
  const markup = await page.content();
  const snapshotUrl = `${new URL(page.url()).origin}/__axe-snapshot`;
  const context = await page.context().browser()!.newContext({ viewport: page.viewportSize() ?? { width: 1280, height: 900 } });
  try {
    const probe = await context.newPage();
    await probe.route('**/*', (route) => {
      if (route.request().url() === snapshotUrl) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: markup });
      if (route.request().resourceType() === 'script') return route.abort();
      return route.continue();
    });
    await probe.goto(snapshotUrl);
    await expectAccessible(probe, state);
  } finally {
    await context.close();
  }
}

/** The states axe checked in this file (printed at the end, for the record). */
export const axeLog: string[] = [];

/**
 * Screenshots of the page as it is, at desktop width and at 320 px (full page), and a check that nothing
 * scrolls sideways at 320 px (WCAG 1.4.10 reflow). The viewport is put back afterwards.
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-320.png`), fullPage: true });
  await page.setViewportSize(original);
  expect(overflow, `"${name}" scrolls sideways at 320 px by ${overflow} px`).toBeLessThanOrEqual(0);
}

/** Retry an assertion for a while, as a page settles (vitest's expect.poll over playwright-core locators). */
export const EVENTUALLY = { timeout: 10_000, interval: 100 };

/** The visible text of the first element a locator matches ('' while there is none), polled. */
export function textOf(locator: Locator) {
  return expect.poll(async () => ((await locator.count()) ? await locator.first().innerText() : ''), EVENTUALLY);
}

export async function expectFocused(locator: Locator): Promise<void> {
  await expect.poll(() => locator.first().evaluate((el) => el === document.activeElement).catch(() => false), EVENTUALLY).toBe(true);
}

export async function expectVisible(locator: Locator, visible = true): Promise<void> {
  await locator.first().waitFor({ state: visible ? 'visible' : 'hidden', timeout: EVENTUALLY.timeout });
}

/** A page in a new browser context (its own cookies, so its own session), watched for problems (watchProblems). */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm', ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { context, page, problems: watchProblems(page) };
}

/**
 * Signs in as a person would: the portal's local dev sign-in form. The session (the HttpOnly cookie) then serves
 * every tab of the page's browser context, /admin and /stats included. Whoever was signed in there before is
 * forgotten first (the context's cookies are cleared).
 */
export async function signInAs(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/cases`);
  await expectVisible(page.locator('#dev-sign-in'));
  await page.selectOption('#dev-email', email);
  await page.locator('form[data-dev-sign-in] button[type=submit]').click();
  await textOf(page.locator('#signed-in')).toContain(email);
}

/** A session for a browser context without the form (POST /dev/sign-in from the context: its cookie lands there). */
export async function signInContext(context: BrowserContext, baseUrl: string, email: string): Promise<void> {
  await context.clearCookies();
  const response = await context.request.post(`${baseUrl}/dev/sign-in`, { data: { email } });
  if (response.status() !== 200) throw new Error(`sign-in of ${email} failed: ${response.status()}`);
}
