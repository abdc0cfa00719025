// The one ledger loop (core/app/send-through-ledger.ts): recording a sent email is retried while this consumer's
// claim holds, so a DynamoDB outage shorter than the lease does not send the email twice, and recording stops
// before the lease ends (after it, another consumer may claim and send).
import { describe, expect, it } from 'vitest';
import { sendThroughLedger } from '../../../core/app/send-through-ledger.ts';
import type { OutgoingEmail } from '../../../core/app/ports/mailer.ts';
import { fixedClock, MemoryLedger, MemoryMailer } from '../../support/fakes/index.ts';

const now = new Date('2026-11-30T08:00:00Z');
const email: OutgoingEmail = { to: 'kontakt@ekdala.example', subject: 'Ny orosanmälan ORO-2026-AAAA-0001', text: 'x', html: '<p>x</p>' };

describe('sendThroughLedger: recording while the claim holds', () => {
  it('records after an outage longer than a few attempts but shorter than the lease: one email, recorded', async () => {
    // Prepare: the ledger cannot record for 1.2 s after the send
    const ledger = new MemoryLedger(45_000);
    const mailer = new MemoryMailer();
    ledger.failRecord = true;
    setTimeout(() => (ledger.failRecord = false), 1_200);

    // Act
    const outcome = await sendThroughLedger({ mailer, clock: fixedClock(now), recordAttempts: 60 }, ledger, 'r1', 'alert:a', email, { reportId: 'r1' });

    // Assess
    expect(outcome).toBe('done');
    expect(mailer.sent).toHaveLength(1);
    expect(ledger.sent.get('r1')).toEqual(['alert:a']);
    const again = await sendThroughLedger({ mailer, clock: fixedClock(now), recordAttempts: 60 }, ledger, 'r1', 'alert:a', email, { reportId: 'r1' });
    expect(again).toBe('done');
    expect(mailer.sent).toHaveLength(1);
  });

  it('stops retrying the record before the lease ends, whatever the attempts left', async () => {
    // Prepare: a lease of 5.6 s leaves 0.6 s of recording before the 5 s margin; the ledger never records
    const ledger = new MemoryLedger(5_600);
    const mailer = new MemoryMailer();
    ledger.failRecord = true;

    // Act
    const started = Date.now();
    const outcome = await sendThroughLedger({ mailer, clock: fixedClock(now), recordAttempts: 60 }, ledger, 'r2', 'alert:a', email, { reportId: 'r2' });

    // Assess: given up well before 60 attempts (~57 s) would have taken
    expect(outcome).toBe('failed');
    expect(mailer.sent).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
