// The one ledger loop every email goes through (a report's emails, a consultation's notices, a sweep's digest),
// so that "sent once" is kept in one place:
//   1. claim the email's own slot: already sent, closed or gone → nothing to send; held by another consumer →
//      retry later;
//   2. claim the slot of each part it covers (a digest's entries, each kept on its report): a part already sent,
//      closed or gone is left out; one held by another consumer → release every claim, retry later;
//   3. send what is left (nothing left: no email); a failed send releases every claim so the retry can send it;
//   4. record every claim, the parts first and its own slot last (what a retry checks first), each retried in
//      place while the claims still hold (up to their lease's end, less a margin; no other consumer can send the
//      email before then): the one step that must not be lost.
import { errorSummary } from '../observability/error-summary.ts';
import { logger } from '../observability/logger.ts';
import type { Clock } from './ports/clock.ts';
import type { ClaimOptions, EmailLedger } from './ports/email-ledger.ts';
import type { Mailer, OutgoingEmail } from './ports/mailer.ts';

export type Outcome = 'done' | 'failed';

export interface LedgerSendDependencies {
  mailer: Mailer;
  clock: Clock;
  /** Attempts at recording a sent email before giving up (the one step that must not be lost); never past the claim's lease. */
  recordAttempts: number;
}

/** Recording stops this long before the claims' lease ends: after it, another consumer may claim and send again. */
const RECORD_MARGIN_MS = 5_000;

/** Where an email's "sent" mark is kept: the ledger of an item (a report, a consultation, a digest) and the email's key on it. */
export interface LedgerSlot {
  ledger: EmailLedger;
  itemId: string;
  key: string;
  options?: ClaimOptions;
}

/** A part of an email that is marked sent on a slot of its own (a digest's entry, on its report). */
export interface CoveredPart<T> extends LedgerSlot {
  part: T;
  /** What a log line about this part carries: ids only. */
  ids: Record<string, string>;
}

interface Claimed {
  slot: LedgerSlot;
  claim: string;
}

type Ids = Record<string, string | number>;

/**
 * One email through a ledger, for any item that keeps one (a report, a consultation): claim (skip if sent, closed,
 * gone; retry later if another consumer holds it) → send → record, retried in place; release when the send failed.
 * `ids` are what the log lines carry: ids only.
 */
export function sendThroughLedger(
  deps: LedgerSendDependencies,
  ledger: EmailLedger,
  itemId: string,
  key: string,
  email: OutgoingEmail,
  ids: Record<string, string>,
  options: ClaimOptions = {},
): Promise<Outcome> {
  return sendCovering(deps, { ledger, itemId, key, options }, [], () => email, ids);
}

/**
 * One email under its own slot and the slots of the parts it covers (the steps at the top of this file).
 * `compose` gets the parts claimed, in their order, and answers the email, or null when nothing is left to send.
 */
export async function sendCovering<T>(
  deps: LedgerSendDependencies,
  own: LedgerSlot,
  parts: Array<CoveredPart<T>>,
  compose: (claimed: T[]) => OutgoingEmail | null,
  ids: Ids,
): Promise<Outcome> {
  const now = deps.clock.now();
  const ownClaim = await own.ledger.claim(own.itemId, own.key, now, own.options);
  if (ownClaim.kind === 'already-sent') return 'done';
  if (ownClaim.kind === 'closed') {
    logger.info('follow-up not sent: feedback was given since', ids);
    return 'done';
  }
  if (ownClaim.kind === 'gone') {
    logger.warn('item no longer exists; email not sent', ids);
    return 'done';
  }
  if (ownClaim.kind === 'held') {
    logger.info('email claimed by another consumer; will retry', { ...ids, claimedUntil: ownClaim.until });
    return 'failed';
  }
  // The lease in real time from here (the clock may be a simulated one): how long recording may be retried.
  const claimedAt = Date.now();
  let leaseMs = Date.parse(ownClaim.until) - now.getTime();
  const claims: Claimed[] = [{ slot: own, claim: ownClaim.claim }];
  const covered: T[] = [];
  for (const part of parts) {
    const claim = await part.ledger.claim(part.itemId, part.key, now, part.options);
    if (claim.kind === 'claimed') {
      claims.push({ slot: part, claim: claim.claim });
      covered.push(part.part);
      leaseMs = Math.min(leaseMs, Date.parse(claim.until) - now.getTime());
    } else if (claim.kind === 'held') {
      logger.info('a part of the email is claimed by another consumer; will retry', { ...ids, ...part.ids });
      await releaseAll(claims, ids);
      return 'failed';
    } else {
      logger.info('part left out of the email', { ...ids, ...part.ids, why: claim.kind });
    }
  }
  const email = compose(covered);
  let sent: Ids = ids;
  if (email) {
    try {
      const { messageId } = await deps.mailer.send(email);
      sent = { ...ids, messageId, ...(parts.length ? { coveredParts: covered.length } : {}) };
    } catch (error) {
      logger.warn('email not sent; will retry', { ...ids, error: errorSummary(error) });
      await releaseAll(claims, ids);
      return 'failed';
    }
  } else {
    logger.info('email had nothing left to send', ids);
  }
  // The parts first: the email's own record is what a retry checks first.
  const recordUntil = claimedAt + leaseMs - RECORD_MARGIN_MS;
  for (const { slot, claim } of [...claims.slice(1), claims[0]!]) {
    if (!(await recordSent(deps, slot, claim, sent, recordUntil))) return 'failed';
  }
  if (email) logger.info('email sent', sent);
  return 'done';
}

async function releaseAll(claims: Claimed[], ids: Ids): Promise<void> {
  for (const { slot, claim } of claims) {
    await slot.ledger.release(slot.itemId, slot.key, claim).catch((error: unknown) => {
      // The claim then expires by itself; the retry waits for it.
      logger.warn('could not release email claim', { ...ids, error: errorSummary(error) });
    });
  }
}

/**
 * True once recorded; false (logged loudly) when every attempt failed or the claim's lease is about to end (`until`,
 * real time): after the claim expires the email may go out again.
 */
async function recordSent(deps: { recordAttempts: number }, slot: LedgerSlot, claim: string, ids: Ids, until: number): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      await slot.ledger.record(slot.itemId, slot.key, claim);
      return true;
    } catch (error) {
      const wait = Math.min(1_000, 100 * 2 ** attempt);
      if (attempt >= deps.recordAttempts || Date.now() + wait > until) {
        logger.error('email sent but not recorded in the ledger', { ...ids, attempts: attempt, error: errorSummary(error) });
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
