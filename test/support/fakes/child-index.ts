// The earlier-reports index in memory (core/app/ports/child-index.ts), for the use cases' unit tests.
import type { ChildIndex } from '../../../core/app/ports/child-index.ts';
import type { ChildMatchKey, MatchedBy } from '../../../core/domain/child-match.ts';

export class MemoryChildIndex implements ChildIndex {
  readonly items = new Map<string, Map<string, MatchedBy>>();
  readonly keys = new Map<string, ChildMatchKey[]>();

  async index(reportId: string, keys: readonly ChildMatchKey[]): Promise<void> {
    for (const key of keys) {
      const partition = this.items.get(key.key) ?? new Map<string, MatchedBy>();
      partition.set(reportId, key.matchedBy);
      this.items.set(key.key, partition);
    }
    this.keys.set(reportId, [...keys]);
  }

  async keysOf(reportId: string): Promise<ChildMatchKey[]> {
    return this.keys.get(reportId) ?? [];
  }

  async reportsWith(keys: readonly ChildMatchKey[]): Promise<Array<{ reportId: string; matchedBy: MatchedBy }>> {
    return keys.flatMap((key) => [...(this.items.get(key.key) ?? new Map<string, MatchedBy>()).entries()].map(([reportId, matchedBy]) => ({ reportId, matchedBy })));
  }
}
