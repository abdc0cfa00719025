// When a report must be acknowledged, reminded about and answered (DESIGN.md, "Deadlines"). Pure: the policy
// comes from the form, the office hours from the team in the directory.
//
// Computed once, at submission, and stored on the report: the follow-up rules read the stored deadlines, so
// a report keeps the deadlines it was given when the rules or a team's office hours change later.
import {
  addLocalDays,
  atLocalTime,
  localDayOf,
  localTimeOf,
  minutesOf,
  nextWorkingDay,
  isWorkingDay,
  previousWorkingDay,
  workingDayOnOrAfter,
  type LocalTime,
} from './calendar.ts';
import { closingTime, DEFAULT_OFFICE_HOURS, type OfficeHours } from './office-hours.ts';

export type Urgency = 'normal' | 'urgent';

export type AcknowledgeRule =
  /**
   * By the team's closing time the same day when the report arrives on a working day before
   * `sameDayIfBefore` (and before the team closes); otherwise at `nextDayBy` on the next working day.
   */
  | { kind: 'same-or-next-working-day'; sameDayIfBefore: LocalTime; nextDayBy: LocalTime }
  /** Clock hours, night and holidays included; the lead is warned `warnMinutesBefore` the time runs out. */
  | { kind: 'within-hours'; hours: number; warnMinutesBefore?: number };

export interface DeadlinePolicy {
  /** When repeated escalations go out on working days, Stockholm time. */
  escalationTime: LocalTime;
  /** When the reminder before feedback goes out, Stockholm time. */
  reminderTime: LocalTime;
  acknowledge: Record<Urgency, AcknowledgeRule>;
  /** Feedback is due by the end of this calendar day after submission (the next working day's end if closed). */
  feedbackDays: Record<Urgency, number>;
  /** A reminder to the team this many working days before the feedback day; null for none. */
  reminderWorkingDaysBeforeFeedback: Record<Urgency, number | null>;
}

export interface Deadlines {
  acknowledgeBy: string;
  feedbackBy: string;
  /** Absent when the policy sends no reminder for this urgency. */
  reminderAt?: string;
}

export function computeDeadlines(
  submittedAt: Date,
  urgency: Urgency,
  policy: DeadlinePolicy,
  officeHours: OfficeHours = DEFAULT_OFFICE_HOURS,
): Deadlines {
  const acknowledgeBy = acknowledgeDeadline(submittedAt, policy.acknowledge[urgency], officeHours);
  const feedbackDay = workingDayOnOrAfter(addLocalDays(localDayOf(submittedAt), policy.feedbackDays[urgency]));
  const deadlines: Deadlines = {
    acknowledgeBy: acknowledgeBy.toISOString(),
    feedbackBy: closingTime(feedbackDay, officeHours).toISOString(),
  };
  const reminderDays = policy.reminderWorkingDaysBeforeFeedback[urgency];
  if (reminderDays !== null) {
    let reminderDay = feedbackDay;
    for (let i = 0; i < reminderDays; i++) reminderDay = previousWorkingDay(reminderDay);
    const reminderAt = atLocalTime(reminderDay, policy.reminderTime);
    // A reminder that would fall before submission (a very short policy) is pointless: skip it.
    if (reminderAt > submittedAt) deadlines.reminderAt = reminderAt.toISOString();
  }
  return deadlines;
}

function acknowledgeDeadline(submittedAt: Date, rule: AcknowledgeRule, officeHours: OfficeHours): Date {
  switch (rule.kind) {
    case 'within-hours':
      return new Date(submittedAt.getTime() + rule.hours * 3_600_000);
    case 'same-or-next-working-day': {
      const day = localDayOf(submittedAt);
      if (arrivesInTimeForSameDay(submittedAt, rule, officeHours)) return closingTime(day, officeHours);
      return atLocalTime(nextWorkingDay(day), rule.nextDayBy);
    }
  }
}

/**
 * True when a report arriving at this instant can be assessed the same day: a working day, before the
 * rule's cut-off and before the team closes (a team closing at 14:00 cannot promise 14:00 to a report of 14:30).
 */
export function arrivesInTimeForSameDay(
  submittedAt: Date,
  rule: Extract<AcknowledgeRule, { kind: 'same-or-next-working-day' }>,
  officeHours: OfficeHours = DEFAULT_OFFICE_HOURS,
): boolean {
  if (!isWorkingDay(localDayOf(submittedAt))) return false;
  const cutOff = Math.min(minutesOf(rule.sameDayIfBefore), minutesOf(officeHours.closes));
  return minutesOf(localTimeOf(submittedAt)) < cutOff;
}

/** When the lead is warned that an urgent report's hours run out, or null when the rule sends no warning. */
export function acknowledgeWarningAt(acknowledgeBy: Date, rule: AcknowledgeRule): Date | null {
  if (rule.kind !== 'within-hours' || !rule.warnMinutesBefore) return null;
  return new Date(acknowledgeBy.getTime() - rule.warnMinutesBefore * 60_000);
}
