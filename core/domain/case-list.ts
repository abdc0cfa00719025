// The portal's list of reports: search by reference or name, the list filters, the order, and each card.
// DESIGN.md, "Team work": the list "filters by state, urgency, school, category, assignee and overdue, and finds
// a report by reference or by the child's name"; "Second slice", GET /api/cases: `q` matches "a reference
// exactly, or whole words of the child's first or last name (case- and accent-insensitive)". Pure: the use
// case reads the reports a page at a time and applies these to each.
import * as z from 'zod/mini';
import { CATEGORIES, type Category } from '../../forms/concern-report/fields.ts';
import { foldName } from './child-match.ts';
import type { Report } from './report.ts';

type ListedReport = Pick<
  Report,
  'id' | 'reference' | 'status' | 'urgency' | 'schoolId' | 'schoolName' | 'acknowledgeBy' | 'feedbackBy' | 'submittedAt' | 'assignee'
> & {
  submission: { child: { firstName: string; lastName: string; grade?: string }; concern: { categories: readonly Category[] } };
};

/** The words of a name as search compares them: folded (no case, no accents), split on spaces and punctuation. */
export function nameSearchTokens(name: string): string[] {
  const folded = foldName(name);
  return folded ? folded.split(' ') : [];
}

/**
 * True when `q` is the report's reference (any case, surrounding spaces ignored), or when every word of `q` is a
 * whole word of the child's first or last name ("berg" finds "Elias Berg", "ber" does not).
 */
export function matchesQuery(report: Pick<ListedReport, 'reference' | 'submission'>, q: string): boolean {
  const query = q.trim();
  if (!query) return false;
  if (query.toUpperCase() === report.reference.toUpperCase()) return true;
  const wanted = nameSearchTokens(query);
  if (wanted.length === 0) return false;
  const { firstName, lastName } = report.submission.child;
  const words = new Set([...nameSearchTokens(firstName), ...nameSearchTokens(lastName)]);
  return wanted.every((word) => words.has(word));
}

const FILTER_EMAIL = z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254), z.email('must be "me", "none" or an email address'));

/** The list filters as they come in a query string (or the search body), validated; each problem names its field. */
export const caseFiltersSchema = z.object({
  status: z.optional(z.enum(['open', 'closed'], 'must be "open" or "closed"')),
  urgency: z.optional(z.enum(['normal', 'urgent'], 'must be "normal" or "urgent"')),
  schoolId: z.optional(z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(64))),
  category: z.optional(z.enum(CATEGORIES, `must be one of: ${CATEGORIES.join(', ')}`)),
  assignee: z.optional(z.union([z.literal('me'), z.literal('none'), FILTER_EMAIL], 'must be "me", "none" or an email address')),
  overdue: z.optional(z.pipe(z.enum(['true', 'false'], 'must be "true" or "false"'), z.transform((value) => value === 'true'))),
});
/** `assignee` is "me" (the caller), "none" (unassigned) or a team member's email. */
export type CaseFilters = z.output<typeof caseFiltersSchema>;

/** A deadline not met once its moment has come (as the follow-up rules escalate at that moment). */
export function isOverdue(report: Pick<Report, 'status' | 'acknowledgeBy' | 'feedbackBy'>, now: Date): boolean {
  if (report.status === 'closed') return false;
  const at = now.toISOString();
  return (report.status === 'received' && report.acknowledgeBy <= at) || report.feedbackBy <= at;
}

/** Every filter given must hold; absent filters hold for all. */
export function matchesFilters(report: ListedReport, filters: CaseFilters, context: { caller: string; now: Date }): boolean {
  if (filters.status === 'open' && report.status === 'closed') return false;
  if (filters.status === 'closed' && report.status !== 'closed') return false;
  if (filters.urgency && report.urgency !== filters.urgency) return false;
  if (filters.schoolId && report.schoolId !== filters.schoolId) return false;
  if (filters.category && !report.submission.concern.categories.includes(filters.category)) return false;
  if (filters.assignee) {
    const assignee = report.assignee?.email.toLowerCase();
    if (filters.assignee === 'none') {
      if (assignee) return false;
    } else {
      const wanted = filters.assignee === 'me' ? context.caller : filters.assignee;
      if (assignee !== wanted.toLowerCase()) return false;
    }
  }
  if (filters.overdue !== undefined && isOverdue(report, context.now) !== filters.overdue) return false;
  return true;
}

/** The next deadline the team owes, or null once closed. */
export function nextDueAt(report: Pick<Report, 'status' | 'acknowledgeBy' | 'feedbackBy'>): string | null {
  if (report.status === 'closed') return null;
  return report.status === 'received' && report.acknowledgeBy < report.feedbackBy ? report.acknowledgeBy : report.feedbackBy;
}

/** For Array.sort: what is due first comes first; closed reports last, newest first; then by submission, then id. */
export function byDueFirst(
  a: Pick<Report, 'id' | 'status' | 'acknowledgeBy' | 'feedbackBy' | 'submittedAt'> & { closedAt?: string },
  b: Pick<Report, 'id' | 'status' | 'acknowledgeBy' | 'feedbackBy' | 'submittedAt'> & { closedAt?: string },
): number {
  const [dueA, dueB] = [nextDueAt(a), nextDueAt(b)];
  if (dueA !== dueB) {
    if (dueA === null) return 1;
    if (dueB === null) return -1;
    return dueA < dueB ? -1 : 1;
  }
  if (dueA === null && a.closedAt !== b.closedAt) return (b.closedAt ?? '') < (a.closedAt ?? '') ? -1 : 1;
  if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The child's initials for the list card ("E. B."): enough to tell cards apart, not enough to name the child. */
export function childInitials(child: { firstName: string; lastName: string }): string {
  const initial = (name: string) => {
    const first = [...new Intl.Segmenter('sv', { granularity: 'grapheme' }).segment(name.trim().normalize('NFC'))][0]?.segment;
    return first ? `${first.toLocaleUpperCase('sv')}.` : '';
  };
  return [initial(child.firstName), initial(child.lastName)].filter(Boolean).join(' ');
}

/** One card of GET /api/cases, as the contract lists its fields. */
export function caseListItem(report: ListedReport, now: Date) {
  return {
    id: report.id,
    reference: report.reference,
    schoolName: report.schoolName,
    urgency: report.urgency,
    categories: [...report.submission.concern.categories],
    childInitials: childInitials(report.submission.child),
    grade: report.submission.child.grade ?? '',
    status: report.status,
    assignee: report.assignee?.email ?? null,
    acknowledgeBy: report.acknowledgeBy,
    feedbackBy: report.feedbackBy,
    overdue: isOverdue(report, now),
  };
}

/** GET /api/team: open reports and overdue ones per assignee; unassigned reports under `null`. */
export function workload(
  reports: ReadonlyArray<Pick<Report, 'status' | 'acknowledgeBy' | 'feedbackBy' | 'assignee'>>,
  now: Date,
): Array<{ assignee: string | null; open: number; overdue: number }> {
  const rows = new Map<string | null, { assignee: string | null; open: number; overdue: number }>();
  for (const report of reports) {
    if (report.status === 'closed') continue;
    const assignee = report.assignee?.email ?? null;
    const row = rows.get(assignee) ?? { assignee, open: 0, overdue: 0 };
    row.open += 1;
    if (isOverdue(report, now)) row.overdue += 1;
    rows.set(assignee, row);
  }
  return [...rows.values()].sort((a, b) => (a.assignee === null ? -1 : b.assignee === null ? 1 : a.assignee.localeCompare(b.assignee)));
}
