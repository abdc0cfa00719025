// The deliver-emails use case against in-memory ports (ledger, mailer, clock, directory): no emulator, no stream.
// The stream's side (records, images, batchItemFailures) is in test/unit/notify-handler.test.ts.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseStatusKeyring } from '../../../core/config/status-keyring.ts';
import { deliverEmails, type ChangeRecord } from '../../../core/app/deliver-emails.ts';
import { atLocalTime } from '../../../core/domain/calendar.ts';
import { acknowledge, recordFeedback, type Report } from '../../../core/domain/report.ts';
import { concernReportForm } from '../../../forms/concern-report/index.ts';
import { fixedClock, MemoryLedger, MemoryMailer, sampleDirectorySource } from '../../support/fakes/index.ts';
import { newReport as makeReport } from '../../support/reports.ts';

const now = atLocalTime('2026-11-25', '10:00');
const policy = concernReportForm.deadlines;

// A school-domain reporter (trusted): the receipt carries the link and the outcome notice is owed.
const newReport = (reporterEmail = 'anna.lind@skola.ekdala.example') => makeReport({ at: now, body: { reporter: { email: reporterEmail } } });

let n = 0;
const inserted = (report: Report): ChangeRecord => ({ id: String(n++), itemKey: report.id, change: { eventName: 'INSERT', newReport: report } });
const modified = (oldReport: Report, newReport: Report): ChangeRecord => ({ id: String(n++), itemKey: newReport.id, change: { eventName: 'MODIFY', oldReport, newReport } });

function setup() {
  const ledger = new MemoryLedger();
  const mailer = new MemoryMailer();
  const deps = { ledger, mailer, clock: fixedClock(now), directory: sampleDirectorySource, statusKeys: async () => parseStatusKeyring('unit-test-secret-0123456789abcdef'), publicUrl: 'https://intake.example', policy, concurrency: 2, recordAttempts: 2 };
  return { ledger, mailer, deps };
}

describe('deliver the emails a change owes (use case)', () => {
  it('sends what each change owes once, per report in order; a failed report waits, the others go on', async () => {
    const { mailer, deps } = setup();
    const failing = newReport();
    const fine = newReport('other.reporter@skola.ekdala.example');
    const acknowledged = acknowledge(failing, 'sara.lindqvist@ekdala.example', now, policy);
    if (acknowledged.kind !== 'changed') throw new Error('expected a change');
    const closed = recordFeedback(acknowledged.report, { outcome: 'investigation-opened', note: '' }, 'sara.lindqvist@ekdala.example', now, policy);
    if (closed.kind !== 'changed') throw new Error('expected a change');
    mailer.failFor.add(failing.submission.reporter.email);
    const records = [inserted(failing), inserted(fine), modified(acknowledged.report, closed.report)];
    // The reporter's receipt fails: that record and the outcome behind it are delivered again; the other report is done.
    expect(await deliverEmails(deps, records)).toEqual([records[0]!.id, records[2]!.id]);
    expect(mailer.sent.filter((e) => e.kind === 'outcome')).toEqual([]);
    expect(mailer.sent.filter((e) => e.kind === 'receipt').length).toBe(1);

    mailer.failFor.clear();
    const before = mailer.sent.length;
    expect(await deliverEmails(deps, records)).toEqual([]);
    expect(mailer.sent.slice(before).map((e) => e.kind)).toEqual(['receipt', 'outcome']); // the alerts were sent already
  });

  it('a directory that cannot be read fails every record and sends nothing', async () => {
    const { mailer, deps } = setup();
    const records = [inserted(newReport())];
    const down = { current: async () => Promise.reject(new Error('unavailable')) };
    expect(await deliverEmails({ ...deps, directory: down }, records)).toEqual([records[0]!.id]);
    expect(mailer.sent).toEqual([]);
  });
});
