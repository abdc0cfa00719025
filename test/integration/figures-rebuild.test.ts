// The figures' counters equal a recount from the reports after a simulated month on DynamoDB Local with
// forwarding between teams, consultations, a counter that fails (before and after its write committed, and whole
// batches), a consumer killed mid-stream and restarted from the stream's start, and two consumers at once.
// The counter is the real handler (functions/stats-counter) fed by the local stream poller, as in npm start.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, inject, it } from 'vitest';
import { tableCountables } from '../../core/adapters/dynamodb/figures-countables.ts';
import { DynamoFiguresStore } from '../../core/adapters/dynamodb/figures-store.ts';
import { ReportRepository } from '../../core/adapters/dynamodb/report-repository.ts';
import { rebuildFigures, recount } from '../../core/app/figures/rebuild-figures.ts';
import type { FiguresStore } from '../../core/app/ports/figures-store.ts';
import { parseDirectory } from '../../core/directory/directory.ts';
import { atLocalTime } from '../../core/domain/calendar.ts';
import { rowId, type FigureRow } from '../../core/domain/figures.ts';
import { forward } from '../../core/domain/team-work.ts';
import { createStatsCounterHandler } from '../../functions/stats-counter/handler.ts';
import { statsCounterStreamSettings } from '../../functions/stats-counter/stream-settings.ts';
import { SAMPLE_DIRECTORY } from '../../local/app.ts';
import { createTable } from '../../local/dynamodb.ts';
import { startStreamPoller, type StreamHandler } from '../../local/stream-poller.ts';
import { simulateMonth } from '../../simulation/month.ts';
import { localDocumentClient } from '../support/dynamodb.ts';

/** Rows as a comparison should see them: zero counts and empty rows dropped, in key order. */
function normalised(rows: FigureRow[]): FigureRow[] {
  return rows
    .map((row) => ({ ...row, counts: Object.fromEntries(Object.entries(row.counts).filter(([, v]) => v !== 0)) }))
    .filter((row) => Object.keys(row.counts).length > 0)
    .sort((a, b) => rowId(a).localeCompare(rowId(b)));
}

/** A store that fails a sixth of its counts before writing and a sixth after the write committed (a lost answer). */
function flaky(store: FiguresStore, faults: { before: number; after: number }): FiguresStore {
  let n = 0;
  return {
    counted: (subject) => store.counted(subject),
    rows: (months) => store.rows(months),
    replaceAll: (rows, counted) => store.replaceAll(rows, counted),
    count: async (...args) => {
      n++;
      if (n % 6 === 1) {
        faults.before++;
        throw new Error('simulated outage before the write');
      }
      const won = await store.count(...args);
      if (n % 6 === 4) {
        faults.after++;
        throw new Error('simulated lost answer after the write');
      }
      return won;
    },
  };
}

