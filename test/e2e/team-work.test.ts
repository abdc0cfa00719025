// A social worker's day in real Chromium on the local stack (issue 12): find "Elias's report" by name among 30,
// take it, record the protection assessment with the acknowledgement, write a note, print it; a colleague of the
// fallback team forwards a report there to the right team, which then sees it while the fallback team does not;
// sees the earlier report about the same child; then feedback. axe-core checks every new state; screenshots at 1280 and 320 px go to test-results/screenshots.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { atLocalTime } from '../../core/domain/calendar.ts';
import { axeLog, expectAccessible, expectVisible, launchBrowser, openPage, screenshots, signInAs as signInWith, textOf } from '../support/browser.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { newReportWithAudit } from '../support/reports.ts';
import { recordFeedback } from '../../core/domain/report.ts';
import { concernReportForm } from '../../forms/concern-report/index.ts';

let stack: TestStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[] = [];
let broken = false;
let eliasId = '';
let eliasReference = '';
let fallbackId = '';
let fallbackReference = '';
let earlierReference = '';

async function signInAs(email: string): Promise<void> {
  await signInWith(page, stack.url, email);
  await expectVisible(page.locator('h1', { hasText: 'Anmälningar till' }));
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack({ earlierReports: true }), launchBrowser()]);
  const start = atLocalTime('2026-11-23', '08:00');
  for (let i = 0; i < 30; i++) {
    const child = i === 21 ? { firstName: 'Elias', lastName: 'Åberg', grade: '4' } : { firstName: `Barn${i}`, lastName: 'Lund', grade: String(1 + (i % 9)), personalNumber: undefined };
    const { report, audit } = newReportWithAudit({ at: new Date(start.getTime() + i * 3_600_000), body: { child } });
    await stack.repository.create(report, audit);
    if (i === 21) [eliasId, eliasReference] = [report.id, report.reference];
  }
  // An earlier report about Elias (the same personal number), closed in October: notify indexes both.
  const earlier = newReportWithAudit({ at: atLocalTime('2026-10-05', '09:00'), body: { child: { firstName: 'Elias', lastName: 'Åberg', grade: '4' } } });
  await stack.repository.create(earlier.report, earlier.audit);
  const closed = recordFeedback(earlier.report, { outcome: 'investigation-not-opened', note: '' }, 'sara.lindqvist@ekdala.example', atLocalTime('2026-10-12', '09:00'), concernReportForm.deadlines);
  if (closed.kind !== 'changed') throw new Error('expected a change');
  await stack.repository.saveChange({ report: earlier.report, version: 1 }, closed.report, closed.audit);
  earlierReference = earlier.report.reference;
  const fallback = newReportWithAudit({ at: start, body: { schoolId: 'a-school-not-in-the-directory' } });
  await stack.repository.create(fallback.report, fallback.audit);
  [fallbackId, fallbackReference] = [fallback.report.id, fallback.report.reference];
  ({ context, page, problems } = await openPage(browser));
});
beforeEach((ctx) => {
  if (broken) ctx.skip();
});
afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail') broken = true;
  expect(problems).toEqual([]);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.stop();
  console.log(`axe: zero WCAG 2.1 A/AA violations on ${axeLog.length} states: ${axeLog.join('; ')}`);
});

