// The whole journey in real Chromium on the local stack: a teacher reports in the form → the team's alert
// arrives in the local SES → a social worker of that team signs in on the portal, opens the report from the
// alert's link, acknowledges and records feedback (each confirmed) → the reporter's status page, opened from
// the receipt email's link, shows the outcome. axe-core checks every page and state; screenshots are saved.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeLog, expectAccessible, expectFocused, expectVisible, launchBrowser, screenshots, textOf, watchProblems } from '../support/browser.ts';
import { loadDirectory } from '../../core/directory/load.ts';
import { createReport } from '../../core/domain/report.ts';
import { routeReport } from '../../core/domain/routing.ts';
import { concernReportForm } from '../../forms/concern-report/index.ts';
import { linkIn, waitForEmail } from '../support/emails.ts';
import { startTestStack, validSubmission, type TestStack } from '../support/local-stack.ts';

let stack: TestStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const visited: string[] = [];
let problems: string[] = [];
// The steps build on each other: after a failure the rest are skipped, not failed in a cascade.
let broken = false;

// Personal values typed into the form: none may appear in any URL the browser asks for.
const run = randomUUID().slice(0, 8);
// A school-domain address of the sample directory: trusted with the status link and the outcome notice (issue 13).
const reporterEmail = `journey-${run}@skola.ekdala.example`;
const person = { reporter: 'Anna Journeysdotter', child: 'Eliasjourney', lastName: `Bergqvist${run}`, pnr: '20150312-2382' };

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('request', (request) => visited.push(request.url()));
  problems = watchProblems(page);
});

beforeEach((context) => {
  if (broken) context.skip();
});
afterEach((context) => {
  if (context.task.result?.state === 'fail') broken = true;
  // No CSP violation, no script error on any page.
  expect(problems).toEqual([]);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.stop();
  console.log(`axe: zero WCAG 2.1 A/AA violations on ${axeLog.length} states: ${axeLog.join('; ')}`);
});

