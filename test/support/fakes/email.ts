// The email ledger and the mailer in memory, for the deliver-emails use case's tests.
import type { ClaimOptions, ClaimResult, EmailLedger } from '../../../core/app/ports/email-ledger.ts';
import type { Mailer, OutgoingEmail } from '../../../core/app/ports/mailer.ts';

/** The ledger's rules in memory: sent keys, claims with an expiry, and (for follow-ups) closed reports. */
export class MemoryLedger implements EmailLedger {
  sent = new Map<string, string[]>();
  claims = new Map<string, { claim: string; until: number }>();
  /** Reports closed since their change was written: follow-up emails are no longer claimed. */
  closed = new Set<string>();
  failRecord = false;
  #n = 0;
  readonly leaseMs: number;
  constructor(leaseMs = 45_000) {
    this.leaseMs = leaseMs;
  }
  async claim(reportId: string, key: string, at: Date, options: ClaimOptions = {}): Promise<ClaimResult> {
    if (this.sent.get(reportId)?.includes(key)) return { kind: 'already-sent' };
    if (options.onlyWhileOpen && this.closed.has(reportId)) return { kind: 'closed' };
    const held = this.claims.get(`${reportId}/${key}`);
    if (held && held.until > at.getTime()) return { kind: 'held', until: new Date(held.until).toISOString() };
    const claim = `c${this.#n++}`;
    const until = at.getTime() + this.leaseMs;
    this.claims.set(`${reportId}/${key}`, { claim, until });
    return { kind: 'claimed', claim, until: new Date(until).toISOString() };
  }
  async record(reportId: string, key: string): Promise<void> {
    if (this.failRecord) throw Object.assign(new Error('down'), { name: 'ServiceUnavailable' });
    this.sent.set(reportId, [...(this.sent.get(reportId) ?? []), key]);
    this.claims.delete(`${reportId}/${key}`);
  }
  async release(reportId: string, key: string, claim: string): Promise<void> {
    if (this.claims.get(`${reportId}/${key}`)?.claim === claim) this.claims.delete(`${reportId}/${key}`);
  }
}

/** Keeps what it sends; refuses the addresses in `failFor` as SES would refuse a message. */
export class MemoryMailer implements Mailer {
  sent: OutgoingEmail[] = [];
  failFor = new Set<string>();
  async send(email: OutgoingEmail) {
    if (this.failFor.has(email.to)) throw Object.assign(new Error(`rejected ${email.to}`), { name: 'MessageRejected' });
    this.sent.push(email);
    return { messageId: `m${this.sent.length}` };
  }
}
