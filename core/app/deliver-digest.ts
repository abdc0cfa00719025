// Use case: send one sweep digest (the reminders and escalations one sweep owes one person) as one email, through
// the shared ledger loop (send-through-ledger.ts: sendCovering):
//   1. The digest's own slot is its item's ledger (key "digest"): a retried or duplicated stream record finds it
//      sent, or held by another consumer (retry later).
//   2. Each entry is a covered part, on its report's ledger under the entry's key ("reminder:<address>",
//      "escalation#<n>"), claimed only while the report is open: a report closed since the sweep, or whose email
//      went out already, is left out; so "sent once" holds per report as well as per digest.
//   3. The email lists the entries claimed (none left: no email); each entry and then the digest are recorded.
//      When the send fails, every claim is released so the retry can send it.
import type { Digest, DigestEntry } from '../domain/digest.ts';
import { digestEmail } from '../email/time-emails.ts';
import type { Links } from '../email/templates.ts';
import { errorSummary } from '../observability/error-summary.ts';
import { logger } from '../observability/logger.ts';
import type { DeliverEmailsDependencies } from './deliver-emails.ts';
import { sendCovering, type CoveredPart, type Outcome } from './send-through-ledger.ts';

/** The ledger key of a digest on its own item. */
export const DIGEST_LEDGER_KEY = 'digest';

export async function deliverDigest(deps: DeliverEmailsDependencies, digest: Digest, links: Links): Promise<Outcome> {
  const ids = { digestEntries: digest.entries.length, sweepAt: digest.sweepAt, email: 'digest' };
  const own = { ledger: deps.digestLedger ?? deps.ledger, itemId: digest.id, key: DIGEST_LEDGER_KEY };
  const entries = digest.entries.map(
    (entry): CoveredPart<DigestEntry> => ({
      ledger: deps.ledger,
      itemId: entry.reportId,
      key: entry.ledgerKey,
      options: { onlyWhileOpen: true },
      part: entry,
      ids: { reportId: entry.reportId },
    }),
  );
  const compose = (claimed: DigestEntry[]) =>
    claimed.length ? { to: digest.recipient, ...digestEmail({ entries: claimed, sweepAt: digest.sweepAt }, links), kind: 'digest' } : null;
  try {
    return await sendCovering(deps, own, entries, compose, ids);
  } catch (error) {
    logger.warn('email ledger unavailable; will retry', { ...ids, error: errorSummary(error) });
    return 'failed';
  }
}
