// Use case: keep the figures' counter rows up to date from the table's stream (functions/stats-counter).
//   1. Each record names a countable subject (a report or a consultation, as it now stands, with its version),
//      or nothing to count (a TTL removal, an audit event, the counters' own items).
//   2. Read what the subject last added to the rows. If that was counted from this version or a later one, the
//      record is a retry, a replay or arrived late: nothing to do. This is what makes counting exactly once
//      without a marker per record, in any order, and after a rebuild.
//   3. Otherwise add the difference (core/domain/figures.ts: differenceOf; a forwarded report moves between
//      teams' rows) and record the new counted state, in one conditional transaction on the old one.
//   4. Lost to a concurrent counter: read again and repeat. A record that still fails is returned, so the stream
//      delivers it again (and, after its retries, to the failure queue).
import { differenceOf } from '../../domain/figures.ts';
import { errorSummary } from '../../observability/error-summary.ts';
import { logger } from '../../observability/logger.ts';
import type { Countable, FiguresStore } from '../ports/figures-store.ts';

export interface CountRecord {
  /** The stream record's id (its sequence number): what a failure is reported by. */
  id: string;
  countable: Countable | null;
}

export type CountOutcome = 'counted' | 'already-counted' | 'nothing-to-count';

const ATTEMPTS = 5;

export async function countOne(figures: FiguresStore, countable: Countable): Promise<CountOutcome> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const counted = await figures.counted(countable.subject);
    if (counted && counted.version >= countable.version) return 'already-counted';
    const deltas = differenceOf(counted?.contribution ?? null, countable.contribution);
    const next = { version: countable.version, contribution: countable.contribution };
    if (await figures.count(countable.subject, counted, next, deltas, countable.expiresAt)) return 'counted';
  }
  throw new Error(`lost ${ATTEMPTS} times to concurrent counters`);
}

/** Counts a batch in order; returns the ids of the records that failed (to be delivered again). */
export async function countChanges(figures: FiguresStore, records: readonly CountRecord[]): Promise<string[]> {
  const failed: string[] = [];
  for (const record of records) {
    if (!record.countable) continue;
    try {
      await countOne(figures, record.countable);
    } catch (error) {
      logger.warn('figures not counted', { record: record.id, subject: record.countable.subject, error: errorSummary(error) });
      failed.push(record.id);
    }
  }
  return failed;
}