describe('the figures after a simulated month', () => {
  it('the counters equal a recount, through forwarding, retries, a killed consumer and two at once', async () => {
    const endpoint = inject('dynamoEndpoint');
    const tableName = `figures-${Date.now()}`;
    await createTable(endpoint, tableName);
    const client = localDocumentClient(endpoint);
    const directory = parseDirectory(JSON.parse(readFileSync(SAMPLE_DIRECTORY, 'utf8')));
    const start = atLocalTime('2026-11-02', '00:00');
    await simulateMonth({ client, tableName, directory, reports: 40, days: 20, start });

    const store = new DynamoFiguresStore({ client, tableName });
    const faults = { before: 0, after: 0, batches: 0 };
    const counter = createStatsCounterHandler({ figures: flaky(store, faults) });
    let calls = 0;
    const handler: StreamHandler = async (event: DynamoDBStreamEvent) => {
      // Every seventh invocation fails as a whole (the poller bisects and retries, as Lambda does).
      if (++calls % 7 === 0) {
        faults.batches++;
        throw new Error('simulated handler crash');
      }
      return counter(event);
    };
    const dlqFile = join(mkdtempSync(join(tmpdir(), 'figures-')), 'dlq.jsonl');
    const poller = () =>
      startStreamPoller({
        dynamoEndpoint: endpoint,
        tableName,
        handler,
        dlqFile,
        functionName: 'stats-counter',
        settings: { ...statsCounterStreamSettings, retryAttempts: 100, retryBackoffMs: { initial: 5, max: 20 }, pollIntervalMs: 50 },
      });

    // A first consumer counts part of the stream and is killed mid-way.
    const first = await poller();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await first.stop();

    // More happens while no consumer runs: reports forwarded between teams (one of them twice), consultations.
    const repository = new ReportRepository({ client, tableName, retentionDays: 90, now: () => new Date('2026-11-25T12:00:00Z') });
    const lead = { email: 'karin.norberg@ekdala.example', isLead: true };
    const open = await repository.listByTeam('mottagning-norr', 'open');
    const openElsewhere = [...(await repository.listByTeam('mottagning-syd', 'open')), ...(await repository.listByTeam('mottagning-central', 'open'))];
    const toForward = [...open.slice(0, 3), ...openElsewhere.slice(0, 2)];
    expect(toForward.length).toBeGreaterThan(0);
    let forwarded = 0;
    for (const report of toForward) {
      for (const teamId of report.teamId === 'mottagning-norr' ? ['mottagning-syd', 'mottagning-central'] : ['mottagning-norr']) {
        const stored = (await repository.get(report.id))!;
        const change = forward(stored.report, { teamId, reason: 'another area' }, lead, new Date('2026-11-25T12:00:00Z'));
        if (change.kind !== 'changed') throw new Error(`forward refused: ${change.kind}`);
        expect(await repository.saveChange(stored, change.report, change.audit)).toBe(true);
        forwarded++;
      }
    }
    const consultations = ['ekbacken', 'sodervik', 'ekbacken'].map((schoolId) => ({
      pk: `CONSULTATION#${randomUUID()}`,
      sk: 'CONSULTATION',
      schoolId,
      teamId: schoolId === 'ekbacken' ? 'mottagning-norr' : 'mottagning-syd',
      areaId: schoolId === 'ekbacken' ? 'norr' : 'syd',
      askedAt: '2026-11-20T09:00:00.000Z',
    }));
    for (const item of consultations) await client.send(new PutCommand({ TableName: tableName, Item: item }));
    // An answered consultation changes its item: it still counts once.
    await client.send(new UpdateCommand({ TableName: tableName, Key: { pk: consultations[0]!.pk, sk: 'CONSULTATION' }, UpdateExpression: 'SET answeredAt = :at', ExpressionAttributeValues: { ':at': '2026-11-21T09:00:00.000Z' } }));

    // Restarted without a checkpoint (from the stream's start) and a second consumer at the same time.
    const [second, third] = await Promise.all([poller(), poller()]);
    await Promise.all([second.idle(), third.idle()]);
    await Promise.all([second.stop(), third.stop()]);

    expect(faults.before).toBeGreaterThan(0);
    expect(faults.after).toBeGreaterThan(0);
    expect(faults.batches).toBeGreaterThan(0);
    expect(existsSync(dlqFile) ? readFileSync(dlqFile, 'utf8') : '').toBe(''); // nothing given up

    const months = ['2026-10', '2026-11', '2026-12'];
    const counted = normalised((await store.rows(months)).rows);
    const recounted = normalised((await recount(tableCountables({ client, tableName }))).rows);
    expect(counted).toEqual(recounted);

    // The month is in the figures: 40 reports, forwarding moved some between teams, three consultations.
    const total = (name: string) => counted.reduce((sum, row) => sum + (row.counts[name] ?? 0), 0);
    expect(total('reports')).toBe(40);
    expect(total('consultations')).toBe(3);
    expect(total('escalations')).toBeGreaterThan(0);
    expect(forwarded).toBeGreaterThan(0);
    const forwardedIds = new Set(toForward.map((r) => r.id));
    expect(forwardedIds.size).toBe(toForward.length);

    // The rebuild replaces a drifted row with the recount (and leaves equal rows as they were).
    const someRow = counted[0]!;
    await store.count('drift-test', null, { version: 1, contribution: { key: someRow, counts: {} } }, [{ key: someRow, add: { reports: 5 } }]);
    expect(normalised((await store.rows(months)).rows)).not.toEqual(recounted);
    const rebuilt = await rebuildFigures(store, tableCountables({ client, tableName }));
    expect(rebuilt.subjects).toBe(43);
    expect(normalised((await store.rows(months)).rows)).toEqual(recounted);
    client.destroy();
  }, 300_000);
});
