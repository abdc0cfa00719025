// Injection: script and markup in every text field stay inert wherever the report shows up (the portal's API and
// pages in a real browser, the form page again, the receipt, the status page, the emails); line breaks cannot add
// email headers; ids cannot reach a DynamoDB expression; encoded paths cannot traverse.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEmail } from '../../local/ses.ts';
import { launchBrowser, openPage, signInContext } from '../support/browser.ts';
import { newFigures, recordFigures } from '../support/hostile-figures.ts';
import { postForm, postSubmission, rawRequest, startHostileStack, waitFor, type HostileStack } from '../support/hostile-stack.ts';
import { signIn, validSubmission } from '../support/local-stack.ts';

const figures = newFigures();
let stack: HostileStack;
let browser: Browser | undefined;

// Each payload is markup that would create an element with a known id if it were ever parsed as HTML.
const PAYLOADS = [
  '<script id="xss-script">window.__xss = 1</script>',
  '"><img id="xss-img" src=x onerror="window.__xss=2">',
  "'><svg id=\"xss-svg\" onload=\"window.__xss=3\"></svg>",
  '</textarea><b id="xss-textarea">bold</b>',
  '<iframe id="xss-frame" srcdoc="<script>parent.__xss=4</script>"></iframe>',
  '<a id="xss-link" href="javascript:window.__xss=5">klicka här</a>',
  '{{constructor.constructor("window.__xss=6")()}}',
];
const PAYLOAD_IDS = ['xss-script', 'xss-img', 'xss-svg', 'xss-textarea', 'xss-frame', 'xss-link'];
const everyPayload = PAYLOADS.join(' ');

// Raw markup must never appear unescaped in an HTML answer.
const RAW_MARKUP = [/<script id="xss/, /<img id="xss/, /<svg id="xss/, /<b id="xss/, /<iframe id="xss/, /<a id="xss/];

function expectNoRawMarkup(html: string, where: string): void {
  for (const pattern of RAW_MARKUP) expect(html, `${where}: ${pattern} unescaped`).not.toMatch(pattern);
}

/** A body with a payload in every free-text field (different ones, so each is traced to its field). */
function hostileBody(reporterEmail: string): Record<string, unknown> {
  return validSubmission({
    schoolId: 'ekbacken',
    reporter: { name: `Anna ${PAYLOADS[0]}`, role: `Lärare ${PAYLOADS[1]}`, email: reporterEmail, phone: '040-123 45 67' },
    child: { firstName: `Elias ${PAYLOADS[2]}`, lastName: `Berg ${PAYLOADS[3]}`, personalNumber: '', grade: '4 <b id="xss-grade">' },
    concern: { categories: ['other'], description: everyPayload, childsOwnWords: PAYLOADS[4], actionsTaken: PAYLOADS[5] },
    guardiansInformed: 'no',
    guardiansNotInformedReason: PAYLOADS[6],
  });
}

async function emailsAbout(reference: string): Promise<StoredEmail[]> {
  return (await stack.emails()).filter((email) => email.subject.includes(reference) || (email.body.text ?? '').includes(reference));
}

beforeAll(async () => {
  stack = await startHostileStack();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await recordFigures('injection', figures);
});

