// The figures store port: the counter rows (per month × team × area × school) and, per counted subject (a report
// or a consultation, by its item key), what it last added to them. The DynamoDB adapter implements it
// (core/adapters/dynamodb/figures-store.ts); an in-memory fake serves the use cases' unit tests.
import type { Contribution, FigureRow, RowDelta } from '../../domain/figures.ts';

/** What a subject last added to the rows, and the version of the subject it was counted from. */
export interface CountedState {
  version: number;
  contribution: Contribution;
}

export interface FiguresStore {
  /** What the subject (`REPORT#<id>`, `CONSULTATION#<id>`) last added, or null when it was never counted. */
  counted(subject: string): Promise<CountedState | null>;
  /**
   * Adds `deltas` to the rows and records `next` as the subject's counted state, all at once and only if the
   * counted state is still `expected` (by version; null = never counted): false when another counter won.
   * `expiresAt` (epoch seconds) lets the counted state expire with its report; the rows never expire.
   */
  count(subject: string, expected: CountedState | null, next: CountedState, deltas: RowDelta[], expiresAt?: number): Promise<boolean>;
  /** Every row of these months (YYYY-MM), with the read units it cost (0 where that means nothing). */
  rows(months: readonly string[]): Promise<{ rows: FigureRow[]; consumedCapacity: number }>;
  /**
   * The rebuild: makes the rows and counted states exactly these (rows not listed are removed, in every month;
   * counted states not listed are removed).
   */
  replaceAll(rows: FigureRow[], counted: ReadonlyArray<{ subject: string; state: CountedState; expiresAt?: number }>): Promise<void>;
}

/** The rebuild's source: every report and consultation still in the table, a page at a time. */
export interface CountableSource {
  countables(): AsyncIterable<Countable>;
}

/** A report or consultation as the counters see it: its item key, version, what it adds, when it expires. */
export interface Countable {
  subject: string;
  version: number;
  contribution: Contribution;
  expiresAt?: number;
}
