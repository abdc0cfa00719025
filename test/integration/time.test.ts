// Issue 14 on the local stack (DynamoDB Local, its stream, notify, the local SES): the simulated clock, a sweep's
// digest to a lead, a duplicated digest record, and an urgent report at 01:17 on a Saturday night.
// The tests run in order and move this file's clock forward only.
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLocalDays, atLocalTime, isWorkingDay, localDayOf } from '../../core/domain/calendar.ts';
import { createNotifyHandler } from '../../functions/notify/handler.ts';
import type { StoredEmail } from '../../local/ses.ts';
import { signIn, startTestStack, submit, sweepAt, validSubmission, type TestStack } from '../support/local-stack.ts';
import { about, recipients, uniqueReporter, waitForEmails } from './notify-support.ts';

const LEAD = 'karin.norberg@ekdala.example';
const ON_CALL_LEAD = 'bengt.beredskap@ekdala.example';
const OUT_OF_HOURS = 'socialjouren@ekdala.example';

let stack: TestStack;
/** A Wednesday-like day: three working days in a row, then a Saturday (found from today, so the clock only moves forward). */
let day: string;
let elevenIds: string[] = [];

function firstWorkingRunBeforeSaturday(): string {
  for (let d = addLocalDays(localDayOf(new Date()), 1); ; d = addLocalDays(d, 1)) {
    const saturday = new Date(`${addLocalDays(d, 3)}T12:00:00Z`).getUTCDay() === 6;
    if (saturday && isWorkingDay(d) && isWorkingDay(addLocalDays(d, 1)) && isWorkingDay(addLocalDays(d, 2))) return d;
  }
}

