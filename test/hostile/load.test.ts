// Load on the local stack: 2 000 submissions (LOAD_SUBMISSIONS sets another number) from 50 concurrent
// clients, one in ten sent again with the same
// Idempotency-Key (half of those at the same moment as the first, as a double click does). Every accepted
// reference must be stored exactly once and get its alert (two team contacts) and receipt exactly once, counted
// in the SES store by reference, and nothing may land in the dead-letter file. Prints the throughput and the
// error count. Own SES, so thousands of emails do not weigh on the other test files' mailbox.
//
// Time: alone on this 2-core machine 2 000 take about 16 s to submit (127/s) and notify needs about 55 s more
// to send their 6 000 emails (claim, send, record each on DynamoDB Local); inside the whole suite, beside
// Chromium and the other files, the emails take longer (over 150 s seen), so the wait allows up to 7 minutes.
import { vi } from 'vitest';
vi.hoisted(() => {
  process.env.LOG_LEVEL = 'WARN'; // 8 000 "report created" and "email sent" lines say nothing here
});
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../local/processes.ts';
import { mailbox, startLocalSes, type LocalSes } from '../../local/ses.ts';
import { newFigures, recordFigures } from '../support/hostile-figures.ts';
import { sleep, startHostileStack, SUBMIT_PATH, waitFor, type HostileStack } from '../support/hostile-stack.ts';
import { validSubmission } from '../support/local-stack.ts';

const SUBMISSIONS = Number(process.env.LOAD_SUBMISSIONS ?? 2_000);
const CLIENTS = 50;
const RETRY_EVERY = 10; // one in ten
const EMAILS_PER_REPORT = 3;

const figures = newFigures();
let ses: LocalSes;
let stack: HostileStack;
const dlqFile = join(tmpdir(), `hostile-load-dlq-${randomUUID()}.jsonl`);

beforeAll(async () => {
  process.env.NOTIFY_DLQ_FILE = dlqFile;
  ses = await startLocalSes(await freePort());
  stack = await startHostileStack({ dynamoEndpoint: inject('dynamoEndpoint'), sesEndpoint: ses.endpoint });
});
afterAll(async () => {
  await stack?.stop();
  await ses?.stop();
  await recordFigures('load', figures);
});

interface Answer {
  status: number;
  reference?: string;
}

