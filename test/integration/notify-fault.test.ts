// SES goes down while reports arrive: the reports are stored (the person submitting sees no error), the
// emails wait in the stream's retries, and once SES is back every expected email arrives, none twice.
// This file runs its own local SES (the shared one must stay up for the other files) and its own app.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ReportRepository } from '../../core/adapters/dynamodb/report-repository.ts';
import { startApp, type LocalApp } from '../../local/app.ts';
import { freePort } from '../../local/processes.ts';
import { startLocalSes, type LocalSes } from '../../local/ses.ts';
import { submit, validSubmission } from '../support/local-stack.ts';
import { about, recipients, uniqueReporter, waitForEmails } from './notify-support.ts';
import { localDocumentClient } from '../support/dynamodb.ts';

let ses: LocalSes | undefined;
let sesPort: number;
let app: LocalApp;
let repository: ReportRepository;
let client: DynamoDBDocumentClient;
const logLines: string[] = [];
const dlqFile = join(tmpdir(), `notify-dlq-${randomUUID()}.jsonl`);

beforeAll(async () => {
  sesPort = await freePort();
  ses = await startLocalSes(sesPort);
  process.env.NOTIFY_DLQ_FILE = dlqFile;
  const dynamoEndpoint = inject('dynamoEndpoint');
  app = await startApp({
    port: await freePort(),
    dynamoEndpoint,
    sesEndpoint: ses.endpoint,
    tableName: `fault-${randomUUID().slice(0, 8)}`,
    log: (line) => logLines.push(line),
    sweepIntervalMs: 0,
  });
  client = localDocumentClient(dynamoEndpoint);
  repository = new ReportRepository({ client, tableName: app.tableName, retentionDays: 90 });
});

afterAll(async () => {
  await app?.stop();
  await ses?.stop();
  client?.destroy();
});

async function newReport() {
  const reporter = uniqueReporter();
  const response = await submit(app.url, validSubmission({ reporter: { email: reporter } }), { key: randomUUID() });
  const { id, reference } = response.json as { id: string; reference: string };
  return { status: response.status, reporter, id, reference };
}

describe('notify when SES is down', () => {
  it('stores the reports, then sends every email once SES is back, none twice', async () => {
    const endpoint = ses!.endpoint;
    const before = await newReport();
    expect(before.status).toBe(201);
    expect(await waitForEmails(endpoint, about(before.reference), 3)).toHaveLength(3);

    await ses!.stop();
    ses = undefined;
    const during = [await newReport(), await newReport(), await newReport()];
    for (const report of during) {
      expect(report.status).toBe(201);
      expect((await repository.get(report.id))?.report.reference).toBe(report.reference);
    }
    // Let the poller try and fail a few times (its retries back off: 0.5 s, 1 s, 2 s…).
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    for (const report of during) expect((await repository.get(report.id))?.report.sentEmails).toEqual([]);

    const downFor = Date.now();
    ses = await startLocalSes(sesPort); // the same port, an empty mailbox
    const arrived = await waitForEmails(endpoint, (e) => during.some((r) => about(r.reference)(e)), 9, 20_000);
    console.log(`SES back → all 9 delayed emails delivered in ${Date.now() - downFor} ms`);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // time for a wrong duplicate to show up
    const all = await waitForEmails(endpoint, () => true, 0, 0);

    expect(arrived).toHaveLength(9);
    for (const report of during) {
      const emails = all.filter(about(report.reference));
      expect(recipients(emails)).toEqual(['johan.ek@ekdala.example', report.reporter, 'sara.lindqvist@ekdala.example'].sort());
      await expect
        .poll(async () => [...(await repository.get(report.id))!.report.sentEmails].sort(), { timeout: 15_000 })
        .toEqual(['alert:johan.ek@ekdala.example', 'alert:sara.lindqvist@ekdala.example', 'receipt']);
    }
    // The report sent before the outage was not sent again.
    expect(all.filter(about(before.reference))).toEqual([]);
    expect(all).toHaveLength(9);
    expect(existsSync(dlqFile)).toBe(false);
  });
});
