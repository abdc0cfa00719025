// The directory's admin page in real Chromium on the local stack: an administrator signs in (the portal's local
// dev sign-in), adds a school with its named contact, sees a mistake next to its field, saves; a teacher then picks
// the new school in the form and sees its contact. axe-core on every state; keyboard only where a person would be.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeLog, expectAccessible, expectFocused, expectVisible, launchBrowser, openPage, screenshots, signInAs, textOf } from '../support/browser.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';

const CACHE_SECONDS = 1;
let stack: TestStack;
let browser: Browser;
let context: BrowserContext;
let admin: Page;
let problems: string[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack({ directoryMaxAgeSeconds: CACHE_SECONDS }), launchBrowser()]);
  ({ context, page: admin, problems } = await openPage(browser, { acceptDownloads: true }));
});
afterEach(() => {
  expect(problems).toEqual([]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  console.log(`axe checked: ${axeLog.join('; ')}`);
});

describe('the directory admin page', () => {
  it('asks to sign in first when there is no session', async () => {
    await admin.goto(`${stack.url}/admin`);
    await expectVisible(admin.locator('#admin-sign-in'));
    await expectAccessible(admin, 'admin, not signed in');
  });

  it('loads the directory for an administrator signed in through the portal', async () => {
    await signInAs(admin, stack.url, 'alva.admin@ekdala.example');
    // The portal shows an administrator the way to the directory (and to the figures).
    const toDirectory = admin.getByRole('link', { name: 'Katalogen' });
    await expectVisible(toDirectory);
    expect(await toDirectory.getAttribute('href')).toBe('/admin');
    expect(await admin.getByRole('link', { name: 'Siffror' }).getAttribute('href')).toBe('/stats');
    await toDirectory.click();
    await expectVisible(admin.locator('#directory-form'));
    await textOf(admin.locator('#admin-status')).toContain('Version 1');
    await expect.poll(() => admin.inputValue('#d-schools-0-id')).toBe('ekbacken');
    await textOf(admin.locator('[data-history]')).toContain('deployment');
    await expectAccessible(admin, 'admin, loaded');
    await screenshots(admin, 'admin-loaded');
  });

  it('adds a school by keyboard, shows a missing named contact next to its field, then saves it', async () => {
    const add = admin.locator('#d-schools-add');
    await add.focus();
    await admin.keyboard.press('Enter');
    const index = await admin.locator('#d-schools > fieldset').count() - 1;
    const field = (name: string) => `#d-schools-${index}-${name}`;
    await expectFocused(admin.locator(field('id')));
    await admin.keyboard.type('nyskolan');
    await admin.fill(field('name'), 'Nyskolans skola');
    await admin.fill(field('areaId'), 'norr');
    await admin.locator('#directory-form button[type=submit]').click();
    // Checked in the browser with the server's schema: the summary takes focus and links to the field.
    await expectFocused(admin.locator('#error-summary'));
    // In the administrator's words: the school by its number and name, the field by its label; no path, no English.
    await textOf(admin.locator('#error-summary')).toContain(`Skola ${index + 1} (Nyskolans skola): namngiven kontakt saknas`);
    await textOf(admin.locator(`${field('namedContact')}-error`)).toBe('Fel: Namngiven kontakt saknas.');
    expect(await admin.getAttribute(field('namedContact'), 'aria-invalid')).toBe('true');
    expect(await admin.getAttribute(field('namedContact'), 'aria-describedby')).toContain(`d-schools-${index}-namedContact-error`);
    await expectAccessible(admin, 'admin, a field in error');
    await admin.locator(`#error-summary a[href="${field('namedContact')}"]`).click();
    await expectFocused(admin.locator(field('namedContact')));

    // A person of another team is refused too, with the team that serves the area named.
    await admin.keyboard.type('maria.holm@ekdala.example');
    await admin.locator('#directory-form button[type=submit]').click();
    await textOf(admin.locator(`${field('namedContact')}-error`)).toBe(
      'Fel: Namngiven kontakt måste vara en kontaktperson eller teamledaren i Mottagningsgruppen Norr, gruppen som har Norra Ekdala.',
    );

    await admin.fill(field('namedContact'), 'johan.ek@ekdala.example');
    await admin.locator('#directory-form button[type=submit]').click();
    await textOf(admin.locator('#admin-status')).toContain('Sparat som version 2');
    await expect.poll(() => admin.locator('#error-summary').count()).toBe(0);
    await textOf(admin.locator('[data-history]')).toContain('tillagt: schools/nyskolan');
    await expectAccessible(admin, 'admin, saved');
  });

  it('a teacher then picks the new school in the form and sees its contact, a function and phone', async () => {
    await new Promise((resolve) => setTimeout(resolve, CACHE_SECONDS * 1000 + 100));
    const teacher = await context.newPage();
    await teacher.goto(`${stack.url}/`);
    await teacher.selectOption('#f-schoolId', 'nyskolan');
    await textOf(teacher.locator('#f-schoolId-contact')).toBe('Mottagningsgruppen Norr, kontakt för Nyskolans skola, 010-100 11 10');
    // The named person is not published on the public form.
    expect(await teacher.content()).not.toContain('Johan Ek');
    await expectAccessible(teacher, 'form, a school added by the administrator');
    await teacher.close();
  });

  it('exports the JSON file format, and imports one, showing its problems by field', async () => {
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.locator('[data-export]').click()]);
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(exported.schools.map((s: { id: string }) => s.id)).toContain('nyskolan');

    exported.areas[0].teamId = 'no-such-team';
    await admin.setInputFiles('#directory-import', { name: 'directory.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await textOf(admin.locator('#admin-status')).toContain('directory.json är inläst');
    await textOf(admin.locator('#d-areas-0-teamId-error')).toContain('"no-such-team" finns inte bland mottagningsgrupperna');
    await expectAccessible(admin, 'admin, an imported file with a problem');
  });

  it('words a refusal only the server can make (removing yourself) in Swedish too, over the section', async () => {
    await admin.goto(`${stack.url}/admin`);
    await textOf(admin.locator('#admin-status')).toContain('Version 2');
    await admin.fill('#d-administrators-0-email', 'someone.else@ekdala.example');
    await admin.locator('#directory-form button[type=submit]').click();
    await textOf(admin.locator('#error-summary')).toContain('Administratörer: måste fortfarande innehålla dig själv – be en annan administratör ta bort dig');
    await textOf(admin.locator('#d-administrators-error')).toContain('Fel: Måste fortfarande innehålla dig själv');
    await expectAccessible(admin, 'admin, refused by the server');
  });
});