async function send(body: string, key: string): Promise<Answer> {
  const response = await fetch(`${stack.url}${SUBMIT_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body,
  });
  const json = (await response.json().catch(() => ({}))) as { reference?: string };
  return { status: response.status, reference: json.reference };
}

describe(`${SUBMISSIONS} submissions from ${CLIENTS} concurrent clients`, () => {
  const references = new Map<string, Set<string>>(); // key → references answered for it
  const errors = { byStatus: new Map<number, number>(), network: 0, recovered: 0 };
  let sent = 0;
  let elapsedMs = 0;

  it('are all accepted, each stored exactly once, retries answered with the same reference', async () => {
    let next = 0;
    const started = performance.now();

    async function attempt(body: string, key: string): Promise<Answer> {
      // A client retries what failed on the way (as the page does): counted as errors, never silently.
      for (let tries = 0; tries < 5; tries++) {
        sent++;
        try {
          const answer = await send(body, key);
          if (answer.status === 201) {
            if (tries > 0) errors.recovered++;
            return answer;
          }
          errors.byStatus.set(answer.status, (errors.byStatus.get(answer.status) ?? 0) + 1);
          if (answer.status < 500) return answer;
        } catch {
          errors.network++;
        }
        await sleep(100 * 2 ** tries);
      }
      return { status: 0 };
    }

    async function client(): Promise<void> {
      for (let n = next++; n < SUBMISSIONS; n = next++) {
        const key = randomUUID();
        const body = JSON.stringify(validSubmission({ schoolId: n % 3 === 0 ? 'sodervik' : 'ekbacken', reporter: { email: `last-${n}@example.se` } }));
        const retried = n % RETRY_EVERY === 0;
        const answers = retried && n % (2 * RETRY_EVERY) === 0
          ? await Promise.all([attempt(body, key), attempt(body, key)]) // a double click
          : [await attempt(body, key)];
        if (retried && answers.length === 1) answers.push(await attempt(body, key)); // sent again after the answer
        for (const answer of answers) {
          if (answer.status !== 201 || !answer.reference) continue;
          const set = references.get(key) ?? new Set<string>();
          set.add(answer.reference);
          references.set(key, set);
        }
      }
    }

    await Promise.all(Array.from({ length: CLIENTS }, client));
    elapsedMs = performance.now() - started;
    const failed = [...errors.byStatus.values()].reduce((a, b) => a + b, 0) + errors.network;
    const throughput = (SUBMISSIONS / elapsedMs) * 1000;
    console.log(
      `load: ${SUBMISSIONS} submissions (+${sent - SUBMISSIONS} retries and repeats) from ${CLIENTS} clients in ${(elapsedMs / 1000).toFixed(1)} s: ` +
        `${throughput.toFixed(0)} submissions/s; errors ${failed} (${[...errors.byStatus].map(([s, c]) => `${c}× ${s}`).join(', ') || 'no error answers'}, ${errors.network} network), ${errors.recovered} recovered by a retry`,
    );
    figures.requests += sent;
    figures.errors += failed;
    figures.notes = { 'submissions/s': Number(throughput.toFixed(1)), 'load seconds': Number((elapsedMs / 1000).toFixed(1)) };

    expect(references.size).toBe(SUBMISSIONS);
    for (const [key, set] of references) expect(set.size, key).toBe(1);
    figures.reportsAccepted += references.size;

    // Exactly one report item and one "submitted" audit event per accepted key.
    const items = await stack.scanAll();
    const reports = items.filter((item) => item.sk === 'REPORT');
    const submitted = items.filter((item) => item.action === 'submitted');
    expect(reports.length).toBe(SUBMISSIONS);
    expect(submitted.length).toBe(SUBMISSIONS);
    const byId = new Map(reports.map((item) => [item.id as string, item.reference as string]));
    for (const [key, set] of references) {
      if (byId.get(key) === [...set][0]) figures.reportsFound++;
    }
    expect(figures.reportsFound).toBe(SUBMISSIONS);
    expect(failed, 'no submission failed').toBe(0);
  }, 120_000);

  it('every report got its alerts and receipt exactly once (counted in the SES store by reference)', async () => {
    const started = performance.now();
    // Wait on the ledger (cheap to read), then count the mailbox once.
    let complete = 0;
    await waitFor(
      'every report to have its emails recorded',
      async () => {
        complete = 0;
        let start: Record<string, unknown> | undefined;
        do {
          const page = await stack.documentClient.send(
            new ScanCommand({ TableName: stack.tableName, ProjectionExpression: 'sk, sentEmails', ExclusiveStartKey: start }),
          );
          for (const item of page.Items ?? []) {
            if (item.sk === 'REPORT' && ((item.sentEmails as string[] | undefined)?.length ?? 0) >= EMAILS_PER_REPORT) complete++;
          }
          start = page.LastEvaluatedKey;
        } while (start);
        return complete >= SUBMISSIONS;
      },
      420_000,
      2_000,
    ).catch(async (error: Error) => {
      const dead = existsSync(dlqFile) ? (await readFile(dlqFile, 'utf8')).split('\n').filter(Boolean).length : 0;
      throw new Error(`${error.message}: ${complete} of ${SUBMISSIONS} reports complete, ${dead} stream records dead-lettered`);
    });
    await sleep(1_000); // a wrong duplicate would show up now
    const emails = await mailbox(ses.endpoint);
    const drainSeconds = (performance.now() - started) / 1000;
    const perReference = new Map<string, string[]>();
    for (const email of emails) {
      const reference = /ORO-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(email.subject)?.[0] ?? 'none';
      perReference.set(reference, [...(perReference.get(reference) ?? []), email.destination.to.join(',')]);
    }
    const wrong: string[] = [];
    for (const set of references.values()) {
      const reference = [...set][0]!;
      const recipients = perReference.get(reference) ?? [];
      if (recipients.length !== EMAILS_PER_REPORT || new Set(recipients).size !== recipients.length) wrong.push(`${reference}: ${recipients.join(' ')}`);
    }
    console.log(`load: ${emails.length} emails for ${references.size} reports, all recorded ${drainSeconds.toFixed(1)} s after the last submission`);
    figures.notes = { ...figures.notes, emails: emails.length, 'email drain seconds': Number(drainSeconds.toFixed(1)) };
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(emails.length).toBe(SUBMISSIONS * EMAILS_PER_REPORT);
    expect(perReference.has('none')).toBe(false);
    expect(existsSync(dlqFile), 'nothing dead-lettered').toBe(false);
  }, 450_000);
});
