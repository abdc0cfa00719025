import { describe, expect, it } from 'vitest';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { toItem } from '../../core/adapters/dynamodb/report-repository.ts';
import type { OutgoingEmail } from '../../core/app/ports/mailer.ts';
import { fixedClock, fixedDirectorySource, MemoryLedger, MemoryMailer } from '../support/fakes/index.ts';
import { newReport as makeReport } from '../support/reports.ts';
import { parseDirectory } from '../../core/directory/directory.ts';
import { atLocalTime } from '../../core/domain/calendar.ts';
import { recordFeedback, type Report } from '../../core/domain/report.ts';
import { verifyStatusToken } from '../../core/domain/status-token.ts';
import { concernReportDeadlines as policy } from '../../forms/concern-report/policy.ts';
import { parseStatusKeyring } from '../../core/config/status-keyring.ts';
import { createNotifyHandler } from '../../functions/notify/handler.ts';
import sample from '../../directory/sample.json' with { type: 'json' };

// The test's reporters write from example.se: listed here as a school domain, so they are trusted (status link, outcome).
const directory = parseDirectory({ ...sample, municipality: { ...sample.municipality, schoolEmailDomains: [...sample.municipality.schoolEmailDomains, 'example.se'] } });
const now = atLocalTime('2026-11-25', '10:00');
const SECRET = 'unit-test-status-secret-0123456789';

function newReport(id: string, reporterEmail = 'anna.lind@example.se'): Report {
  return makeReport({ at: now, id, body: { reporter: { email: reporterEmail } } });
}

