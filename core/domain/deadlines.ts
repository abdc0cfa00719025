// When a report must be acknowledged, reminded about and answered. Pure: the policy comes from the form.
import { addCalendarDays, atLocalTime, localDayOf, nextWorkingDay, type LocalTime } from './calendar.ts';

export type Urgency = 'normal' | 'urgent';

export type AcknowledgeRule =
  | { kind: 'end-of-next-working-day' }
  | { kind: 'within-hours'; hours: number };

export interface DeadlinePolicy {
  /** When a working day ends, Stockholm time: "end of the next working day" means this time. */
  workingDayEnds: LocalTime;
  /** When repeated escalations go out on working days, Stockholm time. */
  escalationTime: LocalTime;
  acknowledge: Record<Urgency, AcknowledgeRule>;
  /** Feedback to the reporter is due this many calendar days after submission. */
  feedbackDays: Record<Urgency, number>;
  /** A reminder to the team this many calendar days before feedback is due; null for none. */
  reminderDaysBeforeFeedback: Record<Urgency, number | null>;
}

export interface Deadlines {
  acknowledgeBy: string;
  feedbackBy: string;
  /** Absent when the policy sends no reminder for this urgency. */
  reminderAt?: string;
}

export function computeDeadlines(submittedAt: Date, urgency: Urgency, policy: DeadlinePolicy): Deadlines {
  const acknowledgeBy = acknowledgeDeadline(submittedAt, policy.acknowledge[urgency], policy);
  const feedbackBy = addCalendarDays(submittedAt, policy.feedbackDays[urgency]);
  const reminderDays = policy.reminderDaysBeforeFeedback[urgency];
  const deadlines: Deadlines = { acknowledgeBy: acknowledgeBy.toISOString(), feedbackBy: feedbackBy.toISOString() };
  if (reminderDays !== null) {
    const reminderAt = addCalendarDays(feedbackBy, -reminderDays);
    // A reminder that would fall before submission (a very short policy) is pointless: skip it.
    if (reminderAt > submittedAt) deadlines.reminderAt = reminderAt.toISOString();
  }
  return deadlines;
}

function acknowledgeDeadline(submittedAt: Date, rule: AcknowledgeRule, policy: DeadlinePolicy): Date {
  switch (rule.kind) {
    case 'within-hours':
      // Urgent reports run on clock hours, night and holidays included.
      return new Date(submittedAt.getTime() + rule.hours * 3_600_000);
    case 'end-of-next-working-day':
      return atLocalTime(nextWorkingDay(localDayOf(submittedAt)), policy.workingDayEnds);
  }
}
