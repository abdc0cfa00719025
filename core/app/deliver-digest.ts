// Use case: send one sweep digest (the reminders and escalations one sweep owes one person) as one email.
//   1. Claim the digest on its own item's ledger (key "digest"): a retried or duplicated stream record finds it
//      sent, or held by another consumer (retry later).
//   2. Claim each entry on its report's ledger under the entry's key ("reminder:<address>", "escalation#<n>"),
//      only while the report is open: a report closed since the sweep, or whose email went out already, is left
//      out; so "sent once" holds per report as well as per digest.
//   3. Send the email listing the entries claimed; then record each entry and the digest. When the send fails,
//      release every claim so the retry can send it.
import type { Digest, DigestEntry } from '../domain/digest.ts';
import { digestEmail } from '../email/time-emails.ts';
import type { Links } from '../email/templates.ts';
import { errorSummary } from '../observability/error-summary.ts';
import { logger } from '../observability/logger.ts';
import type { DeliverEmailsDependencies, Outcome } from './deliver-emails.ts';
import type { EmailLedger } from './ports/email-ledger.ts';
import { recordSent } from './record-sent.ts';

/** The ledger key of a digest on its own item. */
export const DIGEST_LEDGER_KEY = 'digest';

interface Claimed {
  ledger: EmailLedger;
  itemId: string;
  key: string;
  claim: string;
}

async function releaseAll(claims: Claimed[], ids: Record<string, string | number>): Promise<void> {
  for (const c of claims) {
    await c.ledger.release(c.itemId, c.key, c.claim).catch((error: unknown) => {
      // The claim then expires by itself; the retry waits for it.
      logger.warn('could not release email claim', { ...ids, error: errorSummary(error) });
    });
  }
}

export async function deliverDigest(deps: DeliverEmailsDependencies, digest: Digest, links: Links): Promise<Outcome> {
  const ids = { digestEntries: digest.entries.length, sweepAt: digest.sweepAt, email: 'digest' };
  const digestLedger = deps.digestLedger ?? deps.ledger;
  try {
    const now = deps.clock.now();
    const own = await digestLedger.claim(digest.id, DIGEST_LEDGER_KEY, now);
    if (own.kind === 'already-sent' || own.kind === 'gone' || own.kind === 'closed') return 'done';
    if (own.kind === 'held') {
      logger.info('digest claimed by another consumer; will retry', { ...ids, claimedUntil: own.until });
      return 'failed';
    }
    const claims: Claimed[] = [{ ledger: digestLedger, itemId: digest.id, key: DIGEST_LEDGER_KEY, claim: own.claim }];
    const entries: DigestEntry[] = [];
    for (const entry of digest.entries) {
      const claim = await deps.ledger.claim(entry.reportId, entry.ledgerKey, now, { onlyWhileOpen: true });
      if (claim.kind === 'claimed') {
        claims.push({ ledger: deps.ledger, itemId: entry.reportId, key: entry.ledgerKey, claim: claim.claim });
        entries.push(entry);
      } else if (claim.kind === 'held') {
        logger.info('a digest entry is claimed by another consumer; will retry', { ...ids, reportId: entry.reportId });
        await releaseAll(claims, ids);
        return 'failed';
      } else {
        logger.info('digest entry left out', { ...ids, reportId: entry.reportId, why: claim.kind });
      }
    }
    if (entries.length > 0) {
      const content = digestEmail({ entries, sweepAt: digest.sweepAt }, links);
      try {
        const { messageId } = await deps.mailer.send({ to: digest.recipient, ...content, kind: 'digest' });
        logger.info('email sent', { ...ids, digestEntries: entries.length, messageId });
      } catch (error) {
        logger.warn('email not sent; will retry', { ...ids, error: errorSummary(error) });
        await releaseAll(claims, ids);
        return 'failed';
      }
    } else {
      logger.info('digest had nothing left to send', ids);
    }
    // The entries first: the digest's own record is what a retry checks first.
    for (const c of [...claims.slice(1), claims[0]!]) {
      if (!(await recordSent(deps, c.ledger, c.itemId, c.key, c.claim, ids))) return 'failed';
    }
    return 'done';
  } catch (error) {
    logger.warn('email ledger unavailable; will retry', { ...ids, error: errorSummary(error) });
    return 'failed';
  }
}