let sequence = 100;
function record(eventName: 'INSERT' | 'MODIFY', next: Report, previous?: Report): DynamoDBRecord {
  const image = (r: Report) => marshall({ ...toItem(r, 1, 90), emailClaims: {} }, { removeUndefinedValues: true }) as never;
  return {
    eventID: `e${sequence}`,
    eventName,
    eventSource: 'aws:dynamodb',
    dynamodb: {
      Keys: marshall({ pk: `REPORT#${next.id}`, sk: 'REPORT' }) as never,
      NewImage: image(next),
      ...(previous ? { OldImage: image(previous) } : {}),
      SequenceNumber: String(sequence++),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

function setup() {
  const ledger = new MemoryLedger();
  const mailer = new MemoryMailer();
  const handler = createNotifyHandler({
    ledger,
    mailer,
    clock: fixedClock(now),
    directory: fixedDirectorySource(directory),
    statusKeys: async () => parseStatusKeyring(SECRET),
    publicUrl: 'https://intake.example',
    recordAttempts: 2,
  });
  return { ledger, mailer, handler };
}

const event = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });

describe('notify handler', () => {
  it('a new report: alerts to the team contacts and a receipt with a signed status link', async () => {
    const { mailer, handler } = setup();
    const report = newReport('11111111-1111-4111-8111-111111111111');
    expect(await handler(event(record('INSERT', report)))).toEqual({ batchItemFailures: [] });
    expect(mailer.sent.map((e) => `${e.kind} ${e.to}`)).toEqual([
      'alert sara.lindqvist@ekdala.example',
      'alert johan.ek@ekdala.example',
      'receipt anna.lind@example.se',
    ]);
    const token = /\/status\/(\S+)/.exec(mailer.sent[2]!.text)![1]!;
    // Issue 13: links carry a key id, verified by the keyring.
    expect(verifyStatusToken(decodeURIComponent(token), parseStatusKeyring(SECRET))).toBe(report.id);
  });

  it('the same records delivered twice, or by two consumers at once, send nothing twice', async () => {
    const { mailer, handler } = setup();
    const batch = event(record('INSERT', newReport('22222222-2222-4222-8222-222222222222')));
    await handler(batch);
    await handler(batch);
    expect(mailer.sent).toHaveLength(3);
    const { mailer: mailer2, handler: handler2 } = setup();
    await Promise.all([handler2(batch), handler2(batch)]);
    expect(mailer2.sent).toHaveLength(3);
    // A consumer that found an email claimed by the other reported the record for a retry: harmless now.
    expect(await handler2(batch)).toEqual({ batchItemFailures: [] });
    expect(mailer2.sent).toHaveLength(3);
  });

  it('a failed send is reported per record, the claim released, and the retry sends only what is missing', async () => {
    const { mailer, ledger, handler } = setup();
    const report = newReport('33333333-3333-4333-8333-333333333333', 'bounce@example.se');
    const other = newReport('44444444-4444-4444-8444-444444444444');
    mailer.failFor.add('bounce@example.se');
    const first = record('INSERT', report);
    const second = record('INSERT', other);
    const result = await handler(event(first, second));
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: first.dynamodb!.SequenceNumber }] });
    expect(ledger.claims.size).toBe(0);
    expect(mailer.sent.filter((e) => e.kind === 'receipt').map((e) => e.to)).toEqual(['anna.lind@example.se']);
    mailer.failFor.clear();
    expect(await handler(event(first, second))).toEqual({ batchItemFailures: [] });
    expect(mailer.sent.map((e) => e.to).filter((to) => to === 'bounce@example.se')).toHaveLength(1);
    expect(mailer.sent).toHaveLength(6);
  });

  it('a later record of a report waits behind its failed record (no outcome before the receipt)', async () => {
    const { mailer, handler } = setup();
    const report = newReport('55555555-5555-4555-8555-555555555555', 'late@example.se');
    const change = recordFeedback(report, { outcome: 'investigation-opened', note: '' }, 'sara.lindqvist@ekdala.example', now, policy);
    if (change.kind !== 'changed') throw new Error('expected a change');
    mailer.failFor.add('late@example.se');
    const insert = record('INSERT', report);
    const feedback = record('MODIFY', change.report, report);
    const result = await handler(event(insert, feedback));
    expect(result.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([insert.dynamodb!.SequenceNumber, feedback.dynamodb!.SequenceNumber]);
    expect(mailer.sent.some((e) => e.kind === 'outcome')).toBe(false);
    mailer.failFor.clear();
    await handler(event(insert, feedback));
    expect(mailer.sent.filter((e) => e.to === 'late@example.se').map((e) => e.kind)).toEqual(['receipt', 'outcome']);
  });

  it('an email held by another live claim fails the record without sending', async () => {
    const { mailer, ledger, handler } = setup();
    const report = newReport('66666666-6666-4666-8666-666666666666');
    await ledger.claim(report.id, 'receipt', now);
    const insert = record('INSERT', report);
    expect(await handler(event(insert))).toEqual({ batchItemFailures: [{ itemIdentifier: insert.dynamodb!.SequenceNumber }] });
    expect(mailer.sent.map((e) => e.kind)).toEqual(['alert', 'alert']);
  });

  it('sent but not recorded: the record fails and the claim stays, so no one sends it again before it expires', async () => {
    const { mailer, ledger, handler } = setup();
    ledger.failRecord = true;
    const insert = record('INSERT', newReport('77777777-7777-4777-8777-777777777777'));
    expect((await handler(event(insert))).batchItemFailures).toHaveLength(1);
    expect(mailer.sent).toHaveLength(1); // the record stops at its first failure; the retry goes on from there
    ledger.failRecord = false;
    expect((await handler(event(insert))).batchItemFailures).toHaveLength(1); // held until the lease ends
    expect(mailer.sent).toHaveLength(1);
  });

  it('ignores audit items, removals and emails the image already lists as sent', async () => {
    const { mailer, handler } = setup();
    const report = newReport('88888888-8888-4888-8888-888888888888');
    const audit: DynamoDBRecord = {
      eventName: 'INSERT',
      dynamodb: {
        Keys: marshall({ pk: `REPORT#${report.id}`, sk: 'AUDIT#2026-11-25T09:00:00.000Z#0000' }) as never,
        NewImage: marshall({ pk: `REPORT#${report.id}`, sk: 'AUDIT#2026', action: 'submitted' }) as never,
        SequenceNumber: '1',
      },
    };
    const removal: DynamoDBRecord = { eventName: 'REMOVE', dynamodb: { Keys: marshall({ pk: `REPORT#${report.id}`, sk: 'REPORT' }) as never, SequenceNumber: '2' } };
    const alreadySent = record('INSERT', { ...report, sentEmails: ['receipt', 'alert:sara.lindqvist@ekdala.example', 'alert:johan.ek@ekdala.example'] });
    expect(await handler(event(audit, removal, alreadySent))).toEqual({ batchItemFailures: [] });
    expect(mailer.sent).toEqual([]);
  });
});
