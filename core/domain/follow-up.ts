// The follow-up rules: when a report gets a reminder or an escalation, and when to look at it next.
//
// - Reminder: once, at reminderAt (normal reports), to the team, unless feedback was given or is already late.
// - Escalation: to the team lead when a pending deadline (acknowledge, feedback) passes, then on every
//   working day at the policy's escalation time while any deadline is overdue; never after feedback.
import { atLocalTime, localDayOf, nextWorkingDay, workingDaysBetween } from './calendar.ts';
import type { DeadlinePolicy } from './deadlines.ts';
import type { Report } from './report.ts';

type FollowUpState = Pick<
  Report,
  'status' | 'acknowledgeBy' | 'feedbackBy' | 'reminderAt' | 'reminderSentAt' | 'reminderSkippedAt' | 'lastEscalationAt' | 'submittedAt'
>;

export type OverdueDeadline = 'acknowledge' | 'feedback';

export type FollowUpAction =
  | { kind: 'reminder' }
  | { kind: 'escalation'; overdue: OverdueDeadline[]; workingDaysWaited: number; hoursWaited: number };

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

function nextEscalation(report: FollowUpState, policy: DeadlinePolicy): Date | null {
  const pending = pendingDeadlines(report);
  if (pending.length === 0) return null;
  const last = report.lastEscalationAt ? new Date(report.lastEscalationAt) : null;
  const candidates = pending.map((d) => d.at).filter((at) => !last || at > last);
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

/** What the sweep must send for this report at `now` (possibly nothing: another sweep did it). */
export function actionsDue(report: FollowUpState, now: Date, policy: DeadlinePolicy): FollowUpAction[] {
  const actions: FollowUpAction[] = [];
  const reminder = reminderDue(report);
  if (reminder && reminder <= now && now < new Date(report.feedbackBy)) actions.push({ kind: 'reminder' });
  const escalation = nextEscalation(report, policy);
  if (escalation && escalation <= now) {
    const overdue = pendingDeadlines(report).filter((d) => d.at <= now);
    const submittedAt = new Date(report.submittedAt);
    actions.push({
      kind: 'escalation',
      overdue: overdue.map((d) => d.name),
      workingDaysWaited: workingDaysBetween(submittedAt, now),
      hoursWaited: Math.floor((now.getTime() - submittedAt.getTime()) / 3_600_000),
    });
  }
  return actions;
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
