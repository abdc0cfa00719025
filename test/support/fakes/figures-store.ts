// An in-memory FiguresStore for the use cases' unit tests: the same contract as the DynamoDB adapter (a count is
// all or nothing, conditional on the counted state's version).
import { isEmptyRow, rowId, sumRows, type FigureRow, type RowDelta } from '../../../core/domain/figures.ts';
import type { CountedState, FiguresStore } from '../../../core/app/ports/figures-store.ts';

export class MemoryFiguresStore implements FiguresStore {
  readonly rowsById = new Map<string, FigureRow>();
  readonly countedBySubject = new Map<string, CountedState>();

  async counted(subject: string): Promise<CountedState | null> {
    return structuredClone(this.countedBySubject.get(subject) ?? null);
  }

  async count(subject: string, expected: CountedState | null, next: CountedState, deltas: RowDelta[]): Promise<boolean> {
    const current = this.countedBySubject.get(subject);
    if ((current?.version ?? null) !== (expected?.version ?? null)) return false;
    for (const delta of deltas) {
      const id = rowId(delta.key);
      const row = this.rowsById.get(id) ?? { ...delta.key, counts: {} };
      for (const [name, value] of Object.entries(delta.add)) row.counts[name] = (row.counts[name] ?? 0) + value;
      this.rowsById.set(id, row);
    }
    this.countedBySubject.set(subject, structuredClone(next));
    return true;
  }

  async rows(months: readonly string[]): Promise<{ rows: FigureRow[]; consumedCapacity: number }> {
    return { rows: [...this.rowsById.values()].filter((row) => months.includes(row.month)).map((row) => structuredClone(row)), consumedCapacity: 0 };
  }

  async replaceAll(rows: FigureRow[], counted: ReadonlyArray<{ subject: string; state: CountedState }>): Promise<void> {
    this.rowsById.clear();
    for (const row of rows) this.rowsById.set(rowId(row), structuredClone(row));
    for (const c of counted) this.countedBySubject.set(c.subject, structuredClone(c.state));
  }

  /** The rows with every zero count dropped, sorted: what a comparison with a recount should look at. */
  nonEmptyRows(): FigureRow[] {
    return sumRows([...this.rowsById.values()].map((row) => ({ key: row, counts: Object.fromEntries(Object.entries(row.counts).filter(([, v]) => v !== 0)) })))
      .filter((row) => !isEmptyRow(row))
      .map(({ month, teamId, areaId, schoolId, counts }) => ({ month, teamId, areaId, schoolId, counts }));
  }
}
