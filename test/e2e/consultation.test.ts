// Consultation in real Chromium on the local stack: a teacher goes from the report form to the consultation form
// (a plain form post, no script on the page), is refused for a personal identity number and fixes it → the school's
// named contact's alert arrives; its link opens the portal's consultations view, where they sign in and answer →
// the asker's notice arrives; its link shows the answer; "make it a report" opens the report form with the school
// and the asker filled in, and the report sent from it carries the consultation's id. axe on every page and state.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, textOf, watchProblems } from '../support/browser.ts';
import { linkIn, waitForEmail } from '../support/emails.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';

let stack: TestStack;
let browser: Browser;
let page: Page;
let problems: string[] = [];
const run = randomUUID().slice(0, 8);
const asker = { name: `Tove Frågasson${run}`, role: 'Mentor', email: `consult-${run}@skola.ekdala.example` };
const question = `Fråga-${run}: en elev kommer ofta utan matsäck och verkar trött. Ska vi anmäla?`;
const answer = `Svar-${run}: ja, gör en orosanmälan; vi tar kontakt med familjen.`;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  problems = watchProblems(page);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('consultation in the browser: ask → alert → answer → read → make it a report', () => {
  it('runs the whole flow, accessible in every state', async () => {
    await page.goto(`${stack.url}/en/consultation`);
    await textOf(page.locator('#no-child')).toContain('Do not write the child');
    await expectAccessible(page, 'consultation form (English)');

    // From the report form to the consultation form.
    await page.goto(`${stack.url}/`);
    await page.getByRole('link', { name: /Fråga skolans kontaktperson/ }).click();
    await page.waitForURL('**/consultation');
    await expectAccessible(page, 'consultation form');

    // A personal identity number in the question: the form again, the message beside the field and in the summary.
    await page.selectOption('#c-schoolId', 'norrskolan');
    await page.fill('#c-reporter-name', asker.name);
    await page.fill('#c-reporter-role', asker.role);
    await page.fill('#c-reporter-email', asker.email);
    await page.fill('#c-question', `${question} Det gäller 150312-2382.`);
    await page.getByRole('button', { name: 'Skicka frågan' }).click();
    await textOf(page.locator('#error-summary')).toContain('personnummer');
    await textOf(page.locator('#c-question-error')).toContain('personnummer');
    expect(await page.inputValue('#c-reporter-name')).toBe(asker.name);
    await expectAccessible(page, 'consultation form with an error');
    await page.locator('#error-summary a[href="#c-question"]').click();
    await page.fill('#c-question', question);
    await page.getByRole('button', { name: 'Skicka frågan' }).click();
    await textOf(page.locator('h1')).toContain('Din fråga är skickad');
    await expectAccessible(page, 'consultation sent');

    // The named contact's alert links to the portal's consultations view; they sign in and answer there.
    const alert = await waitForEmail(stack, (e) => e.destination.to.includes('johan.ek@ekdala.example') && e.subject.startsWith('Ny konsultationsfråga'), 'alert');
    expect(alert.body.text).not.toContain(`Fråga-${run}`);
    await page.goto(linkIn(alert, /https?:\/\/\S+\/cases\?view=consultations/).replace(/^https?:\/\/[^/]+/, stack.url));
    await page.selectOption('#dev-email', 'johan.ek@ekdala.example');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await textOf(page.locator('h1')).toContain('Konsultationsfrågor');
    const item = page.locator('li.case', { hasText: `Fråga-${run}` });
    await textOf(item).toContain(asker.name);
    await expectAccessible(page, 'portal: open consultations');
    await item.getByRole('button', { name: 'Skicka svar' }).click();
    await textOf(item.locator('.error')).toContain('måste fyllas i');
    await expectAccessible(page, 'portal: answer missing');
    await item.locator('textarea').fill(answer);
    await item.getByRole('button', { name: 'Skicka svar' }).click();
    await textOf(page.locator('[role=status]')).toContain('är skickat');
    expect(await page.locator('li.case', { hasText: `Fråga-${run}` }).count()).toBe(0);
    await expectAccessible(page, 'portal: consultation answered');

    // The asker's notice: the link shows question and answer.
    const notice = await waitForEmail(stack, (e) => e.destination.to.includes(asker.email), 'answer notice');
    expect(`${notice.body.text}${notice.body.html}`).not.toContain(`Svar-${run}`);
    await page.goto(linkIn(notice, /https?:\/\/\S+\/consultations\/\S+/).replace(/^https?:\/\/[^/]+/, stack.url));
    await textOf(page.locator('[data-answer]')).toContain(`Svar-${run}`);
    await expectAccessible(page, 'the asker reads the answer');

    // "Make it a report": the report form with the school and the asker filled in, and the consultation's id,
    // handed over in a form post: no personal value in the URL (URLs end up in logs and the browser's history).
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.getByRole('button', { name: 'Gör en orosanmälan av det här' }).click();
    await page.waitForURL(`${stack.url}/`);
    const visited = [...requested, ...(await page.evaluate(() => [location.href, document.referrer]))];
    expect(requested.length).toBeGreaterThan(0);
    for (const value of [asker.name, asker.email, encodeURIComponent(asker.email), encodeURIComponent(asker.name), asker.role]) {
      for (const url of visited) expect(url).not.toContain(value);
    }
    expect(await page.inputValue('#f-reporter-name')).toBe(asker.name);
    expect(await page.inputValue('#f-reporter-email')).toBe(asker.email);
    expect(await page.inputValue('#f-schoolId')).toBe('norrskolan');
    const consultationId = await page.locator('input[name=consultationId]').inputValue();
    expect(consultationId).toMatch(/^[0-9a-f-]{36}$/);
    await expectAccessible(page, 'report form made from a consultation');
    await page.locator('label[for="f-urgency-normal"]').click();
    await page.fill('#f-child-firstName', 'Elias');
    await page.fill('#f-child-lastName', `Berg${run}`);
    await page.locator('label[for="f-concern-categories-neglect"]').click();
    await page.fill('#f-concern-description', 'Eleven kommer ofta utan mat och är trött.');
    await page.locator('label[for="f-guardiansInformed-yes"]').click();
    await page.getByRole('button', { name: 'Skicka anmälan' }).click();
    await textOf(page.locator('h1')).toContain('Anmälan är mottagen');
    const reports = (await stack.scanAll()).filter((i) => i.sk === 'REPORT');
    expect(reports.map((r) => (r.submission as { consultationId?: string }).consultationId)).toContain(consultationId);
    expect(problems).toEqual([]);

    // A link that opens nothing is a page too.
    const gone = await page.goto(`${stack.url}/consultations/not-a-token`);
    expect(gone?.status()).toBe(404);
    await expectAccessible(page, 'consultation link that opens nothing');
  });
});