describe("a social worker's day", () => {
  it('finds Elias’s report by name among 30, with initials and grade on the cards, by keyboard', async () => {
    await signInAs('sara.lindqvist@ekdala.example');
    expect(await page.getByRole('link', { name: 'Siffror' }).count()).toBe(0);
    await textOf(page.locator('.case').first()).toMatch(/Barn: [A-ZÅÄÖ]\. [A-ZÅÄÖ]\., årskurs \d/);
    await expectAccessible(page, 'team list with search and filters');
    await screenshots(page, 'team-list');
    await page.locator('#list-q').focus();
    await page.keyboard.type('elias åberg');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.case').count()).toBe(1);
    await textOf(page.locator('.case')).toContain(eliasReference);
    await textOf(page.locator('.case')).toContain('Barn: E. Å., årskurs 4');
    // The name went in a POST body, never in a URL.
    expect(page.url()).not.toMatch(/elias/i);
    await expectAccessible(page, 'search result');
    await screenshots(page, 'team-search');
  });

  it('takes the report, records the protection assessment with the acknowledgement, writes a note', async () => {
    await page.locator('.case a', { hasText: eliasReference }).click();
    await textOf(page.locator('h1:visible')).toBe(`Anmälan ${eliasReference}`);
    await textOf(page.locator('main')).toContain('Vad anmälaren har sett eller hört');
    // The earlier report about Elias (same personal number), indexed by notify from the stream: under load that
    // can take a moment after the seeding, so the page is opened again until it is there.
    await expect
      .poll(async () => {
        await page.reload();
        return (await page.locator('#earlier-reports').textContent({ timeout: 10_000 })) ?? '';
      }, { timeout: 60_000, interval: 1_000 })
      .toContain(earlierReference);
    await textOf(page.locator('#earlier-reports')).toContain('samma personnummer');
    await page.getByRole('button', { name: 'Ta anmälan', exact: true }).click();
    await textOf(page.locator('#action-done')).toBe('Du har tagit anmälan.');
    await textOf(page.locator('#assignee-now')).toContain('sara.lindqvist@ekdala.example (du)');
    await page.locator('label[for="assessment-no-immediate-risk"]').click();
    await page.getByRole('button', { name: 'Bekräfta mottagandet…' }).click();
    await page.getByRole('button', { name: 'Ja, bekräfta mottagandet' }).click();
    await textOf(page.locator('#action-done')).toBe('Mottagandet är bekräftat.');
    await textOf(page.locator('main')).toContain('Inget omedelbart skyddsbehov');
    await page.locator('#note-text').fill('Ringde mentorn, återkommer i morgon.');
    await page.getByRole('button', { name: 'Spara anteckningen' }).click();
    await textOf(page.locator('#notes-list')).toContain('Ringde mentorn');
    await expectAccessible(page, 'report taken, assessed, with a note');
    await screenshots(page, 'team-report');
  });

  it('prints the whole report on A4 without the portal chrome', async () => {
    await page.goto(`${stack.url}/cases/${eliasId}/print`);
    await textOf(page.locator('h1:visible')).toBe(`Orosanmälan ${eliasReference}`);
    await textOf(page.locator('.print-sheet')).toContain('Åberg');
    await textOf(page.locator('.print-sheet')).toContain('Ringde mentorn');
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    await expectAccessible(page, 'print view');
    await screenshots(page, 'team-print');
  });

  it('the fallback team forwards a report to the right team: the new team sees it, the old one does not', async () => {
    await signInAs('lina.berg@ekdala.example');
    await page.goto(`${stack.url}/cases/${fallbackId}`);
    await textOf(page.locator('h1:visible')).toBe(`Anmälan ${fallbackReference}`);
    await page.selectOption('#forward-team', 'mottagning-norr');
    await page.locator('#forward-reason').fill('Eleven går på Ekbackens skola');
    await page.getByRole('button', { name: 'Vidarebefordra' }).click();
    await textOf(page.locator('h1:visible')).toBe('Anmälan är vidarebefordrad');
    await expectAccessible(page, 'forwarded');
    await page.goto(`${stack.url}/cases/${fallbackId}`);
    await textOf(page.locator('h1:visible')).toBe('Anmälan finns inte');
    await signInAs('sara.lindqvist@ekdala.example');
    await page.locator('#list-q').fill(fallbackReference);
    await page.getByRole('button', { name: 'Sök' }).click();
    await textOf(page.locator('.case')).toContain(fallbackReference);
  });

  it('gives feedback on Elias’s report', async () => {
    await page.goto(`${stack.url}/cases/${eliasId}`);
    await page.locator('label[for="outcome-investigation-opened"]').click();
    await page.getByRole('button', { name: 'Granska och skicka…' }).click();
    await page.getByRole('button', { name: 'Ja, skicka återkopplingen' }).click();
    await textOf(page.locator('main')).toContain('Anmälan är avslutad');
    await expectAccessible(page, 'closed after feedback');
  });

  it('the lead sees the team view: open and overdue per person', async () => {
    await signInAs('karin.norberg@ekdala.example');
    await textOf(page.locator('#team-view')).toContain('Ingen handläggare');
    // The lead's way to the figures, from the same session (a team contact has no such link).
    expect(await page.getByRole('link', { name: 'Siffror' }).getAttribute('href')).toBe('/stats');
    expect(await page.getByRole('link', { name: 'Katalogen' }).count()).toBe(0); // a lead, not an administrator
    await expectAccessible(page, 'lead team view');
    await screenshots(page, 'team-lead-view');
  });

  it('the lead closes the forwarded report without feedback (inappropriate, with the reason): a choice only the lead has', async () => {
    await page.goto(`${stack.url}/cases/${fallbackId}`);
    await textOf(page.locator('h1:visible')).toBe(`Anmälan ${fallbackReference}`);
    await page.selectOption('#close-how', 'not-given-inappropriate');
    await page.locator('#close-detail').fill('Återkoppling skulle röja barnets vistelseort');
    await page.getByRole('button', { name: 'Avsluta anmälan' }).click();
    await textOf(page.locator('#action-done')).toBe('Anmälan är avslutad utan återkoppling.');
    await textOf(page.locator('main')).toContain('Återkoppling olämplig');
    await expectAccessible(page, 'closed without feedback by the lead');
  });
});
