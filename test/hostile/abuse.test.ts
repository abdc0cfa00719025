// Abuse of the public form: a per-client rate limit on submit (the numbers AWS uses), a honeypot that drops bot
// posts silently, and dev routes that exist only on the local server, never in the Lambda handlers.
import { ITEMS_PER_NEW_REPORT } from '../../core/storage/table.ts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../core/http/event.ts';
import { routes, matchRoute } from '../../core/http/routes.ts';
import { retryAfterSeconds, submitRouteThrottle, submitThrottle, submitWafRateRule } from '../../core/http/throttling.ts';
import { lambdaContext } from '../../local/http-server.ts';
import { HONEYPOT_TRIGGERED } from '../../core/observability/log-events.ts';
import { TokenBuckets } from '../../local/rate-limit.ts';
import { newFigures, recordFigures } from '../support/hostile-figures.ts';
import { captureOutput, postForm, postSubmission, rawRequest, startHostileStack, type HostileStack } from '../support/hostile-stack.ts';
import { validSubmission } from '../support/local-stack.ts';

const figures = newFigures();
let stack: HostileStack;

// A low limit, so the test sees it even on a slow machine; every other client here has its own loopback address.
const LIMIT = { ratePerSecond: 0.5, burst: 5 };

beforeAll(async () => {
  stack = await startHostileStack({ rateLimit: LIMIT });
});
afterAll(async () => {
  await stack?.stop();
  await recordFigures('abuse', figures);
});

describe('the token bucket', () => {
  it('allows a burst, then one request per refill interval, per client', () => {
    let now = 0;
    const buckets = new TokenBuckets({ ratePerSecond: 0.5, burst: 3, now: () => now });
    expect([1, 2, 3].map(() => buckets.take('a').allowed)).toEqual([true, true, true]);
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(buckets.take('b').allowed).toBe(true); // another client has its own bucket
    now = 1_000;
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now = 2_000;
    expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('a').allowed).toBe(false);
    now = 1_000_000; // long idle: full again, never more than the burst
    expect([1, 2, 3, 4].map(() => buckets.take('a').allowed)).toEqual([true, true, true, false]);
  });

  it('keeps memory bounded: idle (full) buckets are dropped when there are too many clients', () => {
    let now = 0;
    const buckets = new TokenBuckets({ ratePerSecond: 1, burst: 2, now: () => now, maxClients: 100 });
    for (let i = 0; i < 100; i++) buckets.take(`10.0.0.${i}`);
    now = 10_000;
    buckets.take('another');
    expect(buckets.clients).toBeLessThanOrEqual(1);
  });

  it('refuses a limit that would block everything', () => {
    expect(() => new TokenBuckets({ ratePerSecond: 0, burst: 5 })).toThrow();
    expect(retryAfterSeconds(0.99, { ratePerSecond: 100, burst: 1 })).toBe(1);
  });

  it('uses numbers the AWS stack can share: per client, per WAF window, per route', () => {
    expect(submitThrottle.burst).toBeGreaterThanOrEqual(10); // a shared school address is not cut off
    expect(submitWafRateRule.limit).toBeGreaterThanOrEqual(10); // WAF's minimum
    expect(submitWafRateRule.limit).toBe(Math.ceil(submitThrottle.ratePerSecond * submitWafRateRule.evaluationWindowSec + submitThrottle.burst));
    expect(submitRouteThrottle.ratePerSecond).toBeGreaterThan(submitThrottle.ratePerSecond);
  });
});

