// The port of the earlier-reports index (issue 12, point 4): for each report, items keyed by the keyed hashes of
// its child (core/domain/child-match.ts), and the report's own keys, so that a later view can look up the other
// reports with the same keys without ever holding the hashing key (only notify may hash). The items expire with
// their report (DynamoDB TTL on the same `expiresAt`), and reads leave out expired items either way.
import type { ChildMatchKey, MatchedBy } from '../../domain/child-match.ts';
import type { Report } from '../../domain/report.ts';

/** What the index follows in the report stream: a new report, or a change of a report's expiry (retention). */
export type ChildIndexChange =
  | { kind: 'new-report'; report: Report }
  | { kind: 'expiry'; reportId: string; keys: ChildMatchKey[]; expiresAt: number | null };

export interface ChildIndex {
  /**
   * Records the keys on the report and writes its index items, which carry the report's expiry as stored then (if
   * its retention already started). Idempotent (a retried stream record); nothing when the report is gone.
   */
  index(reportId: string, keys: readonly ChildMatchKey[]): Promise<void>;
  /** Gives the report's index items its new expiry (epoch seconds; null: none): its retention started. Idempotent. */
  expireWith(reportId: string, keys: readonly ChildMatchKey[], expiresAt: number | null): Promise<void>;
  /** The report's own keys, as notify recorded them; empty before (or without) indexing. */
  keysOf(reportId: string): Promise<ChildMatchKey[]>;
  /** Every report indexed under one of these keys and not expired, with the kind of key that matched. */
  reportsWith(keys: readonly ChildMatchKey[]): Promise<Array<{ reportId: string; matchedBy: MatchedBy }>>;
}