describe('the journey: report → alert → portal → acknowledge → feedback → the reporter sees the outcome', () => {
  let reference = '';
  let caseLink = '';
  let statusLink = '';

  it('a teacher fills in the form (with JavaScript) and gets a receipt with the reference and deadlines', async () => {
    await page.goto(`${stack.url}/`);
    await textOf(page.locator('h1:visible')).toMatch(/Orosanmälan/);
    await expectAccessible(page, 'form, empty (sv)');
    await screenshots(page, 'form-sv-empty');

    // The school as a searchable choice: typing filters the list down to one school, which is then chosen.
    await page.locator('#f-schoolId-filter').fill('ekback');
    await expect.poll(() => page.locator('#f-schoolId').inputValue()).toBe('ekbacken');
    await page.locator('label[for="f-urgency-urgent"]').click();
    // The school's contact as a function and phone; the urgent guidance repeats 112 and names the out-of-hours number.
    await textOf(page.locator('#f-schoolId-contact')).toContain('Mottagningsgruppen Norr, kontakt för Ekbackens skola, 010-100 11 10');
    await expectVisible(page.locator('#urgent-note'));
    await textOf(page.locator('#urgent-note')).toContain('010-100 10 00');
    await expectAccessible(page, 'form, urgent chosen');
    await page.locator('label[for="f-urgency-normal"]').click();
    await expectVisible(page.locator('#urgent-note'), false);

    await page.fill('#f-reporter-name', person.reporter);
    await page.fill('#f-reporter-role', 'Klasslärare');
    await page.fill('#f-reporter-email', reporterEmail);
    await page.fill('#f-reporter-phone', '040-123 45 67');
    await page.fill('#f-child-firstName', person.child);
    await page.fill('#f-child-lastName', person.lastName);
    await page.fill('#f-child-personalNumber', person.pnr);
    await page.fill('#f-child-grade', '4');
    await page.locator('label[for="f-concern-categories-absence"]').click();
    await page.locator('label[for="f-concern-categories-home-situation"]').click();
    await page.fill('#f-concern-description', 'Eleven har varit frånvarande tre måndagar i rad och säger att det inte finns mat hemma.');
    // The reason field appears only when the guardians were not told.
    await expectVisible(page.locator('[data-field="guardiansNotInformedReason"]'), false);
    await page.locator('label[for="f-guardiansInformed-no"]').click();
    await expectVisible(page.locator('[data-field="guardiansNotInformedReason"]'));
    await page.fill('#f-guardiansNotInformedReason', 'Misstanke om våld i hemmet.');
    await expectAccessible(page, 'form, filled in');
    await screenshots(page, 'form-sv-filled');

    await page.getByRole('button', { name: 'Skicka anmälan' }).click();
    await textOf(page.locator('[data-receipt] h1')).toBe('Anmälan är mottagen');
    await expectFocused(page.locator('[data-receipt] h1'));
    reference = (await page.locator('[data-slot="reference"]').textContent()) ?? '';
    expect(reference).toMatch(/\S{4,}/);
    await textOf(page.locator('[data-slot="acknowledgeBy"]')).toMatch(/\d{4}.*\d{2}:\d{2}/);
    await textOf(page.locator('[data-slot="feedbackBy"]')).toMatch(/\d{4}.*\d{2}:\d{2}/);
    expect(await page.title()).toContain(reference);
    await expectAccessible(page, 'receipt (after JSON submit)');
    await screenshots(page, 'receipt-sv');
  });

  it('the team gets an alert with a portal link, and the reporter a receipt with a status link', async () => {
    const alert = await waitForEmail(stack, (e) => e.destination.to.includes('sara.lindqvist@ekdala.example') && e.subject.includes(reference), 'alert');
    caseLink = linkIn(alert, /https?:\/\/[^\s"<>]+\/cases\/[0-9a-f-]{36}/);
    const receipt = await waitForEmail(stack, (e) => e.destination.to.includes(reporterEmail) && e.subject.includes(reference), 'receipt');
    statusLink = linkIn(receipt, /https?:\/\/[^\s"<>]+\/status\/[^\s"<>]+/);
    // Whatever the emails' host, open them on the stack this test runs.
    caseLink = `${stack.url}${new URL(caseLink).pathname}`;
    statusLink = `${stack.url}${new URL(statusLink).pathname}`;
  });

  it('the reporter sees "received" on the status page before anyone acts', async () => {
    await page.goto(statusLink);
    await textOf(page.locator('.status')).toContain('tagit emot');
    await textOf(page.locator('.reference strong')).toBe(reference);
    await expectAccessible(page, 'status page, received');
    await screenshots(page, 'status-received');
  });

  it('a social worker of the routed team signs in on the portal and sees the report in the team list', async () => {
    // An older report of the same team whose acknowledgement deadline has passed: first in the list, marked in words.
    const submission = concernReportForm.schema.parse(validSubmission({ urgency: 'urgent' }));
    const old = createReport({
      submissionId: randomUUID(),
      submission,
      bodyHash: 'e2e',
      route: routeReport(loadDirectory(), submission.schoolId),
      policy: concernReportForm.deadlines,
      now: new Date(Date.now() - 3 * 24 * 3600_000),
    });
    await stack.repository.create(old.report, old.audit);

    await page.goto(`${stack.url}/cases`);
    await expectVisible(page.getByRole('heading', { name: 'Logga in' }));
    await expectAccessible(page, 'portal sign-in (local dev sign-in)');
    await screenshots(page, 'portal-sign-in');
    await page.selectOption('#dev-email', 'sara.lindqvist@ekdala.example');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await textOf(page.locator('h1:visible')).toBe('Anmälningar till Mottagningsgruppen Norr');
    await textOf(page.locator('#signed-in')).toContain('sara.lindqvist@ekdala.example');
    const card = page.locator('.case', { hasText: reference });
    await textOf(card).toContain('Bekräfta mottagandet senast');
    const late = page.locator('.case').first();
    await textOf(late).toContain(old.report.reference);
    await textOf(late).toContain('Försenad');
    await textOf(late).toContain('Frist passerad: Bekräfta mottagandet senast');
    await textOf(page.locator('#due-next')).toContain(`Bekräfta mottagandet för ${old.report.reference}`);
    await textOf(page.locator('#due-next')).toContain('fristen har passerat');
    await textOf(page.locator('#due-next')).toContain('Näst på tur');
    // The token is kept in this tab's sessionStorage, never in the URL.
    expect(await page.evaluate(() => sessionStorage.getItem('portal-token'))).toMatch(/^ey/);
    await expectAccessible(page, 'portal list (open)');
    await screenshots(page, 'portal-list');

    await page.getByRole('link', { name: 'Avslutade' }).click();
    await expectVisible(page.locator('h2', { hasText: 'Avslutade anmälningar' }));
    await expect.poll(() => page.locator('.case', { hasText: reference }).count()).toBe(0);
    await expectAccessible(page, 'portal list (closed filter)');
  });

  it('opens the report from the alert link: the whole report and its audit trail', async () => {
    await page.goto(caseLink);
    await textOf(page.locator('h1:visible')).toBe(`Anmälan ${reference}`);
    await textOf(page.locator('main')).toContain(person.lastName);
    await textOf(page.locator('main')).toContain('Misstanke om våld i hemmet.');
    await textOf(page.locator('.audit')).toContain('Anmälan inkom');
    await textOf(page.locator('.audit')).toContain('Öppnad i portalen');
    await expectAccessible(page, 'portal report (new)');
    await screenshots(page, 'portal-report');
  });

  it('acknowledges receipt through a confirmation step', async () => {
    // The protection assessment is required with the acknowledgement.
    await page.getByRole('button', { name: 'Bekräfta mottagandet…' }).click();
    await textOf(page.locator('#assessment-error')).toMatch(/Välj resultatet av skyddsbedömningen/);
    await expectAccessible(page, 'portal acknowledge without assessment');
    await page.locator('label[for="assessment-no-immediate-risk"]').click();
    await page.getByRole('button', { name: 'Bekräfta mottagandet…' }).click();
    await expectFocused(page.getByRole('heading', { name: `Bekräfta mottagandet av ${reference}?` }));
    await expectAccessible(page, 'portal acknowledge confirmation');
    // "Avbryt" changes nothing.
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await expectFocused(page.getByRole('button', { name: 'Bekräfta mottagandet…' }));
    await page.getByRole('button', { name: 'Bekräfta mottagandet…' }).click();
    await page.getByRole('button', { name: 'Ja, bekräfta mottagandet' }).click();
    await textOf(page.locator('#action-done')).toBe('Mottagandet är bekräftat.');
    await textOf(page.locator('.audit')).toContain('Mottagandet bekräftat – sara.lindqvist@ekdala.example');
  });

  it('records feedback: the outcome is required, then confirmed, then the report is closed', async () => {
    await page.getByRole('button', { name: 'Granska och skicka…' }).click();
    await textOf(page.locator('#outcome-error')).toMatch(/Välj ett utfall/);
    await expectAccessible(page, 'portal feedback form with error');
    await page.locator('label[for="outcome-investigation-opened"]').click();
    await page.fill('#feedback-note', 'Utredning inleds enligt 11 kap. 1 § SoL.');
    await expectAccessible(page, 'portal feedback form');
    await screenshots(page, 'portal-feedback-form');
    await page.getByRole('button', { name: 'Granska och skicka…' }).click();
    await textOf(page.locator('.confirm')).toContain('Utfall: Utredning inleds.');
    await expectAccessible(page, 'portal feedback confirmation');
    await screenshots(page, 'portal-feedback-confirm');
    await page.getByRole('button', { name: 'Ja, skicka återkopplingen' }).click();
    await textOf(page.locator('#action-done')).toContain('Återkopplingen är registrerad');
    await textOf(page.locator('.badges')).toContain('Avslutad');
    await textOf(page.locator('.audit')).toContain('Återkoppling registrerad');
    await expectAccessible(page, 'portal report (closed)');
    await screenshots(page, 'portal-report-closed');
  });

  it('the reporter gets the outcome email, and the status page (from the receipt link) shows the outcome', async () => {
    await waitForEmail(stack, (e) => e.destination.to.includes(reporterEmail) && e.subject.includes(reference) && /återkoppling/i.test(e.subject), 'outcome'); // a notice (issue 13): the outcome is on the page
    await page.goto(statusLink);
    await textOf(page.locator('.outcome')).toBe('Socialtjänsten har inlett en utredning.');
    await expect.poll(() => page.locator('.steps li.done').count()).toBe(3);
    await expectAccessible(page, 'status page with outcome');
    await screenshots(page, 'status-outcome');
  });

  it('no personal value typed into the form appeared in any URL the browser requested', () => {
    expect(visited.length).toBeGreaterThan(10);
    for (const url of visited) {
      const decoded = decodeURIComponent(url);
      for (const value of [person.reporter, person.child, person.lastName, person.pnr, reporterEmail]) {
        expect(decoded, url).not.toContain(value);
      }
    }
  });
});
