// The earlier-reports index in memory (core/app/ports/child-index.ts), for the use cases' unit tests. It knows no
// report store, so `index` writes items without an expiry; `expireWith` gives them one, and reads leave out what
// has expired by the given clock, as the DynamoDB adapter does.
import type { ChildIndex } from '../../../core/app/ports/child-index.ts';
import type { ChildMatchKey, MatchedBy } from '../../../core/domain/child-match.ts';

interface Entry {
  matchedBy: MatchedBy;
  expiresAt: number | null;
}

export class MemoryChildIndex implements ChildIndex {
  /** Keyed hash → report id → its index item. */
  readonly items = new Map<string, Map<string, Entry>>();
  readonly keys = new Map<string, ChildMatchKey[]>();
  readonly #now: () => Date;

  constructor(now: () => Date = () => new Date()) {
    this.#now = now;
  }

  async index(reportId: string, keys: readonly ChildMatchKey[]): Promise<void> {
    this.keys.set(reportId, [...keys]);
    await this.expireWith(reportId, keys, null);
  }

  async expireWith(reportId: string, keys: readonly ChildMatchKey[], expiresAt: number | null): Promise<void> {
    for (const key of keys) {
      const partition = this.items.get(key.key) ?? new Map<string, Entry>();
      partition.set(reportId, { matchedBy: key.matchedBy, expiresAt });
      this.items.set(key.key, partition);
    }
  }

  async keysOf(reportId: string): Promise<ChildMatchKey[]> {
    return this.keys.get(reportId) ?? [];
  }

  async reportsWith(keys: readonly ChildMatchKey[]): Promise<Array<{ reportId: string; matchedBy: MatchedBy }>> {
    const now = this.#now().getTime();
    return keys.flatMap((key) =>
      [...(this.items.get(key.key) ?? new Map<string, Entry>()).entries()]
        .filter(([, entry]) => entry.expiresAt === null || entry.expiresAt * 1000 > now)
        .map(([reportId, entry]) => ({ reportId, matchedBy: entry.matchedBy })),
    );
  }
}