describe('the rate limit on submit (local server)', () => {
  it('answers 429 with Retry-After and a clear message past the burst, per source address, and stores nothing then', async () => {
    const before = await stack.countItems();
    const a = '127.0.0.2';
    const b = '127.0.0.3';
    // A flood: twice the burst at once from one address.
    const fromA = await Promise.all(Array.from({ length: 2 * LIMIT.burst }, () => postSubmission(stack.url, validSubmission(), { localAddress: a })));
    figures.inputsTried += fromA.length;
    const statuses = fromA.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 429), statuses.join(',')).toBe(true);
    const refused = fromA.filter((r) => r.status === 429);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(LIMIT.burst);
    expect(refused.length).toBeGreaterThanOrEqual(LIMIT.burst - 2); // a slow machine may refill a token or two
    for (const response of refused) {
      expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(response.json.message).toMatch(/too many requests.*wait \d+ seconds.*nothing was saved/);
    }
    const accepted = fromA.filter((r) => r.status === 201).length;
    figures.reportsAccepted += accepted;

    // Another client is not affected, and A's other routes are not limited.
    const fromB = await postSubmission(stack.url, validSubmission(), { localAddress: b });
    expect(fromB.status).toBe(201);
    figures.reportsAccepted++;
    expect((await rawRequest(stack.url, { path: '/', localAddress: a })).status).toBe(200);

    // After Retry-After, A may send again.
    await new Promise((resolve) => setTimeout(resolve, Number(refused[0]!.headers['retry-after']) * 1000));
    const again = await postSubmission(stack.url, validSubmission(), { localAddress: a });
    expect(again.status).toBe(201);
    figures.reportsAccepted++;

    // Each accepted report is a report item and its audit event; refused ones left nothing.
    const found = (await stack.scanAll()).filter((item) => item.sk === 'REPORT').length;
    expect(await stack.countItems()).toBe(before + ITEMS_PER_NEW_REPORT * (accepted + 2));
    figures.reportsFound += found;
  });
});