describe('script and markup in every text field', () => {
  const reporterEmail = `injektion-${randomUUID().slice(0, 8)}@skola.ekdala.example`; // a school domain: its receipt carries the status link (issue 13)
  let id: string;
  let reference: string;
  let token: string;

  beforeAll(async () => {
    id = randomUUID();
    const response = await postSubmission(stack.url, hostileBody(reporterEmail), { key: id });
    expect(response.status).toBe(201);
    figures.inputsTried += PAYLOADS.length;
    figures.reportsAccepted++;
    reference = response.json.reference;
    token = await signIn(stack.url, 'sara.lindqvist@ekdala.example');
  });

  it('are stored as sent: escaping is the renderer\'s job, the data is never mangled', async () => {
    const stored = await stack.repository.get(id);
    expect(stored?.report.submission.concern.description).toBe(everyPayload);
    expect(stored?.report.submission.reporter.name).toBe(`Anna ${PAYLOADS[0]}`);
    figures.reportsFound++;
  });

  it('come back from the staff API as JSON data, never as something a browser would render', async () => {
    const auth = { authorization: `Bearer ${token}` };
    for (const path of [`/api/cases/${id}`, '/api/cases?status=open']) {
      const response = await rawRequest(stack.url, { path, headers: auth });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
    const full = await rawRequest(stack.url, { path: `/api/cases/${id}`, headers: auth });
    expect(full.json.report.submission.concern.description).toBe(everyPayload);
  });

  it('are shown as text in the portal, in a real browser: no element of theirs exists, nothing ran', async () => {
    const note = `Återkoppling ${PAYLOADS[1]}`;
    const feedback = await rawRequest(stack.url, {
      method: 'POST',
      path: `/api/cases/${id}/feedback`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'already-ongoing', note }),
    });
    expect(feedback.status).toBe(200);
    figures.inputsTried++;

    browser = await launchBrowser();
    // Signed in as the portal's session does it: the session cookie in the context, the ID token fetched by the page.
    const { context, page } = await openPage(browser);
    await signInContext(context, stack.url, 'sara.lindqvist@ekdala.example');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${stack.url}/cases/${id}`);
    await page.locator('h1:visible', { hasText: reference }).waitFor({ timeout: 20_000 });
    await page.locator('main', { hasText: 'xss-textarea' }).waitFor({ timeout: 10_000 });
    const main = (await page.locator('main').textContent()) ?? '';
    // The payloads are there, as text a person can read…
    expect(main).toContain('<b id="xss-textarea">bold</b>');
    expect(main).toContain('<script id="xss-script">');
    // …and none became an element, and no script of theirs ran.
    for (const elementId of [...PAYLOAD_IDS, 'xss-grade']) {
      expect(await page.locator(`[id="${elementId}"]`).count(), `#${elementId} in the portal`).toBe(0);
    }
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('are escaped in the form page shown again after a form post with errors, and absent from the receipt', async () => {
    const withError = new URLSearchParams({
      submissionId: randomUUID(),
      language: 'sv',
      schoolId: 'ekbacken',
      urgency: 'normal',
      'reporter.name': PAYLOADS[0]!,
      'reporter.role': PAYLOADS[1]!,
      'reporter.email': 'inte-en-adress', // the error that brings the form back
      'child.firstName': PAYLOADS[2]!,
      'child.lastName': PAYLOADS[3]!,
      'concern.description': everyPayload,
      'concern.childsOwnWords': PAYLOADS[3]!,
      guardiansInformed: 'no',
      guardiansNotInformedReason: PAYLOADS[5]!,
    });
    const again = await postForm(stack.url, withError);
    figures.inputsTried += PAYLOADS.length;
    expect(again.status).toBe(400);
    expectNoRawMarkup(again.text, 'the form again');
    expect(again.text).toContain('&lt;/textarea&gt;&lt;b id=&quot;xss-textarea&quot;&gt;');

    const valid = new URLSearchParams(withError);
    valid.set('submissionId', randomUUID());
    valid.set('reporter.email', reporterEmail);
    valid.append('concern.categories', 'other');
    const receipt = await postForm(stack.url, valid);
    expect(receipt.status).toBe(201);
    figures.reportsAccepted++;
    if (await stack.repository.get(valid.get('submissionId')!)) figures.reportsFound++;
    expectNoRawMarkup(receipt.text, 'the receipt');
    for (const payload of PAYLOADS) expect(receipt.text).not.toContain(payload);
  });

  it('never reach an email (no personal data there at all), and the status page shows none of them', async () => {
    // Two alerts (the team's contacts) and the receipt.
    const emails = await waitFor('the three emails', async () => {
      const found = await emailsAbout(reference);
      return found.length >= 3 && found;
    });
    for (const email of emails) {
      for (const part of [email.subject, email.body.text ?? '', email.body.html ?? '']) {
        expectNoRawMarkup(part, `email "${email.subject}"`);
        expect(part).not.toMatch(/xss|Elias|Berg|Anna|onerror|<script/);
      }
    }
    const receipt = emails.find((email) => email.destination.to.includes(reporterEmail))!;
    const statusPath = /\/status\/[A-Za-z0-9_.-]+/.exec(receipt.body.text ?? '')?.[0];
    expect(statusPath).toBeDefined();
    const statusPage = await rawRequest(stack.url, { path: statusPath! });
    expect(statusPage.status).toBe(200);
    expect(statusPage.text).toContain(reference);
    expectNoRawMarkup(statusPage.text, 'the status page');
    expect(statusPage.text).not.toMatch(/xss|Elias|Anna|Återkoppling &lt;/);
    const statusJson = await rawRequest(stack.url, { path: statusPath!.replace('/status/', '/api/status/') });
    expect(statusJson.headers['content-type']).toMatch(/^application\/json/);
    expect(statusJson.text).not.toMatch(/xss|Elias|Anna/);
  });
});