async function setClock(now: Date): Promise<Response> {
  return fetch(`${stack.url}/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: now.toISOString() }) });
}

async function newReport(overrides: Record<string, unknown> = {}) {
  const reporter = uniqueReporter();
  const response = await submit(stack.url, validSubmission({ reporter: { email: reporter }, ...overrides }), { key: randomUUID() });
  expect(response.status).toBe(201);
  return { ...(response.json as { id: string; reference: string; acknowledgeBy: string; callOutOfHours?: unknown }), reporter };
}

const to = (address: string) => (email: StoredEmail) => email.destination.to.includes(address);

beforeAll(async () => {
  stack = await startTestStack();
  day = firstWorkingRunBeforeSaturday();
});
afterAll(async () => {
  await stack?.stop();
});

describe('time that people live by, on the local stack', () => {
  it('POST /dev/clock moves the time every handler sees, forward only', async () => {
    const response = await setClock(atLocalTime(day, '10:00'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ now: atLocalTime(day, '10:00').toISOString() });
    const back = await setClock(atLocalTime(day, '09:00'));
    expect(back.status).toBe(409);
    expect(((await back.json()) as { errors: Array<{ path: string }> }).errors[0]!.path).toBe('now');
    // The submit handler reads the moved clock: a report now is due at 17:00 that day.
    const report = await newReport();
    expect(report.acknowledgeBy).toBe(atLocalTime(day, '17:00').toISOString());
    elevenIds.push(report.id);
  });

  it('a sweep with 11 overdue reports for one lead sends that lead one email naming all 11', async () => {
    const references: string[] = [];
    for (let i = 0; i < 10; i++) elevenIds.push((await newReport()).id);
    for (const id of elevenIds) references.push((await stack.repository.get(id))!.report.reference);
    for (const reference of references) await waitForEmails(stack.sesEndpoint, about(reference), 3);

    const swept = await sweepAt(stack.url, atLocalTime(addLocalDays(day, 2), '09:00'));
    expect(swept).toMatchObject({ escalations: 11, digests: 1 });
    const digests = await waitForEmails(stack.sesEndpoint, (e) => to(LEAD)(e) && references.some((r) => about(r)(e)), 1);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toBe('Eskalering: 11 orosanmälningar behöver åtgärd');
    for (const reference of references) expect(digests[0]!.body.text).toContain(reference);
    // Waited counts from the deadline that passed (17:00 two days before), not from submission.
    expect(digests[0]!.body.text).toContain('(har väntat 40 timmar (2 arbetsdagar))');
    // Each report records its escalation as sent, once.
    await expect
      .poll(async () => Promise.all(elevenIds.map(async (id) => (await stack.repository.get(id))!.report.sentEmails.filter((k) => k.startsWith('escalation')))), { timeout: 15_000 })
      .toEqual(elevenIds.map(() => ['escalation#1']));
  });

  it('a retried or duplicated digest stream record never sends twice', async () => {
    const [digest] = (await stack.scanAll()).filter((item) => item.sk === 'DIGEST');
    expect(digest).toBeDefined();
    await expect.poll(async () => (await stack.scanAll()).find((i) => i.pk === digest!.pk)?.sentEmails, { timeout: 15_000 }).toEqual(['digest']);
    // Only this digest's emails count: other files' stacks may email the same lead meanwhile.
    const firstEntry = (digest!.entries as Array<{ reference: string }>)[0]!.reference;
    const ours = (email: StoredEmail) => to(LEAD)(email) && about(firstEntry)(email);
    const before = (await stack.emails()).filter(ours).length;
    expect(before).toBe(1);
    // The record as the stream first delivered it (the INSERT), twice in one batch and once more in another.
    const inserted = { ...digest, sentEmails: [], emailClaims: {} };
    const record = (n: number): DynamoDBRecord => ({
      eventName: 'INSERT',
      dynamodb: { Keys: marshall({ pk: digest!.pk, sk: 'DIGEST' }) as never, NewImage: marshall(inserted, { removeUndefinedValues: true }) as never, SequenceNumber: `dup-${n}` },
    });
    const notify = createNotifyHandler();
    expect(await notify({ Records: [record(1), record(2)] })).toEqual({ batchItemFailures: [] });
    expect(await notify({ Records: [record(3)] })).toEqual({ batchItemFailures: [] });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await stack.emails()).filter(ours).length).toBe(before);
  });

  it('an urgent report at 01:17 on a Saturday: the team and the out-of-hours service at once, the on-call lead warned and then escalated to', async () => {
    const saturday = addLocalDays(day, 3);
    expect((await setClock(atLocalTime(saturday, '01:17'))).status).toBe(200);
    const report = await newReport({ urgency: 'urgent' });
    // The clock runs on from 01:17 at real speed: the two hours start a moment later.
    expect(Date.parse(report.acknowledgeBy) - atLocalTime(saturday, '03:17').getTime()).toBeLessThan(60_000);
    expect(report.callOutOfHours).toEqual({ name: 'Socialjouren Ekdala', phone: '010-100 10 00' });
    const mine = about(report.reference);

    // At once (before any sweep): the team's contacts, the out-of-hours service, and the reporter.
    const atOnce = await waitForEmails(stack.sesEndpoint, mine, 4);
    expect(recipients(atOnce)).toEqual([OUT_OF_HOURS, 'johan.ek@ekdala.example', report.reporter, 'sara.lindqvist@ekdala.example'].sort());
    const receipt = atOnce.find(to(report.reporter))!;
    expect(receipt.body.text).toContain('ring Socialjouren Ekdala på 010-100 10 00 nu');
    const serviceAlert = atOnce.find(to(OUT_OF_HOURS))!;
    expect(serviceAlert.subject).toBe(`BRÅDSKANDE: Orosanmälan ${report.reference} utanför kontorstid – Ekbackens skola`);
    expect(serviceAlert.body.text).toContain(`/cases/${report.id}`);

    // 02:50, 30 minutes before the two hours run out: a warning to the on-call lead (not the team's lead: night).
    await sweepAt(stack.url, atLocalTime(saturday, '02:50'));
    const warning = await waitForEmails(stack.sesEndpoint, (e) => mine(e) && to(ON_CALL_LEAD)(e), 1);
    expect(warning).toHaveLength(1);
    expect(warning[0]!.body.text).toContain('snart försenad');

    // 03:20, past the deadline: the escalation, to the on-call lead again.
    await sweepAt(stack.url, atLocalTime(saturday, '03:20'));
    const escalation = await waitForEmails(stack.sesEndpoint, (e) => mine(e) && to(ON_CALL_LEAD)(e), 2);
    expect(escalation).toHaveLength(2);
    expect(escalation.some((e) => (e.body.text ?? '').includes('kvittens försenad sedan') && (e.body.text ?? '').includes('(har väntat 0 timmar'))).toBe(true);
    expect((await stack.emails()).filter((e) => mine(e) && to(LEAD)(e))).toEqual([]);

    // The out-of-hours staff open and acknowledge it; another report of the team stays "not found" for them.
    const token = await signIn(stack.url, 'nils.natt@ekdala.example');
    const auth = { authorization: `Bearer ${token}` };
    expect((await fetch(`${stack.url}/api/cases/${report.id}`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${stack.url}/api/cases/${elevenIds[0]}`, { headers: auth })).status).toBe(404);
    const assessment = JSON.stringify({ protectionAssessment: { result: 'no-immediate-risk' } });
    expect((await fetch(`${stack.url}/api/cases/${report.id}/acknowledge`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: assessment })).status).toBe(200);
    expect((await stack.repository.get(report.id))!.report).toMatchObject({ status: 'acknowledged', teamId: 'mottagning-norr', acknowledgedBy: 'nils.natt@ekdala.example' });
  });
});
