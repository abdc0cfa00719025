// The earlier-reports index's own expiry against DynamoDB Local: when a report's retention starts (closed and its
// case-system reference recorded), notify gives its index items the report's `expiresAt` from the stream change, so
// DynamoDB's TTL removes them with the report; a report indexed after its retention started gets it at indexing;
// lookups leave out expired index items (DynamoDB Local never deletes them); and a failing keyed hash writes nothing.
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hmacKeyedHash } from '../../core/adapters/crypto/hmac-keyed-hash.ts';
import { DynamoChildIndex } from '../../core/adapters/dynamodb/child-index.ts';
import { updateChildIndex } from '../../core/app/index-child.ts';
import type { ChildMatchKey } from '../../core/domain/child-match.ts';
import { CHILD_INDEX_PREFIX, childIndexKey, reportKey } from '../../core/storage/table.ts';
import { signIn, startTestStack, submit, validSubmission, type TestStack } from '../support/local-stack.ts';
import { newReport as makeReport } from '../support/reports.ts';
import { uniqueReporter } from './notify-support.ts';

let stack: TestStack;
let token: string;
const sara = 'sara.lindqvist@ekdala.example';

beforeAll(async () => {
  stack = await startTestStack({ earlierReports: true });
  token = await signIn(stack.url, sara);
});
afterAll(async () => {
  await stack?.stop();
});

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${stack.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return response.status;
}

const reportItem = async (id: string) =>
  (await stack.documentClient.send(new GetCommand({ TableName: stack.tableName, Key: reportKey(id), ConsistentRead: true }))).Item ?? {};

const indexItems = async (id: string, keys: readonly ChildMatchKey[]) =>
  Promise.all(keys.map(async (k) => (await stack.documentClient.send(new GetCommand({ TableName: stack.tableName, Key: childIndexKey(k.key, id), ConsistentRead: true }))).Item));

/** Polls until `check` answers something (notify works from the stream, a poller away), at most about 20 s. */
async function eventually<T>(check: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('not reached in time');
}

describe('index items expire with their report', () => {
  it('notify gives the index items the report’s expiresAt once it is closed and registered in the case system', async () => {
    const child = { firstName: 'Ttl', lastName: `Barnsson${randomUUID().slice(0, 4)}`, personalNumber: '20150312-2382', birthDate: '2015-03-12' };
    const response = await submit(stack.url, validSubmission({ reporter: { email: uniqueReporter() }, child }), { key: randomUUID() });
    expect(response.status).toBe(201);
    const id = (response.json as { id: string }).id;
    const keys = await eventually(async () => {
      const recorded = (await reportItem(id)).childMatchKeys as ChildMatchKey[] | undefined;
      return recorded?.length ? recorded : undefined;
    });
    expect(keys.map((k) => k.matchedBy)).toEqual(['personal-number', 'name-and-birth-date']);
    // Indexed, not yet in retention: the items have no expiry. (notify writes the keys on the report first, then
    // the index items: wait for those too.)
    await eventually(async () => ((await indexItems(id, keys)).every(Boolean) ? true : undefined));
    for (const item of await indexItems(id, keys)) expect(item).toMatchObject({ reportId: id, pk: expect.stringMatching(new RegExp(`^${CHILD_INDEX_PREFIX}`)) });
    expect((await indexItems(id, keys)).map((item) => item?.expiresAt)).toEqual([undefined, undefined]);

    expect(await call('POST', `/api/cases/${id}/acknowledge`, { protectionAssessment: { result: 'no-immediate-risk' } })).toBe(200);
    expect(await call('POST', `/api/cases/${id}/feedback`, { outcome: 'investigation-opened' })).toBe(200);
    expect((await reportItem(id)).expiresAt).toBeUndefined(); // closed, not registered: retention has not started
    expect(await call('POST', `/api/cases/${id}/case-system-ref`, { ref: 'SoF-2026-77' })).toBe(200);
    const expiresAt = (await reportItem(id)).expiresAt;
    expect(typeof expiresAt).toBe('number');

    const expiries = await eventually(async () => {
      const values = (await indexItems(id, keys)).map((item) => item?.expiresAt);
      return values.every((value) => value !== undefined) ? values : undefined;
    });
    expect(expiries).toEqual([expiresAt, expiresAt]);
  });
});

describe('the index adapter on DynamoDB Local', () => {
  const mac = hmacKeyedHash('integration-test-child-match-secret');
  let now = new Date('2026-11-25T10:00:00Z');
  const index = () => new DynamoChildIndex({ client: stack.documentClient, tableName: stack.tableName, now: () => now });

  it('indexes a report already in retention with its expiry, and leaves its items out of lookups once it has passed', async () => {
    const report = makeReport({ at: new Date('2026-10-01T08:00:00Z'), body: { child: { firstName: 'Sen', lastName: `Indexerad${randomUUID().slice(0, 4)}`, personalNumber: '20150312-2382' } } });
    const expiresAt = Math.floor(Date.parse('2026-12-31T00:00:00Z') / 1000);
    // The report's item as it stands when notify gets to it: its retention already started (a late or retried record).
    await stack.documentClient.send(new PutCommand({ TableName: stack.tableName, Item: { ...reportKey(report.id), id: report.id, expiresAt } }));
    expect(await updateChildIndex({ childIndex: index(), mac }, [{ id: 's1', change: { kind: 'new-report', report } }])).toEqual([]);
    const keys = await index().keysOf(report.id);
    expect((await indexItems(report.id, keys)).map((item) => item?.expiresAt)).toEqual([expiresAt, expiresAt]);
    expect((await index().reportsWith(keys)).filter((hit) => hit.reportId === report.id)).toHaveLength(2);
    now = new Date(expiresAt * 1000);
    expect((await index().reportsWith(keys)).filter((hit) => hit.reportId === report.id)).toEqual([]);
  });

  it('writes nothing when the keyed hash fails (a KMS outage), and the record is to be retried', async () => {
    const report = makeReport({ at: new Date('2026-10-01T08:00:00Z'), body: { child: { firstName: 'Avbrott', lastName: `Kms${randomUUID().slice(0, 4)}`, personalNumber: '20150312-2382' } } });
    await stack.documentClient.send(new PutCommand({ TableName: stack.tableName, Item: { ...reportKey(report.id), id: report.id } }));
    let calls = 0;
    const failing = async (input: string) => {
      if (++calls === 2) throw Object.assign(new Error('KMS is unavailable'), { name: 'KMSInternalException' });
      return mac(input);
    };
    expect(await updateChildIndex({ childIndex: index(), mac: failing }, [{ id: 's2', change: { kind: 'new-report', report } }])).toEqual(['s2']);
    expect(await index().keysOf(report.id)).toEqual([]);
    const firstKey = await mac('personal-number:201503122382');
    const items = await stack.documentClient.send(new QueryCommand({
      TableName: stack.tableName, KeyConditionExpression: 'pk = :pk AND sk = :sk',
      ExpressionAttributeValues: { ':pk': childIndexKey(firstKey, report.id).pk, ':sk': childIndexKey(firstKey, report.id).sk }, ConsistentRead: true,
    }));
    expect(items.Items).toEqual([]);
  });
});
