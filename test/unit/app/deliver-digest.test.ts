// Sending a sweep's digest (core/app/deliver-digest.ts through deliverEmails) against the in-memory ledger and
// mailer: one email per digest, never twice, and each report's entry recorded on that report.
import { parseStatusKeyring } from '../../../core/config/status-keyring.ts';
import { describe, expect, it } from 'vitest';
import { deliverEmails, type ChangeRecord } from '../../../core/app/deliver-emails.ts';
import { DIGEST_LEDGER_KEY } from '../../../core/app/deliver-digest.ts';
import { atLocalTime } from '../../../core/domain/calendar.ts';
import type { Digest } from '../../../core/domain/digest.ts';
import { concernReportForm } from '../../../forms/concern-report/index.ts';
import { fixedClock, MemoryLedger, MemoryMailer, sampleDirectorySource } from '../../support/fakes/index.ts';

const sweepAt = atLocalTime('2026-11-27', '09:00');
const lead = 'karin.norberg@ekdala.example';

function digest(reportIds: string[]): Digest {
  return {
    id: `DIGEST#${lead}#${sweepAt.toISOString()}`,
    recipient: lead,
    sweepAt: sweepAt.toISOString(),
    entries: reportIds.map((reportId, i) => ({
      reportId,
      reference: `ORO-2026-AAAA-${String(i).padStart(4, '0')}`,
      schoolName: 'Ekbackens skola',
      kind: 'escalation' as const,
      late: ['acknowledge' as const],
      since: atLocalTime('2026-11-25', '17:00').toISOString(),
      ledgerKey: 'escalation#1',
    })),
  };
}

let n = 0;
const record = (d: Digest): ChangeRecord => ({ id: String(n++), itemKey: d.id, change: null, digest: d });

function setup() {
  const ledger = new MemoryLedger();
  const mailer = new MemoryMailer();
  const deps = { ledger, mailer, clock: fixedClock(sweepAt), directory: sampleDirectorySource, statusKeys: async () => parseStatusKeyring('x'.repeat(32)), publicUrl: 'https://intake.example', policy: concernReportForm.deadlines, concurrency: 2, recordAttempts: 2 };
  return { ledger, mailer, deps };
}

describe('deliver a sweep digest (use case)', () => {
  it('one email naming every report; a duplicated or retried record sends nothing more', async () => {
    const { ledger, mailer, deps } = setup();
    const ids = Array.from({ length: 11 }, (_, i) => `report-${i}`);
    const d = digest(ids);
    expect(await deliverEmails(deps, [record(d), record(d)])).toEqual([]);
    expect(await deliverEmails(deps, [record(d)])).toEqual([]);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({ to: lead, kind: 'digest' });
    for (const entry of d.entries) expect(mailer.sent[0]!.text).toContain(entry.reference);
    expect(ledger.sent.get(d.id)).toEqual([DIGEST_LEDGER_KEY]);
    for (const id of ids) expect(ledger.sent.get(id)).toEqual(['escalation#1']);
  });

  it('a report closed since the sweep, or whose entry was sent already, is left out; nothing left means no email', async () => {
    const { ledger, mailer, deps } = setup();
    ledger.closed.add('report-0');
    await ledger.record('report-1', 'escalation#1');
    await deliverEmails(deps, [record(digest(['report-0', 'report-1', 'report-2']))]);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.text).toContain('ORO-2026-AAAA-0002');
    expect(mailer.sent[0]!.text).not.toContain('ORO-2026-AAAA-0000');
    expect(mailer.sent[0]!.text).not.toContain('ORO-2026-AAAA-0001');

    const other = { ...digest(['report-0']), id: 'DIGEST#other' };
    await deliverEmails(deps, [record(other)]);
    expect(mailer.sent).toHaveLength(1);
    expect(ledger.sent.get('DIGEST#other')).toEqual([DIGEST_LEDGER_KEY]);
  });

  it('a failed send releases every claim: the retry sends the digest once', async () => {
    const { ledger, mailer, deps } = setup();
    const d = digest(['report-0', 'report-1']);
    mailer.failFor.add(lead);
    const r = record(d);
    expect(await deliverEmails(deps, [r])).toEqual([r.id]);
    expect(ledger.claims.size).toBe(0);
    mailer.failFor.clear();
    expect(await deliverEmails(deps, [r])).toEqual([]);
    expect(mailer.sent).toHaveLength(1);
  });

  it('an entry held by another consumer: nothing is sent, every claim this attempt made is released, the retry sends once', async () => {
    const { ledger, mailer, deps } = setup();
    const d = digest(['report-0', 'report-1']);
    // Another consumer is sending report-1's escalation right now.
    const other = await ledger.claim('report-1', 'escalation#1', sweepAt);
    const r = record(d);
    expect(await deliverEmails(deps, [r])).toEqual([r.id]);
    expect(mailer.sent).toHaveLength(0);
    expect([...ledger.claims.keys()]).toEqual(['report-1/escalation#1']);
    if (other.kind === 'claimed') await ledger.release('report-1', 'escalation#1', other.claim);
    expect(await deliverEmails(deps, [r])).toEqual([]);
    expect(mailer.sent).toHaveLength(1);
    expect(ledger.sent.get(d.id)).toEqual([DIGEST_LEDGER_KEY]);
  });
});
