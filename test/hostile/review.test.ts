// What a hostile review found after the first hostile tests, each reproduced here through the local server:
// form posts whose field names clash, text that is blank to a person, impossible or contradictory birth dates,
// personal numbers stored as typed, and refusals (413, 431) that broke the client's kept-alive connection.
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { createConnection } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../forms/concern-report/schema.ts';
import { MAX_HEADER_BYTES } from '../../local/http-server.ts';
import { newFigures, recordFigures } from '../support/hostile-figures.ts';
import { postForm, postSubmission, startHostileStack, type HostileStack } from '../support/hostile-stack.ts';
import { validSubmission } from '../support/local-stack.ts';

const figures = newFigures();
let stack: HostileStack;

beforeAll(async () => {
  stack = await startHostileStack();
});
afterAll(async () => {
  await stack?.stop();
  await recordFigures('review', figures);
});

/** The example submission as the page without JavaScript posts it. */
function formFields(): URLSearchParams {
  const form = new URLSearchParams({
    submissionId: randomUUID(),
    schoolId: 'ekbacken',
    urgency: 'normal',
    'reporter.name': 'Anna Lind',
    'reporter.role': 'Klasslärare',
    'reporter.email': 'anna.lind@example.se',
    'child.firstName': 'Elias',
    'child.lastName': 'Berg',
    'concern.description': 'What was seen or heard.',
    guardiansInformed: 'yes',
  });
  form.append('concern.categories', 'absence');
  return form;
}

describe('a form post whose field names clash gets the form again with an error, never a 500', () => {
  const clashes: Array<[string, Array<[string, string]>]> = [
    ['a value before its group', [['concern', 'x']]],
    ['a list under a value', [['concern.categories.more', 'x']]],
    ['a group under a list', [['concern.categories.0', 'absence']]],
    ['a value named like a group, first', [['child', 'x']]],
  ];
  for (const [what, extra] of clashes) {
    for (const position of ['first', 'last'] as const) {
      it(`${what} (${position})`, async () => {
        const fields = formFields();
        const form = new URLSearchParams(position === 'first' ? [...extra, ...fields] : [...fields, ...extra]);
        const before = await stack.countItems();
        const response = await postForm(stack.url, form);
        figures.inputsTried++;
        if (response.status >= 500) figures.errors++;
        expect(response.status, response.text.slice(0, 300)).toBeLessThan(500);
        if (response.status === 400) {
          expect(response.headers['content-type']).toMatch(/text\/html/);
          expect(response.text).toMatch(/<form/);
        }
        if (response.status !== 201) expect(await stack.countItems()).toBe(before);
      });
    }
  }
});

describe('required text and the child\'s identity', () => {
  async function refused(child: Record<string, unknown>, path: string, reporter?: Record<string, unknown>): Promise<void> {
    const response = await postSubmission(stack.url, validSubmission({ child, ...(reporter ? { reporter } : {}) }));
    figures.inputsTried++;
    expect(response.status, response.text.slice(0, 300)).toBe(400);
    expect(response.json.errors.map((e: { path: string }) => e.path)).toContain(path);
  }

  it('text that is blank to a person (invisible and control characters only) is refused as missing', async () => {
    for (const blank of ['\u200b\u200b', '\u200d\u2060\ufeff', '\u0001\u0002', '\u00ad', ' \u180e\u200c ', '\u202e\u2066']) {
      await refused({ firstName: blank }, 'child.firstName');
      await refused({}, 'reporter.name', { name: blank });
    }
  });

  it('text with letters and invisible characters between them is accepted', async () => {
    const response = await postSubmission(stack.url, validSubmission({ child: { firstName: 'Ella\u200dMaja' } }));
    expect(response.status, response.text).toBe(201);
    figures.reportsAccepted++;
    if (await stack.repository.get(response.json.id)) figures.reportsFound++;
  });

  it('an impossible birth date, one in the future, and one the personal number contradicts are refused', async () => {
    await refused({ birthDate: '2015-02-30' }, 'child.birthDate');
    await refused({ birthDate: '2015-13-01' }, 'child.birthDate');
    await refused({ birthDate: '0000-01-01' }, 'child.birthDate');
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await refused({ birthDate: tomorrow }, 'child.birthDate');
    await refused({ personalNumber: '20150312-2382', birthDate: '2015-03-13' }, 'child.birthDate');
  });

  it('a personal number in the future is refused', async () => {
    await refused({ personalNumber: '20990312-2381' }, 'child.personalNumber');
  });

  it('the personal number is stored in one form (YYYYMMDD-XXXX), however it was typed', async () => {
    const typed = ['20150312-2382', '201503122382', '150312-2382', '1503122382', ' 20150312 2382 '];
    for (const personalNumber of typed) {
      const response = await postSubmission(stack.url, validSubmission({ child: { personalNumber, birthDate: '2015-03-12' } }));
      expect(response.status, `${personalNumber}: ${response.text}`).toBe(201);
      figures.reportsAccepted++;
      const stored = await stack.repository.get(response.json.id);
      if (stored) figures.reportsFound++;
      expect(stored!.report.submission.child.personalNumber, personalNumber).toBe('20150312-2382');
    }
    // "+" marks a person of 100 or more: the century before.
    const old = await postSubmission(stack.url, validSubmission({ child: { personalNumber: '150312+2382' } }));
    expect(old.status, old.text).toBe(201);
    figures.reportsAccepted++;
    const stored = await stack.repository.get(old.json.id);
    if (stored) figures.reportsFound++;
    expect(stored!.report.submission.child.personalNumber).toBe('19150312-2382');
  });
});