describe('line breaks in names cannot add email headers', () => {
  it('a name with CR LF and header text is stored as text; every email goes only to its one recipient, subjects stay one line', async () => {
    const reporterEmail = `rubrik-${randomUUID().slice(0, 8)}@example.se`;
    const injected = 'Anna\r\nBcc: evil@attacker.example\r\nSubject: pwned\r\n\r\n<h1>body</h1>';
    const response = await postSubmission(
      stack.url,
      validSubmission({ reporter: { name: injected, role: 'Kurator\nCc: evil@attacker.example', email: reporterEmail }, child: { firstName: 'Elias\r\nX-Injected: 1' } }),
    );
    figures.inputsTried += 3;
    expect(response.status).toBe(201);
    figures.reportsAccepted++;
    const stored = await stack.repository.get(response.json.id);
    if (stored) figures.reportsFound++;
    expect(stored?.report.submission.reporter.name).toBe(injected.trim());
    const emails = await waitFor('the three emails', async () => {
      const found = await emailsAbout(response.json.reference);
      return found.length >= 3 && found;
    });
    const team = ['sara.lindqvist@ekdala.example', 'johan.ek@ekdala.example'];
    for (const email of emails) {
      expect(email.destination.cc).toEqual([]);
      expect(email.destination.bcc).toEqual([]);
      expect(email.destination.to).toHaveLength(1);
      expect([...team, reporterEmail]).toContain(email.destination.to[0]);
      expect(email.subject).not.toMatch(/[\r\n]/);
      expect(email.subject).not.toContain('pwned');
    }
    const all = await stack.emails();
    expect(all.filter((e) => [...e.destination.to, ...e.destination.cc, ...e.destination.bcc].some((a) => a.includes('attacker.example')))).toEqual([]);
  });

  it('an email address with a line break (or a second address) is refused before anything is stored', async () => {
    const before = await stack.countItems();
    for (const email of ['anna@example.se\r\nBcc: evil@attacker.example', 'anna@example.se,evil@attacker.example', 'anna@example.se\nevil@attacker.example', '"Anna" <anna@example.se>', 'anna@example.se%0ABcc:evil@attacker.example']) {
      const response = await postSubmission(stack.url, validSubmission({ reporter: { email } }));
      figures.inputsTried++;
      expect(response.status, email).toBe(400);
      expect(response.json.errors.map((e: { path: string }) => e.path)).toContain('reporter.email');
    }
    expect(await stack.countItems()).toBe(before);
  });
});

