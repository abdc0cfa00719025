// The follow-up rules: when a report gets a reminder or an escalation, and when to look at it next.
//
// - Reminder: once, at reminderAt (normal reports), to the team, unless feedback was given or is already late.
// - Escalation: to the team lead when a pending deadline (acknowledge, feedback) passes, then on every
//   working day at the policy's escalation time while any deadline is overdue; never after feedback.
//   An urgent report is also escalated shortly before its hours to acknowledge run out (a warning), to the
//   lead in office hours, else to the out-of-hours service's on-call lead (see out-of-hours.ts).
// - How long a report "waited" counts from the deadline that passed, not from submission.
//
// Everything reads the deadlines stored on the report, so a report keeps the deadlines it was given.
import { atLocalTime, localDayOf, nextWorkingDay, workingDaysBetween } from './calendar.ts';
import { acknowledgeWarningAt, type DeadlinePolicy } from './deadlines.ts';
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from './office-hours.ts';
import { escalationRecipient, type EscalationRecipient } from './out-of-hours.ts';
import type { Report } from './report.ts';

type FollowUpState = Pick<
  Report,
  | 'status'
  | 'urgency'
  | 'acknowledgeBy'
  | 'feedbackBy'
  | 'reminderAt'
  | 'reminderSentAt'
  | 'reminderSkippedAt'
  | 'lastEscalationAt'
  | 'submittedAt'
>;

export type OverdueDeadline = 'acknowledge' | 'feedback';

export interface EscalationAction {
  kind: 'escalation';
  /** The deadlines that have passed; empty for a warning. */
  overdue: OverdueDeadline[];
  /** When the earliest of them passed (ISO): what "waited" counts from. Null for a warning. */
  since: string | null;
  workingDaysWaited: number;
  hoursWaited: number;
  /** Only on an urgent report's warning: the deadline about to pass. */
  dueSoon?: { deadline: OverdueDeadline; at: string };
  recipient: EscalationRecipient;
}

export type FollowUpAction = { kind: 'reminder' } | EscalationAction;

/** Deadlines not yet met, as instants. */
function pendingDeadlines(report: FollowUpState): Array<{ name: OverdueDeadline; at: Date }> {
  if (report.status === 'closed') return [];
  const pending: Array<{ name: OverdueDeadline; at: Date }> = [];
  if (report.status === 'received') pending.push({ name: 'acknowledge', at: new Date(report.acknowledgeBy) });
  pending.push({ name: 'feedback', at: new Date(report.feedbackBy) });
  return pending;
}

function reminderDue(report: FollowUpState): Date | null {
  if (report.status === 'closed' || !report.reminderAt || report.reminderSentAt || report.reminderSkippedAt) return null;
  return new Date(report.reminderAt);
}

/** The warning before an urgent report's acknowledgement deadline, while it is still unacknowledged. */
function warningAt(report: FollowUpState, policy: DeadlinePolicy): Date | null {
  if (report.status !== 'received') return null;
  const warning = acknowledgeWarningAt(new Date(report.acknowledgeBy), policy.acknowledge[report.urgency]);
  return warning && warning > new Date(report.submittedAt) ? warning : null;
}

function nextEscalation(report: FollowUpState, policy: DeadlinePolicy): Date | null {
  const pending = pendingDeadlines(report);
  if (pending.length === 0) return null;
  const last = report.lastEscalationAt ? new Date(report.lastEscalationAt) : null;
  const warning = warningAt(report, policy);
  const candidates = [...pending.map((d) => d.at), ...(warning ? [warning] : [])].filter((at) => !last || at > last);
  // Already escalated while overdue: the next working day, at the escalation time.
  if (last && pending.some((d) => d.at <= last)) {
    candidates.push(atLocalTime(nextWorkingDay(localDayOf(last)), policy.escalationTime));
  }
  if (candidates.length === 0) return null;
  return new Date(Math.min(...candidates.map((c) => c.getTime())));
}

export function nextActionAt(report: FollowUpState, policy: DeadlinePolicy): Date | null {
  const times = [reminderDue(report), nextEscalation(report, policy)].filter((t): t is Date => t !== null);
  return times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
}

/**
 * What the sweep must send for this report at `now` (possibly nothing: another sweep did it). The team's
 * office hours decide who gets an urgent report's escalation.
 */
export function actionsDue(
  report: FollowUpState,
  now: Date,
  policy: DeadlinePolicy,
  officeHours: OfficeHours = DEFAULT_OFFICE_HOURS,
): FollowUpAction[] {
  const actions: FollowUpAction[] = [];
  const reminder = reminderDue(report);
  if (reminder && reminder <= now && now < new Date(report.feedbackBy)) actions.push({ kind: 'reminder' });
  const escalation = nextEscalation(report, policy);
  if (escalation && escalation <= now) actions.push(escalationAt(report, now, officeHours));
  return actions;
}

function escalationAt(report: FollowUpState, now: Date, officeHours: OfficeHours): EscalationAction {
  const overdue = pendingDeadlines(report).filter((d) => d.at <= now);
  const recipient = escalationRecipient(report, now, officeHours);
  if (overdue.length === 0) {
    // Only the urgent warning is due before a deadline has passed.
    return {
      kind: 'escalation',
      overdue: [],
      since: null,
      workingDaysWaited: 0,
      hoursWaited: 0,
      dueSoon: { deadline: 'acknowledge', at: new Date(report.acknowledgeBy).toISOString() },
      recipient,
    };
  }
  const since = new Date(Math.min(...overdue.map((d) => d.at.getTime())));
  return {
    kind: 'escalation',
    overdue: overdue.map((d) => d.name),
    since: since.toISOString(),
    workingDaysWaited: workingDaysBetween(since, now),
    hoursWaited: Math.floor((now.getTime() - since.getTime()) / 3_600_000),
    recipient,
  };
}

/** The report's follow-up state after the sweep handled `actions` at `now`. */
export function afterActions<T extends FollowUpState & { escalationCount: number }>(
  report: T,
  actions: FollowUpAction[],
  now: Date,
): T {
  const next = { ...report };
  const at = now.toISOString();
  if (actions.some((a) => a.kind === 'reminder')) next.reminderSentAt = at;
  // A reminder that became pointless (feedback already late) is marked skipped so it is never sent.
  else if (reminderDue(report) && reminderDue(report)! <= now) next.reminderSkippedAt = at;
  if (actions.some((a) => a.kind === 'escalation')) {
    next.lastEscalationAt = at;
    next.escalationCount = report.escalationCount + 1;
  }
  return next;
}
