// The port of the earlier-reports index (issue 12, point 4): for each report, items keyed by the keyed hashes of
// its child (core/domain/child-match.ts), and the report's own keys, so that a later view can look up the other
// reports with the same keys without ever holding the hashing key (only notify may hash).
import type { ChildMatchKey, MatchedBy } from '../../domain/child-match.ts';

export interface ChildIndex {
  /** Writes the report's index items and records its keys on the report. Idempotent (a retried stream record). */
  index(reportId: string, keys: readonly ChildMatchKey[]): Promise<void>;
  /** The report's own keys, as notify recorded them; empty before (or without) indexing. */
  keysOf(reportId: string): Promise<ChildMatchKey[]>;
  /** Every report indexed under one of these keys, with the kind of key that matched. */
  reportsWith(keys: readonly ChildMatchKey[]): Promise<Array<{ reportId: string; matchedBy: MatchedBy }>>;
}
