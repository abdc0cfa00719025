// Use cases: the team's list (GET /api/cases) and the search (POST /api/cases/search), paging through everything.
//   1. Validate the filters (core/domain/case-list.ts caseFiltersSchema) and, for a search, `q`; a cursor must be
//      one this caller got for exactly these filters, this search and these teams (core/domain/cursor.ts), else 400.
//   2. Read the caller's teams' lists from the byTeam index (due first), one team after the other, a read of
//      READ_SIZE items at a time, keeping what matches the filters and the search, until a page is full or the
//      page has read READS_PER_PAGE times: a filter never turns one request into a scan of 10 000 reports; the
//      page is short then, and `nextCursor` goes on from where the reading stopped. Null only at the very end.
//   3. Each card: the summary the portal already shows, plus the contract's fields (child initials, grade).
import * as z from 'zod/mini';
import { caseFiltersSchema, caseListItem, matchesFilters, matchesQuery } from '../../domain/case-list.ts';
import { decodeCursor, encodeCursor, MAX_CURSOR_LENGTH } from '../../domain/cursor.ts';
import type { Directory } from '../../directory/directory.ts';
import type { Report } from '../../domain/report.ts';
import type { StaffIdentity } from '../../identity/staff.ts';
import { InvalidInputError } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { ListPosition, ReportStore } from '../ports/report-store.ts';
import { parseInput } from './apply-change.ts';
import { caseSummary } from './summary.ts';

export interface ListCasesDependencies {
  reports: ReportStore;
  clock: Clock;
  /** The key that signs list cursors. */
  cursorSecret: () => Promise<string>;
}

/** Cards per page. */
export const PAGE_SIZE = 50;
/** Items one read of the index returns. */
export const READ_SIZE = 100;
/** Reads one page may make: at most READ_SIZE × READS_PER_PAGE reports looked at per request. */
export const READS_PER_PAGE = 5;

const cursorField = { cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_CURSOR_LENGTH, 'is not a cursor from this list: start again from the first page'))) };

/** GET /api/cases: the filters of the query string and the cursor. */
export const listQuerySchema = z.extend(caseFiltersSchema, cursorField);

/** POST /api/cases/search: the same, in a body (names never travel in a URL), with `q`. */
export const searchBodySchema = z.extend(caseFiltersSchema, {
  ...cursorField,
  q: z.string('write a reference or the child\'s name').check(z.trim(), z.minLength(1, 'write a reference or the child\'s name'), z.maxLength(200, 'must be at most 200 characters')),
});

const positionSchema = z.object({ team: z.number().check(z.int(), z.minimum(0)), after: z.nullable(z.record(z.string(), z.string())) });
type Position = z.output<typeof positionSchema>;

export async function listCases(deps: ListCasesDependencies, staff: StaffIdentity, directory: Directory, query: unknown) {
  const input = parseInput(listQuerySchema, query ?? {});
  return page(deps, staff, directory, input, undefined);
}

export async function searchCases(deps: ListCasesDependencies, staff: StaffIdentity, directory: Directory, body: unknown) {
  // JSON may carry `overdue` as a boolean; the query string's rule takes the text.
  const given = body && typeof body === 'object' && typeof (body as { overdue?: unknown }).overdue === 'boolean'
    ? { ...body, overdue: String((body as { overdue: boolean }).overdue) }
    : body;
  const input = parseInput(searchBodySchema, given ?? {});
  return page(deps, staff, directory, input, input.q);
}

async function page(
  deps: ListCasesDependencies,
  staff: StaffIdentity,
  directory: Directory,
  input: z.output<typeof listQuerySchema>,
  q: string | undefined,
) {
  const { cursor, ...filters } = input;
  const state = filters.status ?? 'open';
  const teamIds = staff.teamIds;
  const binding = {
    secret: await deps.cursorSecret(),
    caller: staff.id,
    filters: { ...filters, status: state, overdue: filters.overdue === undefined ? undefined : String(filters.overdue), q, teams: teamIds.join(',') },
  };
  let position: Position = { team: 0, after: null };
  if (cursor) {
    const decoded = decodeCursor(cursor, { ...binding, schema: positionSchema });
    if (!decoded.ok) throw new InvalidInputError([{ path: 'cursor', message: decoded.reason }]);
    position = decoded.position;
  }

  const now = deps.clock.now();
  // Unfiltered, every report read is a card: read only what the page still needs (a read costs what it returns).
  const filtered = q !== undefined || Object.entries(filters).some(([name, value]) => name !== 'status' && value !== undefined);
  const found: Report[] = [];
  let { team } = position;
  let after: ListPosition | null = position.after;
  for (let reads = 0; team < teamIds.length && found.length < PAGE_SIZE && reads < READS_PER_PAGE; reads++) {
    const limit = filtered ? READ_SIZE : PAGE_SIZE - found.length;
    const read = await deps.reports.pageByTeam(teamIds[team]!, state, { limit, ...(after ? { after } : {}) });
    let full = false;
    for (const [i, entry] of read.entries.entries()) {
      if (matchesFilters(entry.report, { ...filters, status: state }, { caller: staff.id, now }) && (q === undefined || matchesQuery(entry.report, q))) {
        found.push(entry.report);
      }
      if (found.length === PAGE_SIZE) {
        full = true;
        // Continue after this report, unless it was the team's last.
        after = i === read.entries.length - 1 ? read.next : entry.after;
        break;
      }
    }
    if (!full) after = read.next;
    if (!after) {
      team += 1;
      after = null;
    }
  }
  const nextCursor = team < teamIds.length ? encodeCursor({ team, after } satisfies Position, binding) : null;
  return {
    teams: directory.teams.filter((t) => teamIds.includes(t.id)).map((t) => ({ id: t.id, name: t.name })),
    cases: found.map((report) => ({ ...caseSummary(report, now, directory), ...caseListItem(report, now) })),
    nextCursor,
  };
}
