// The email ledger against DynamoDB Local: its conditions are what keeps an email from going out twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { DynamoEmailLedger } from '../../core/adapters/dynamodb/email-ledger.ts';
import { reportKey } from '../../core/storage/table.ts';
import { createTable } from '../../local/dynamodb.ts';
import { localDocumentClient } from '../support/dynamodb.ts';

let client: DynamoDBDocumentClient;
let ledger: DynamoEmailLedger;
const tableName = `ledger-${randomUUID().slice(0, 8)}`;
const t0 = new Date('2026-11-25T10:00:00.000Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

async function newItem(extra: Record<string, unknown> = { sentEmails: [], emailClaims: {} }): Promise<string> {
  const id = randomUUID();
  await client.send(new PutCommand({ TableName: tableName, Item: { ...reportKey(id), reference: 'ORO-X', ...extra } }));
  return id;
}

beforeAll(async () => {
  const endpoint = inject('dynamoEndpoint');
  await createTable(endpoint, tableName);
  client = localDocumentClient(endpoint);
  ledger = new DynamoEmailLedger({ client, tableName, leaseMs: 45_000 });
});

afterAll(() => client?.destroy());

describe('email ledger (DynamoDB Local)', () => {
  it('claim → record: the key is sent, the claim gone, and the next claim says "already sent"', async () => {
    const id = await newItem();
    const claim = await ledger.claim(id, 'receipt', t0);
    expect(claim.kind).toBe('claimed');
    if (claim.kind !== 'claimed') return;
    expect((await ledger.state(id))?.emailClaims.receipt).toBe(claim.claim);
    await ledger.record(id, 'receipt', claim.claim);
    await ledger.record(id, 'receipt', claim.claim); // a second record is harmless
    expect(await ledger.state(id)).toEqual({ sentEmails: ['receipt'], emailClaims: {} });
    expect(await ledger.claim(id, 'receipt', later(3_600_000))).toEqual({ kind: 'already-sent' });
  });

  it('a late reminder or escalation is not claimed once the report is closed; the outcome still is', async () => {
    const id = await newItem({ sentEmails: [], emailClaims: {}, status: 'closed' });
    expect(await ledger.claim(id, 'escalation#3', t0, { onlyWhileOpen: true })).toEqual({ kind: 'closed' });
    expect(await ledger.claim(id, 'reminder:sara.lindqvist@ekdala.example', t0, { onlyWhileOpen: true })).toEqual({ kind: 'closed' });
    expect((await ledger.claim(id, 'outcome', t0)).kind).toBe('claimed');
    const open = await newItem({ sentEmails: [], emailClaims: {}, status: 'acknowledged' });
    expect((await ledger.claim(open, 'escalation#1', t0, { onlyWhileOpen: true })).kind).toBe('claimed');
  });

  it('a live claim holds; an expired one can be taken over; a release removes only its own claim', async () => {
    const id = await newItem();
    const first = await ledger.claim(id, 'alert:a@example.se', t0);
    if (first.kind !== 'claimed') throw new Error('expected a claim');
    expect(await ledger.claim(id, 'alert:a@example.se', later(44_000))).toMatchObject({ kind: 'held', until: '2026-11-25T10:00:45.000Z' });
    const second = await ledger.claim(id, 'alert:a@example.se', later(46_000));
    if (second.kind !== 'claimed') throw new Error('expected the expired claim to be taken over');
    await ledger.release(id, 'alert:a@example.se', first.claim); // stale: must not remove the new claim
    expect((await ledger.state(id))?.emailClaims['alert:a@example.se']).toBe(second.claim);
    await ledger.release(id, 'alert:a@example.se', second.claim);
    expect((await ledger.state(id))?.emailClaims).toEqual({});
    expect((await ledger.claim(id, 'alert:a@example.se', later(47_000))).kind).toBe('claimed');
  });

  it('ten consumers claiming the same email at once: exactly one wins', async () => {
    const id = await newItem();
    const results = await Promise.all(Array.from({ length: 10 }, () => ledger.claim(id, 'outcome', t0)));
    expect(results.filter((r) => r.kind === 'claimed')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'held')).toHaveLength(9);
  });

  it('keys are independent, and keys with dots, @ and # are stored as they are', async () => {
    const id = await newItem();
    for (const key of ['alert:sara.lindqvist@ekdala.example', 'escalation#1', 'escalation#2']) {
      const claim = await ledger.claim(id, key, t0);
      if (claim.kind !== 'claimed') throw new Error(`expected a claim of ${key}`);
      await ledger.record(id, key, claim.claim);
    }
    expect((await ledger.state(id))?.sentEmails).toEqual(['alert:sara.lindqvist@ekdala.example', 'escalation#1', 'escalation#2']);
  });

  it('an item without the ledger attributes gets them; a missing report is "gone", never created', async () => {
    const id = await newItem({});
    const claim = await ledger.claim(id, 'receipt', t0);
    if (claim.kind !== 'claimed') throw new Error('expected a claim');
    await ledger.record(id, 'receipt', claim.claim);
    expect(await ledger.state(id)).toEqual({ sentEmails: ['receipt'], emailClaims: {} });
    const missing = randomUUID();
    expect(await ledger.claim(missing, 'receipt', t0)).toEqual({ kind: 'gone' });
    await ledger.record(missing, 'receipt', 'x');
    expect(await ledger.state(missing)).toBeNull();
  });
});
