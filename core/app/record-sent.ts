// Recording a sent email in the ledger: the one step that must not be lost, so it is retried in place (with
// backoff) before giving up. Shared by the report emails and the digests.
import { errorSummary } from '../observability/error-summary.ts';
import { logger } from '../observability/logger.ts';
import type { EmailLedger } from './ports/email-ledger.ts';

/** True once recorded; false (logged loudly) when every attempt failed: after the claim expires it may go out again. */
export async function recordSent(
  deps: { recordAttempts: number },
  ledger: EmailLedger,
  itemId: string,
  key: string,
  claim: string,
  ids: Record<string, string | number>,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ledger.record(itemId, key, claim);
      return true;
    } catch (error) {
      if (attempt >= deps.recordAttempts) {
        logger.error('email sent but not recorded in the ledger', { ...ids, error: errorSummary(error) });
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 100 * 2 ** attempt)));
    }
  }
}