describe('ids cannot reach a DynamoDB expression', () => {
  const hostileIds = [
    'x" OR 1=1',
    "x' OR '1'='1",
    'REPORT#00000000-0000-4000-8000-000000000000',
    'AUDIT#',
    '00000000-0000-4000-8000-000000000000#REPORT',
    ':pk',
    '#version',
    'attribute_exists(pk)',
    '*',
    '%00',
    'x'.repeat(5_000),
    '0'.repeat(36),
    ' 00000000-0000-4000-8000-000000000000',
    '00000000-0000-4000-8000-00000000000G',
  ];
  let token: string;
  beforeAll(async () => {
    token = await signIn(stack.url, 'sara.lindqvist@ekdala.example');
  });

  it('a hostile report id is 404 in every staff route and changes nothing', async () => {
    const before = await stack.countItems();
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    for (const id of hostileIds) {
      const segment = encodeURIComponent(id);
      const answers = await Promise.all([
        rawRequest(stack.url, { path: `/api/cases/${segment}`, headers: auth }),
        rawRequest(stack.url, { method: 'POST', path: `/api/cases/${segment}/acknowledge`, headers: auth, body: JSON.stringify({ protectionAssessment: { result: 'no-immediate-risk' } }) }),
        rawRequest(stack.url, { method: 'POST', path: `/api/cases/${segment}/feedback`, headers: auth, body: JSON.stringify({ outcome: 'already-ongoing' }) }),
        rawRequest(stack.url, { path: `/cases/${segment}` }),
      ]);
      figures.inputsTried += answers.length;
      for (const [i, answer] of answers.slice(0, 3).entries()) {
        if (answer.status >= 500) figures.errors++;
        expect(answer.status, `${id.slice(0, 40)} (request ${i})`).toBe(404);
      }
      // The portal page shell (/cases/{id}) holds no data and loads the report by its id from the API (404 above):
      // it may render for any one-segment id, but the id goes into it escaped.
      const shell = answers[3]!;
      expect([200, 404], id.slice(0, 40)).toContain(shell.status);
      if (/["'<>&]/.test(id)) expect(shell.text).not.toContain(id);
    }
    expect(await stack.countItems()).toBe(before);
  });

  it('a hostile status token is 404, like any wrong link', async () => {
    for (const token of [...hostileIds, 'a.b', 'a.b.c', '..', 'eyJ.eyJ.sig', `${Buffer.from('REPORT#x').toString('base64url')}.x`]) {
      for (const prefix of ['/status/', '/api/status/']) {
        const path = `${prefix}${encodeURIComponent(token)}`;
        const response = await rawRequest(stack.url, { path });
        figures.inputsTried++;
        // "/status/.." is resolved by URL parsing to "/", the public form: not a token at all.
        const resolved = new URL(path, 'http://localhost').pathname;
        expect(response.status, `${prefix}${token.slice(0, 40)}`).toBe(resolved === '/' ? 200 : 404);
      }
    }
  });
});

describe('path traversal in route parameters', () => {
  it('encoded dots and slashes, malformed escapes and control characters are 404, never a file or a 5xx', async () => {
    // Signed in, so the staff routes answer for themselves rather than the authorizer's 401.
    const auth = { authorization: `Bearer ${await signIn(stack.url, 'sara.lindqvist@ekdala.example')}` };
    const paths = [
      '/assets/..%2F..%2Fpackage.json',
      '/assets/%2e%2e%2fpackage.json',
      '/assets/..%5Cpackage.json',
      '/assets/%252e%252e%252fpackage.json',
      '/assets/..%2F..%2F..%2Fetc%2Fpasswd',
      '/assets/%00',
      '/assets/%zz',
      '/cases/..%2F..%2Fapi%2Fcases',
      '/cases/%2e%2e%2f%2e%2e%2fpackage.json',
      '/cases/..',
      '/cases/%2e%2e',
      '/cases/%E0%A4%A',
      '/cases/%0d%0aSet-Cookie:%20x=1',
      '/status/..%2F..%2Fapi%2Fcases',
      '/status/%2e%2e',
      '/api/status/..%2Fcases',
      '/api/cases/..%2F..%2Fpackage.json',
      '/api/cases/%2e%2e/acknowledge',
      '/api/forms/concern-report/..%2Fsubmissions',
      '/api/forms/..%2F..%2Fpackage.json',
      '//etc/passwd',
      '/../../package.json',
      '/%2e%2e/%2e%2e/package.json',
      '/en/..%2F..%2Fpackage.json',
    ];
    for (const path of paths) {
      const response = await rawRequest(stack.url, { path, headers: auth });
      figures.inputsTried++;
      if (response.status >= 500) figures.errors++;
      const what = `${path} → ${response.status}`;
      expect(response.status, what).toBeLessThan(500);
      expect(response.text, what).not.toContain('"name": "concern-intake"');
      expect(response.text, what).not.toContain('root:x:0:0');
      // A dot segment the URL parser resolves (/cases/.. → /) lands on a public page; anything else is 404.
      const resolved = new URL(path, 'http://localhost').pathname;
      if (resolved === '/' || resolved === '/en') expect(response.status, what).toBe(200);
      else expect(response.status, what).toBe(404);
    }
  });
});
