// The concern form in real Chromium: without JavaScript (plain post, errors beside fields, values kept,
// receipt page), with JavaScript in English (errors as you go, the summary, focus), a lost connection (the
// typed text stays, a retry sends one report), and the draft kept in the tab. axe-core on every state.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeLog, expectAccessible, expectAccessibleWithoutScript, expectFocused, expectVisible, launchBrowser, screenshots, textOf, watchProblems } from '../support/browser.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';

let stack: TestStack;
let browser: Browser;
const contexts: BrowserContext[] = [];
let problems: string[] = [];

async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  problems = watchProblems(page);
  return page;
}

/** Fills every required field (and a few more) with valid values, by label-free ids. */
async function fillValid(page: Page, name: string): Promise<void> {
  await page.selectOption('#f-schoolId', 'norrskolan');
  await page.check('#f-urgency-normal');
  await page.fill('#f-reporter-name', name);
  await page.fill('#f-reporter-role', 'Skolsköterska');
  await page.fill('#f-reporter-email', 'skolskoterska@skola.example');
  await page.fill('#f-child-firstName', 'Alva');
  await page.fill('#f-child-lastName', 'Lundgren');
  await page.check('#f-concern-categories-mental-ill-health');
  await page.fill('#f-concern-description', 'Alva har berättat att hon inte sover på nätterna.');
  await page.check('#f-guardiansInformed-yes');
}

/** The first submit reaches the server but its answer is lost on the way back; later ones go through. Answers the count of attempts. */
async function loseFirstAnswer(page: Page): Promise<() => number> {
  let attempts = 0;
  await page.route('**/api/forms/concern-report/submissions', async (route) => {
    attempts++;
    if (attempts === 1) {
      await route.fetch();
      await route.abort('connectionreset');
    } else await route.continue();
  });
  return () => attempts;
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
});

afterEach(() => {
  expect(problems).toEqual([]);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await stack?.stop();
  console.log(`axe: zero WCAG 2.1 A/AA violations on ${axeLog.length} states: ${axeLog.join('; ')}`);
});

