// The local stream poller behaves like Lambda's event source mapping: the event's shape, retries from the
// first failed record, a bisected batch on a handler error, and the dead-letter file after the last retry.
import { randomUUID } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { notifyStreamSettings } from '../../functions/notify/stream-settings.ts';
import { createTable } from '../../local/dynamodb.ts';
import { startStreamPoller, type StreamHandler } from '../../local/stream-poller.ts';
import { localDocumentClient } from '../support/dynamodb.ts';

let dynamoEndpoint: string;
let client: DynamoDBDocumentClient;
const fast = { retryAttempts: 2, retryBackoffMs: { initial: 10, max: 40 }, pollIntervalMs: 50 };

beforeAll(() => {
  dynamoEndpoint = inject('dynamoEndpoint');
  client = localDocumentClient(dynamoEndpoint);
});
afterAll(() => client?.destroy());

/** A new table with `n` report items already written (so the first read gets them all in one batch). */
async function tableWith(n: number): Promise<{ tableName: string; ids: string[] }> {
  const tableName = `poller-${randomUUID().slice(0, 8)}`;
  await createTable(dynamoEndpoint, tableName);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = randomUUID();
    ids.push(id);
    await client.send(new PutCommand({ TableName: tableName, Item: { pk: `REPORT#${id}`, sk: 'REPORT', n: i, sentEmails: [], emailClaims: {} } }));
  }
  return { tableName, ids };
}

const idOf = (record: DynamoDBRecord) => record.dynamodb?.Keys?.pk?.S?.slice('REPORT#'.length) ?? '';
const dlqFile = () => join(tmpdir(), `notify-dlq-${randomUUID()}.jsonl`);

describe('local stream poller', () => {
  it('delivers Lambda’s event shape', async () => {
    const { tableName, ids } = await tableWith(1);
    const events: DynamoDBStreamEvent[] = [];
    const poller = await startStreamPoller({
      dynamoEndpoint,
      tableName,
      dlqFile: dlqFile(),
      settings: fast,
      handler: async (event) => (events.push(event), { batchItemFailures: [] }),
    });
    await poller.idle();
    await poller.stop();
    const record = events[0]!.Records[0]!;
    expect(idOf(record)).toBe(ids[0]);
    expect(record).toMatchObject({ eventName: 'INSERT', eventSource: 'aws:dynamodb', dynamodb: { StreamViewType: 'NEW_AND_OLD_IMAGES' } });
    expect(record.eventSourceARN).toMatch(new RegExp(`table/${tableName}/stream/`));
    expect(typeof record.dynamodb!.ApproximateCreationDateTime).toBe('number');
    expect(typeof record.dynamodb!.SequenceNumber).toBe('string');
    // DynamoDB Local writes an empty map as {}; Lambda (and so the poller) as {"M":{}}.
    expect(record.dynamodb!.NewImage!.emailClaims).toEqual({ M: {} });
    expect(record.dynamodb!.NewImage!.sentEmails).toEqual({ L: [] });
  });

  it('retries from the first failed record with backoff, then dead-letters it (ids only) and goes on', async () => {
    const { tableName, ids } = await tableWith(3);
    const deliveries: string[][] = [];
    const poisoned = ids[1]!;
    const handler: StreamHandler = async ({ Records }) => {
      deliveries.push(Records.map(idOf));
      return { batchItemFailures: Records.filter((r) => idOf(r) === poisoned).map((r) => ({ itemIdentifier: r.dynamodb!.SequenceNumber! })) };
    };
    const file = dlqFile();
    const lines: string[] = [];
    const poller = await startStreamPoller({ dynamoEndpoint, tableName, dlqFile: file, settings: fast, handler, log: (l) => lines.push(l) });
    await poller.idle();
    await poller.stop();
    // The first delivery, then the retries (attempts 1 and 2) from the failed record on.
    expect(deliveries).toEqual([ids, ids.slice(1), ids.slice(1)]);
    const dead = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ eventName: 'INSERT', keys: { pk: { S: `REPORT#${poisoned}` }, sk: { S: 'REPORT' } }, reason: 'failed after 3 attempts' });
    expect(JSON.stringify(dead[0])).not.toContain('emailClaims'); // no images: ids only
    expect(lines.some((l) => l.includes(`REPORT#${poisoned}`) && l.includes(file))).toBe(true);
  });

  it('a handler error splits the batch in halves until the bad record is alone', async () => {
    const { tableName, ids } = await tableWith(4);
    const poisoned = ids[2]!;
    const succeeded: string[] = [];
    const handler: StreamHandler = async ({ Records }) => {
      if (Records.some((r) => idOf(r) === poisoned)) throw new Error('boom');
      succeeded.push(...Records.map(idOf));
      return { batchItemFailures: [] };
    };
    const file = dlqFile();
    const poller = await startStreamPoller({ dynamoEndpoint, tableName, dlqFile: file, settings: fast, handler });
    await poller.idle();
    await poller.stop();
    expect(notifyStreamSettings.bisectBatchOnFunctionError).toBe(true);
    expect(succeeded.sort()).toEqual(ids.filter((id) => id !== poisoned).sort());
    const dead = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { keys: { pk: { S: string } } });
    expect(dead.map((d) => d.keys.pk.S)).toEqual([`REPORT#${poisoned}`]);
  });

  it('stops at once, even while a record waits for its next retry', async () => {
    const { tableName } = await tableWith(1);
    let calls = 0;
    const file = dlqFile();
    const poller = await startStreamPoller({
      dynamoEndpoint,
      tableName,
      dlqFile: file,
      settings: { retryAttempts: 10, retryBackoffMs: { initial: 30_000, max: 30_000 }, pollIntervalMs: 50 },
      handler: async ({ Records }) => (calls++, { batchItemFailures: Records.map((r) => ({ itemIdentifier: r.dynamodb!.SequenceNumber! })) }),
    });
    while (calls === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const started = Date.now();
    await poller.stop();
    // Not a speed check: a stop that waited for the 30 s backoff would take 30 s; well under that means it did not wait.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(existsSync(file)).toBe(false);
  });
});
