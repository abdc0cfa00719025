// Use case: read the figures (GET /api/stats, /api/stats.csv, the /stats page).
//   1. Validate the months asked for (from ≤ to, at most three years).
//   2. Who may read: an administrator reads every team's rows; a team's lead reads their teams' rows; anyone
//      else is refused. The current directory decides, as for reports.
//   3. Read the rows of those months (a query per month: the cost follows months × rows, never the reports).
//   4. Hide small counts (core/domain/figures.ts: publicRow) before anything leaves.
import * as z from 'zod/mini';
import { isAdministrator, type Directory } from '../../directory/directory.ts';
import { MONTH_PATTERN, monthsBetween, publicRow, type FigureRow, type PublicFigureRow } from '../../domain/figures.ts';
import { fieldErrors, InvalidInputError } from '../errors.ts';
import type { DirectorySource } from '../ports/directory.ts';
import type { FiguresStore } from '../ports/figures-store.ts';

export const MAX_MONTHS = 36;

const month = z.string().check(z.regex(MONTH_PATTERN, 'must be a month, YYYY-MM'));

/** The period's checks apply once both ends are months (a malformed one has its own message). */
const bothMonths = (q: { from: string; to: string }) => MONTH_PATTERN.test(q.from) && MONTH_PATTERN.test(q.to);

export const figuresQuerySchema = z
  .object({ from: month, to: month })
  .check(
    z.refine((q) => !bothMonths(q) || q.from <= q.to, { message: 'must not be after `to`', path: ['from'] }),
    z.refine((q) => !bothMonths(q) || q.from > q.to || monthsBetween(q.from, q.to).length <= MAX_MONTHS, {
      message: `may be at most ${MAX_MONTHS} months before \`to\``,
      path: ['from'],
    }),
  );
export type FiguresQuery = z.infer<typeof figuresQuerySchema>;

export interface ReadFiguresDependencies {
  figures: FiguresStore;
  directory: DirectorySource;
}

export type FiguresAccess = { kind: 'all' } | { kind: 'teams'; teamIds: string[] } | { kind: 'none' };

/** Administrators see every team; a lead sees the teams they lead; nobody else sees figures. */
export function figuresAccess(directory: Directory, email: string): FiguresAccess {
  if (isAdministrator(directory, email)) return { kind: 'all' };
  const wanted = email.trim().toLowerCase();
  const led = directory.teams.filter((team) => team.lead.email.toLowerCase() === wanted).map((team) => team.id);
  return led.length ? { kind: 'teams', teamIds: led } : { kind: 'none' };
}

export type ReadFiguresResult =
  | { kind: 'forbidden' }
  | { kind: 'figures'; access: 'all' | 'teams'; query: FiguresQuery; months: string[]; rows: PublicFigureRow[]; raw: FigureRow[]; consumedCapacity: number };

/** `raw` keeps the unhidden counts for the page's sums, which hide their own small cells; it never leaves as JSON. */
export async function readFigures(deps: ReadFiguresDependencies, caller: { email: string }, input: unknown): Promise<ReadFiguresResult> {
  const parsed = figuresQuerySchema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error.issues));
  const access = figuresAccess(await deps.directory.current(), caller.email);
  if (access.kind === 'none') return { kind: 'forbidden' };
  const months = monthsBetween(parsed.data.from, parsed.data.to);
  const { rows, consumedCapacity } = await deps.figures.rows(months);
  const visible = access.kind === 'all' ? rows : rows.filter((row) => access.teamIds.includes(row.teamId));
  return { kind: 'figures', access: access.kind, query: parsed.data, months, rows: visible.map(publicRow), raw: visible, consumedCapacity };
}