describe('the form without JavaScript', () => {
  it('shows errors beside their fields and in a linked summary, keeps what was typed, then gives the receipt page', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${stack.url}/`);
    // Without the script the conditional field is simply there, and so is the school list.
    await expectVisible(page.locator('#f-guardiansNotInformedReason'));
    await page.fill('#f-reporter-name', 'Karl Utanskript');
    await page.fill('#f-reporter-email', 'inte-en-adress');
    await page.fill('#f-concern-description', 'Text som inte får försvinna.\nMed två rader.');
    await page.check('#f-urgency-urgent');
    await page.click('button[type=submit]');

    await expectVisible(page.locator('#error-summary'));
    expect(await page.title()).toMatch(/^Fel: /);
    await textOf(page.locator('#error-summary')).toContain('Din e-postadress: måste vara en giltig e-postadress');
    expect(await page.locator('#error-summary a[href="#f-reporter-email"]').count()).toBe(1);
    expect(await page.locator('#error-summary a[href="#f-urgency-normal"]').count()).toBe(0); // urgency was given
    await textOf(page.locator('#f-reporter-email-error')).toContain('måste vara en giltig e-postadress');
    await textOf(page.locator('#f-schoolId-error')).toContain('välj en skola');
    await textOf(page.locator('#f-concern-categories-error')).toContain('Välj minst ett alternativ');
    expect(await page.getAttribute('#f-reporter-email', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#f-reporter-email', 'aria-describedby')).toContain('f-reporter-email-error');
    // Everything typed is still there.
    expect(await page.inputValue('#f-reporter-name')).toBe('Karl Utanskript');
    expect(await page.inputValue('#f-reporter-email')).toBe('inte-en-adress');
    expect(await page.inputValue('#f-concern-description')).toBe('Text som inte får försvinna.\nMed två rader.');
    expect(await page.isChecked('#f-urgency-urgent')).toBe(true);
    // "Urgent" was posted: the urgent guidance is shown without the script too.
    await expectVisible(page.locator('#urgent-note'));
    await expectAccessibleWithoutScript(page, 'form with errors, no JavaScript (sv)');
    await screenshots(page, 'form-sv-errors-nojs');

    await fillValid(page, 'Karl Utanskript');
    await page.click('button[type=submit]');
    await textOf(page.locator('h1')).toBe('Anmälan är mottagen');
    await textOf(page.locator('.reference strong')).toMatch(/\S{4,}/);
    await textOf(page.locator('.facts')).toMatch(/Mottagandet bekräftas senast\s+\S+ \d+ \S+ \d{4} kl\. \d{2}:\d{2}/);
    await expectAccessibleWithoutScript(page, 'receipt page, no JavaScript');
    await screenshots(page, 'receipt-sv-nojs');
  });
});

describe('the form with JavaScript, in English', () => {
  let page: Page;

  it('is in English at /en', async () => {
    page = await newPage();
    await page.goto(`${stack.url}/en`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await textOf(page.locator('h1')).toBe('Concern report to social services');
    await textOf(page.locator('#emergency')).toContain('Call 112');
    await textOf(page.locator('label[for="f-reporter-name"]')).toContain('Your name');
    await expectAccessible(page, 'form, empty (en)');
    await screenshots(page, 'form-en-empty');
  });

  it('checks a field when the user leaves it, with the server rules, and keeps the typed text', async () => {
    await page.fill('#f-reporter-email', 'not-an-email');
    await page.press('#f-reporter-email', 'Tab');
    await textOf(page.locator('#f-reporter-email-error')).toContain('Your email address: must be a valid email address');
    expect(await page.getAttribute('#f-reporter-email', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#f-reporter-email')).toBe('not-an-email');
    // The personal number's check digit, as the server computes it.
    await page.fill('#f-child-personalNumber', '20150312-2381');
    await page.press('#f-child-personalNumber', 'Tab');
    await textOf(page.locator('#f-child-personalNumber-error')).toContain('wrong check digit');
    // Fields not yet visited show nothing.
    expect(await page.locator('#f-reporter-name-error').count()).toBe(0);
    // Fixing a field clears its error while typing.
    await page.fill('#f-child-personalNumber', '20150312-2382');
    await expectVisible(page.locator('#f-child-personalNumber-error'), false);
  });

  it('on send, lists every problem in a summary that takes focus and links to each field', async () => {
    await page.getByRole('button', { name: 'Send report' }).click();
    await expectFocused(page.locator('#error-summary'));
    expect(await page.title()).toMatch(/^Error: /);
    await textOf(page.locator('#error-summary')).toContain('School: choose a school');
    await textOf(page.locator('#error-summary')).toContain('Your name: is required');
    await textOf(page.locator('#f-reporter-name-error')).toContain('is required');
    expect(await page.inputValue('#f-reporter-email')).toBe('not-an-email');
    await expectAccessible(page, 'form with errors, JavaScript (en)');
    await screenshots(page, 'form-en-errors');
    await page.locator('#error-summary a[href="#f-reporter-name"]').click();
    await expectFocused(page.locator('#f-reporter-name'));
    // No request was made: the browser caught it all.
    expect(await stack.repository.listByTeam('mottagning-norr', 'open').then((list) => list.filter((r) => r.language === 'en').length)).toBe(0);
  });

  it("shows the chosen school's contact (the team's function and phone, no person), the out-of-hours number when \"urgent\" is chosen, and the reason field when guardians were not told", async () => {
    await page.selectOption('#f-schoolId', 'holmen');
    await textOf(page.locator('#f-schoolId-contact')).toContain('Mottagningsgruppen Syd, contact for Holmens skola, 010-100 11 20');
    await page.check('#f-urgency-urgent');
    // One out-of-hours service for the municipality (the directory's outOfHours), whatever the school.
    await textOf(page.locator('#urgent-note')).toContain('010-100 10 00');
    await textOf(page.locator('#urgent-note')).toContain('call 112 now');
    await page.check('#f-guardiansInformed-no');
    await expectVisible(page.locator('#f-guardiansNotInformedReason'));
    await page.check('#f-guardiansInformed-yes');
    await expectVisible(page.locator('#f-guardiansNotInformedReason'), false);
  });
});

describe('a lost connection', () => {
  it('keeps every typed value, offers a retry, and never makes two reports', async () => {
    const page = await newPage();
    await page.goto(`${stack.url}/`);
    await fillValid(page, 'Nora Avbrott');
    const submissionId = await page.inputValue('input[name=submissionId]');

    // The first attempt reaches the server, but the answer is lost on the way back.
    const attempts = await loseFirstAnswer(page);
    await page.getByRole('button', { name: 'Skicka anmälan' }).click();
    await expectVisible(page.locator('#form-problem'));
    await textOf(page.locator('#form-problem')).toContain('anslutningen bröts');
    expect(await page.inputValue('#f-reporter-name')).toBe('Nora Avbrott');
    expect(await page.inputValue('#f-concern-description')).toBe('Alva har berättat att hon inte sover på nätterna.');
    await expectAccessible(page, 'form after a lost connection');
    await screenshots(page, 'form-sv-connection-lost');

    await page.getByRole('button', { name: 'Försök skicka igen' }).click();
    await textOf(page.locator('[data-receipt] h1')).toBe('Anmälan är mottagen');
    const reference = await page.locator('[data-slot="reference"]').innerText();
    expect(attempts()).toBe(2);
    const stored = await stack.repository.get(submissionId);
    expect(stored?.report.reference).toBe(reference);
    const reports = (await stack.repository.listByTeam('mottagning-norr', 'open')).filter((r) => r.submission.reporter.name === 'Nora Avbrott');
    expect(reports).toHaveLength(1);

    // "Print or save a copy" (issue 13): what was sent, under the form's labels, from memory only, and a print button.
    const copy = page.locator('.receipt-copy');
    await textOf(copy.locator('h2')).toBe('Skriv ut eller spara en kopia');
    await textOf(page.locator('[data-copy="reporter.name"]')).toBe('Nora Avbrott');
    await textOf(page.locator('[data-copy="child.firstName"]')).toBe('Alva');
    await textOf(page.locator('[data-copy="child.lastName"]')).toBe('Lundgren');
    await textOf(page.locator('[data-copy="concern.description"]')).toBe('Alva har berättat att hon inte sover på nätterna.');
    await textOf(page.locator('[data-copy="schoolId"]')).toBe('Norrskolan');
    await textOf(copy).toContain('Barnets förnamn');
    const printButton = page.getByRole('button', { name: 'Skriv ut / spara en kopia' });
    await expectVisible(printButton);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await printButton.click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }))).not.toContain('Alva');
    await expectAccessible(page, 'receipt with its copy (after JSON submit)');
  });

  it('if the lost attempt did arrive and the text was changed since, the receipt says the change was not included', async () => {
    const page = await newPage();
    await page.goto(`${stack.url}/`);
    await fillValid(page, 'Olle Ändrad');
    await loseFirstAnswer(page);
    await page.getByRole('button', { name: 'Skicka anmälan' }).click();
    await expectVisible(page.locator('#form-problem'));
    await page.fill('#f-concern-description', 'En ändrad text efter avbrottet.');
    await page.getByRole('button', { name: 'Försök skicka igen' }).click();
    await textOf(page.locator('[data-receipt] h1')).toBe('Anmälan är mottagen');
    await textOf(page.locator('[data-slot="note"]')).toContain('kom inte med');
    // The copy is of what arrived: the text before the change.
    await textOf(page.locator('[data-copy="concern.description"]')).toBe('Alva har berättat att hon inte sover på nätterna.');
    const reports = (await stack.repository.listByTeam('mottagning-norr', 'open')).filter((r) => r.submission.reporter.name === 'Olle Ändrad');
    expect(reports).toHaveLength(1);
  });
});

describe('a draft in the tab', () => {
  it('survives a reload (sessionStorage, not localStorage) and can be cleared', async () => {
    const page = await newPage();
    await page.goto(`${stack.url}/`);
    await page.fill('#f-reporter-name', 'Pia Utkast');
    await page.fill('#f-concern-description', 'Påbörjad text.');
    await page.check('#f-concern-categories-absence');
    const submissionId = await page.inputValue('input[name=submissionId]');
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem('concern-report-draft'))).toContain('Pia Utkast');
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await page.reload();
    await expectVisible(page.locator('#draft-notice'));
    expect(await page.inputValue('#f-reporter-name')).toBe('Pia Utkast');
    expect(await page.inputValue('#f-concern-description')).toBe('Påbörjad text.');
    expect(await page.isChecked('#f-concern-categories-absence')).toBe(true);
    // The same submission id: sending after a reload can never make a second report.
    expect(await page.inputValue('input[name=submissionId]')).toBe(submissionId);
    await expectAccessible(page, 'form with a restored draft');
    await page.getByRole('button', { name: 'Töm formuläret och börja om' }).click();
    expect(await page.inputValue('#f-reporter-name')).toBe('');
    expect(await page.evaluate(() => sessionStorage.getItem('concern-report-draft'))).toBeNull();
    await expectVisible(page.locator('#draft-notice'), false);
  });

  it('keeps what was done just before a reload: a box ticked and text typed, then reloaded at once', async () => {
    const page = await newPage();
    await page.goto(`${stack.url}/`);
    await page.fill('#f-reporter-name', 'Pia Snabb');
    // A draft already saved (so the page has something to restore), then a change that no debounce waited for.
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem('concern-report-draft'))).toContain('Pia Snabb');
    await page.check('#f-concern-categories-absence');
    await page.fill('#f-concern-description', 'Skrivet precis före omladdningen.');
    await page.reload();
    await expectVisible(page.locator('#draft-notice'));
    expect(await page.isChecked('#f-concern-categories-absence')).toBe(true);
    expect(await page.inputValue('#f-concern-description')).toBe('Skrivet precis före omladdningen.');
  });
});
