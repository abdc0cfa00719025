// The reporter's side in real Chromium on the local stack: the team asks a question (staff API), the reporter
// opens the status page from the question email's link, answers in the page's form (a plain form post: the page
// has no script) and sees the answer in the thread; a mistyped link and an unknown path get the HTML 404 page.
// axe-core checks every page and state.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage, textOf } from '../support/browser.ts';
import { signIn, startTestStack, submit, validSubmission, type TestStack } from '../support/local-stack.ts';

let stack: TestStack;
let browser: Browser;
let page: Page;
let problems: string[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  ({ page, problems } = await openPage(browser, { viewport: { width: 1024, height: 800 } }));
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("the reporter's side in Chromium", () => {
  it('the reporter answers a question on the status page, opened from the notice email', async () => {
    const reporter = `e2e-${randomUUID().slice(0, 8)}@skola.ekdala.example`;
    const id = randomUUID();
    const created = await submit(stack.url, validSubmission({ reporter: { email: reporter } }), { key: id });
    expect(created.status).toBe(201);
    const reference = created.json.reference as string;
    const token = await signIn(stack.url, 'sara.lindqvist@ekdala.example');
    const asked = await fetch(`${stack.url}/api/cases/${id}/questions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Har eleven syskon på skolan?' }),
    });
    expect(asked.status).toBe(201);
    let link: string | undefined;
    await expect
      .poll(async () => {
        const notice = (await stack.emails()).find((e) => e.destination.to.includes(reporter) && e.subject.includes(reference) && /fråga/.test(e.subject));
        link = notice ? /https?:\/\/\S+\/status\/[A-Za-z0-9_.%-]+/.exec(notice.body.text ?? '')?.[0] : undefined;
        return link;
      }, { timeout: 20_000 })
      .toBeDefined();

    await page.goto(new URL(new URL(link!).pathname, stack.url).toString());
    await textOf(page.locator('#thread .thread li').first()).toContain('Har eleven syskon på skolan?');
    await textOf(page.locator('.steps')).toMatch(/Väntar: senast/); // the deadlines, also before acknowledgement
    await expectAccessible(page, 'status page with a question');

    // A blank answer: the page again, the error at the field.
    await page.fill('#message-text', '   ');
    await page.locator('#thread button[type=submit]').click();
    await textOf(page.locator('#message-text-error')).toContain('synlig text');
    await expectAccessible(page, 'status page with a refused answer');

    await page.fill('#message-text', 'Ja, en bror i årskurs 2.');
    await page.locator('#thread button[type=submit]').click();
    await page.waitForURL(/#thread$/);
    await textOf(page.locator('#thread .thread li').nth(1)).toContain('Ja, en bror i årskurs 2.');
    await textOf(page.locator('#thread .thread li').nth(1)).toContain('Du');
    await expectAccessible(page, 'status page with the answer');
    expect(problems).toEqual([]);
  });

  it('the HTML 404 page for a mistyped status link and an unknown path, Swedish by default, English under /en', async () => {
    for (const [path, lang, heading] of [
      ['/status/k1.inte-en-riktig-lank.x', 'sv', 'Sidan finns inte'],
      ['/ingen/sadan/sida', 'sv', 'Sidan finns inte'],
      ['/en/no-such-page', 'en', 'Page not found'],
    ] as const) {
      const response = await page.goto(`${stack.url}${path}`);
      expect(response?.status(), path).toBe(404);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await textOf(page.locator('h1')).toBe(heading);
      await expectAccessible(page, `404 page ${path}`);
    }
  });
});