describe('the honeypot', () => {
  const bait = 'https://spam.example/köp-nu';
  const secretName = `Honungsfälla-${randomUUID().slice(0, 8)}`;

  it('is in the form page, hidden from people: visually hidden, out of the tab order, no autofill, hidden from screen readers', async () => {
    for (const path of ['/', '/en']) {
      const page = (await rawRequest(stack.url, { path, localAddress: '127.0.0.4' })).text;
      expect(page.match(/name="website"/g)?.length, `${path}: one honeypot field`).toBe(1);
      const input = /<input[^>]*name="website"[^>]*>/.exec(page)?.[0];
      expect(input, `${path} has the honeypot field`).toBeDefined();
      expect(input).toContain('tabindex="-1"');
      expect(input).toContain('autocomplete="off"');
      expect(input).not.toMatch(/value="[^"]/);
      const wrapper = new RegExp(`<div[^>]*>(?:(?!</div>)[\\s\\S])*${input!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(page)?.[0] ?? '';
      expect(wrapper).toMatch(/^<div[^>]*class="[^"]*visually-hidden[^"]*"[^>]*aria-hidden="true"|^<div[^>]*aria-hidden="true"[^>]*class="[^"]*visually-hidden/);
    }
  });

  it('filled in a JSON post: 201 with a plausible reference, the same shape as a real answer, nothing stored, nothing of it logged', async () => {
    const output = captureOutput();
    const before = await stack.countItems();
    const key = randomUUID();
    let response;
    let real;
    try {
      response = await postSubmission(stack.url, { ...validSubmission({ reporter: { name: secretName } }), website: bait }, { key, localAddress: '127.0.0.5' });
      real = await postSubmission(stack.url, validSubmission(), { localAddress: '127.0.0.5' });
    } finally {
      output.stop();
    }
    figures.inputsTried++;
    figures.reportsAccepted++;
    expect(response.status).toBe(201);
    expect(real.status).toBe(201);
    expect(Object.keys(response.json).sort()).toEqual(Object.keys(real.json).sort());
    expect(response.json).toMatchObject({ id: key, status: 'received', reference: expect.stringMatching(/^ORO-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/) });
    expect(Date.parse(response.json.acknowledgeBy)).toBeGreaterThan(Date.now());
    expect(await stack.repository.get(key)).toBeNull();
    expect(await stack.countItems()).toBe(before + ITEMS_PER_NEW_REPORT); // only the real one
    figures.reportsFound++;
    const logged = output.text();
    // The exact line the CloudWatch metric filter counts (infra/constructs/monitoring.ts): JSON with this message.
    const honeypotLines = logged.split('\n').filter((line) => line.startsWith('{') && JSON.parse(line).message === HONEYPOT_TRIGGERED);
    expect(honeypotLines).toHaveLength(1);
    expect(logged).not.toContain(secretName);
    expect(logged).not.toContain('spam.example');
  });

  it('filled in a plain form post: the receipt page, nothing stored; even an invalid body looks accepted', async () => {
    const before = await stack.countItems();
    const id = randomUUID();
    const form = new URLSearchParams({ submissionId: id, language: 'en', website: bait, 'reporter.name': secretName, 'reporter.email': 'not-an-address' });
    const response = await postForm(stack.url, form, { localAddress: '127.0.0.6' });
    figures.inputsTried++;
    expect(response.status).toBe(201);
    expect(response.text).toContain('Your report has been received');
    expect(response.text).toMatch(/ORO-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    expect(response.text).not.toContain(secretName);
    expect(await stack.repository.get(id)).toBeNull();
    expect(await stack.countItems()).toBe(before);
  });

  it('left empty, as people leave it: the report is stored as usual, and the field is not part of it', async () => {
    const id = randomUUID();
    const form = new URLSearchParams({
      submissionId: id,
      website: '',
      language: 'sv',
      schoolId: 'ekbacken',
      urgency: 'normal',
      'reporter.name': 'Anna Lind',
      'reporter.role': 'Kurator',
      'reporter.email': 'anna.lind@example.se',
      'child.firstName': 'Elias',
      'child.lastName': 'Berg',
      'concern.description': 'Sett i dag.',
      'concern.categories': 'absence',
      guardiansInformed: 'yes',
    });
    const response = await postForm(stack.url, form, { localAddress: '127.0.0.6' });
    expect(response.status).toBe(201);
    figures.reportsAccepted++;
    const stored = await stack.repository.get(id);
    expect(stored?.report.submission.reporter.name).toBe('Anna Lind');
    expect(JSON.stringify(stored)).not.toContain('website');
    figures.reportsFound++;
  });
});

describe('dev routes exist only on the local server', () => {
  const devPaths = ['/dev/sign-in', '/dev/sweep', '/dev/clock'];

  it('are not in the route table the AWS API is built from', () => {
    expect(routes.filter((r) => r.path.startsWith('/dev'))).toEqual([]);
    for (const path of devPaths) expect(matchRoute('POST', path)).toBeUndefined();
  });

  it('answer 404 from the Lambda handlers themselves, even for a signed-in member of staff', async () => {
    const [{ handler: web }, { handler: cases }] = await Promise.all([import('../../functions/web/handler.ts'), import('../../functions/cases/handler.ts')]);
    const event = (path: string, claims?: Record<string, string>): HttpEvent =>
      ({
        version: '2.0',
        routeKey: `POST ${path}`,
        rawPath: path,
        rawQueryString: '',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'karin.holm@ekdala.se', now: new Date().toISOString() }),
        isBase64Encoded: false,
        requestContext: {
          accountId: '0',
          apiId: 'test',
          domainName: 'localhost',
          domainPrefix: 'localhost',
          http: { method: 'POST', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
          requestId: randomUUID(),
          routeKey: `POST ${path}`,
          stage: '$default',
          time: new Date().toUTCString(),
          timeEpoch: Date.now(),
          ...(claims ? { authorizer: { principalId: claims.sub!, integrationLatency: 0, jwt: { claims, scopes: [] } } } : {}),
        },
      }) as HttpEvent;
    const { loadDirectory } = await import('../../core/directory/load.ts');
    const team = loadDirectory().teams[0]!;
    const staff = { sub: team.contacts[0]!.email, email: team.contacts[0]!.email, 'cognito:groups': team.id };
    for (const path of devPaths) {
      figures.inputsTried += 3;
      const fromWeb = await web(event(path), lambdaContext('web'));
      expect(fromWeb.statusCode).toBe(404);
      const fromCases = await cases(event(path, staff), lambdaContext('cases'));
      expect(fromCases.statusCode).toBe(404);
      // Without a sign-in the staff function refuses before it looks at the path.
      expect([401, 404]).toContain((await cases(event(path), lambdaContext('cases'))).statusCode);
    }
  });
});
