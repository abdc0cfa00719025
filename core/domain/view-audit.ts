// Views are audited once per person, report and hour (DESIGN.md, "The flow", 5), not on every page load: a
// reload, a second tab or the print view within the hour adds nothing to the trail. Pure.
import type { AuditEvent } from './report.ts';

export const VIEW_AUDIT_INTERVAL_MS = 60 * 60 * 1000;

/**
 * True when `staffId` has no "viewed" event (or, with `action`, no such event: the earlier-reports lookup is audited
 * on the same terms) on this trail within the hour before `now`.
 */
export function viewAuditDue(
  trail: ReadonlyArray<AuditEvent>,
  staffId: string,
  now: Date,
  action: Extract<AuditEvent['action'], 'viewed' | 'earlier-reports-looked-up'> = 'viewed',
): boolean {
  const since = now.getTime() - VIEW_AUDIT_INTERVAL_MS;
  const who = staffId.toLowerCase();
  return !trail.some(
    (event) => event.action === action && event.actor.kind === 'staff' && event.actor.id?.toLowerCase() === who && Date.parse(event.at) > since,
  );
}
