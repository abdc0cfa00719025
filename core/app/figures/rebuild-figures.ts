// Use case: recount the figures from the reports and consultations in the table (`npm run stats:rebuild`, and
// the one-off in AWS: README, "Figures").
//   1. Read every report and consultation (a scan: this is the one place that reads them all).
//   2. Sum what each adds with the same rule the counter uses (core/domain/figures.ts: contributionOf).
//   3. Replace every row and every counted state with the recount.
// Run it while the counter is paused: a stream record counted between the scan and the replace would be
// overwritten. Records that arrive while the counter is paused are counted after it resumes, against the
// rebuild's counted states, so nothing is counted twice or lost.
// Reports removed by retention are no longer in the table: their months' rows keep only what is still there.
import { sumRows, type FigureRow } from '../../domain/figures.ts';
import type { CountableSource, CountedState, FiguresStore } from '../ports/figures-store.ts';

export interface RebuildResult {
  subjects: number;
  rows: number;
}

export async function recount(source: CountableSource): Promise<{ rows: FigureRow[]; counted: Array<{ subject: string; state: CountedState; expiresAt?: number }> }> {
  const counted: Array<{ subject: string; state: CountedState; expiresAt?: number }> = [];
  for await (const countable of source.countables()) {
    counted.push({
      subject: countable.subject,
      state: { version: countable.version, contribution: countable.contribution },
      ...(countable.expiresAt !== undefined ? { expiresAt: countable.expiresAt } : {}),
    });
  }
  return { rows: sumRows(counted.map((c) => c.state.contribution)), counted };
}

export async function rebuildFigures(figures: FiguresStore, source: CountableSource): Promise<RebuildResult> {
  const { rows, counted } = await recount(source);
  await figures.replaceAll(rows, counted);
  return { subjects: counted.length, rows: rows.length };
}