describe('a refused body or header closes the connection, so the client\'s next request is not reset', () => {
  /** Two requests on one kept-alive connection: the refused one, then an ordinary GET. */
  async function refusedThenNext(refused: { headers: Record<string, string>; body?: string }): Promise<{ first: number; firstConnection?: string; second: number | string }> {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const target = new URL(stack.url);
    const send = (options: { method: string; path: string; headers: Record<string, string>; body?: string }) =>
      new Promise<{ status: number; connection?: string }>((resolve, reject) => {
        const req = request({ host: target.hostname, port: target.port, agent, ...options }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
        });
        req.on('error', reject);
        if (options.body !== undefined) req.write(options.body);
        req.end();
      });
    try {
      const first = await send({ method: 'POST', path: '/api/forms/concern-report/submissions', ...refused });
      const second = await send({ method: 'GET', path: '/', headers: {} }).then(
        (r) => r.status,
        (error: NodeJS.ErrnoException) => error.code ?? String(error),
      );
      return { first: first.status, firstConnection: first.connection, second };
    } finally {
      agent.destroy();
    }
  }

  it('after a 413 (a body over the server\'s read limit)', async () => {
    const body = 'x'.repeat(1024 * 1024 + 1);
    const result = await refusedThenNext({ headers: { 'content-type': 'application/json', 'content-length': String(body.length) }, body });
    figures.inputsTried++;
    expect(result.first).toBe(413);
    expect(result.firstConnection).toBe('close');
    expect(result.second).toBe(200);
  });

  it('after a 413 from the handler (a body over the form\'s limit)', async () => {
    const body = JSON.stringify({ pad: 'x'.repeat(MAX_BODY_BYTES) });
    const result = await refusedThenNext({ headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'content-length': String(body.length) }, body });
    figures.inputsTried++;
    expect(result.first).toBe(413);
    expect(result.second).toBe(200);
  });

  it('after a 431 (headers over 10 KB)', async () => {
    const result = await refusedThenNext({ headers: { 'content-type': 'application/json', 'x-padding': 'x'.repeat(MAX_HEADER_BYTES + 100), 'content-length': '2' }, body: '{}' });
    figures.inputsTried++;
    expect(result.first).toBe(431);
    expect(result.firstConnection).toBe('close');
    expect(result.second).toBe(200);
  });
});

describe('DynamoDB Local, which has no authentication, is reachable from this machine only', () => {
  /** 'open', or the error code of the refused connection. */
  const connect = (host: string, port: number) =>
    new Promise<string>((resolve) => {
      const socket = createConnection({ host, port, timeout: 3_000 });
      socket.once('connect', () => {
        socket.destroy();
        resolve('open');
      });
      socket.once('timeout', () => {
        socket.destroy();
        resolve('timeout');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });

  it('accepts connections on loopback and refuses them on every other address of the machine', async (context) => {
    const port = Number(new URL(stack.dynamoEndpoint).port);
    expect(await connect('127.0.0.1', port)).toBe('open');
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal && address.family === 'IPv4')
      .map((address) => address!.address);
    if (others.length === 0) context.skip('this machine has no network address besides loopback');
    for (const address of others) {
      figures.inputsTried++;
      expect(await connect(address, port), `${address}:${port}`).not.toBe('open');
    }
  });
});
