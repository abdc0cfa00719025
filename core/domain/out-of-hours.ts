// When the out-of-hours service (socialjour) is involved (DESIGN.md, "Deadlines", last row). Pure decisions
// from the submission time, the policy and the team's office hours; the wiring sends the emails.
import { addLocalDays, isWorkingDay, localDayOf } from './calendar.ts';
import { arrivesInTimeForSameDay, computeDeadlines, type DeadlinePolicy, type Urgency } from './deadlines.ts';
import { closingTime, DEFAULT_OFFICE_HOURS, isWithinOfficeHours, type OfficeHours } from './office-hours.ts';
import type { Report } from './report.ts';

/**
 * Whether a new report also goes to the out-of-hours service for its protection assessment:
 * - normal: it arrives on a closed day, or too late for a same-day assessment on the working day before a
 *   closed day (after 15:00 on a Friday, on the Thursday before Midsummer Eve…);
 * - urgent: its hours to acknowledge reach outside the team's office hours (it arrives outside them, or runs
 *   past closing time), so the team alone cannot be relied on to see it in time.
 */
export function needsOutOfHoursService(
  submittedAt: Date,
  urgency: Urgency,
  policy: DeadlinePolicy,
  officeHours: OfficeHours = DEFAULT_OFFICE_HOURS,
): boolean {
  const rule = policy.acknowledge[urgency];
  switch (rule.kind) {
    case 'same-or-next-working-day': {
      const day = localDayOf(submittedAt);
      if (!isWorkingDay(day)) return true;
      return !isWorkingDay(addLocalDays(day, 1)) && !arrivesInTimeForSameDay(submittedAt, rule, officeHours);
    }
    case 'within-hours': {
      const acknowledgeBy = new Date(computeDeadlines(submittedAt, urgency, policy, officeHours).acknowledgeBy);
      return hoursReachOutsideOfficeHours(submittedAt, acknowledgeBy, officeHours);
    }
  }
}

/** True unless the whole span from `from` to `until` lies within one working day's office hours. */
export function hoursReachOutsideOfficeHours(from: Date, until: Date, officeHours: OfficeHours = DEFAULT_OFFICE_HOURS): boolean {
  if (!isWithinOfficeHours(from, officeHours)) return true;
  return until > closingTime(localDayOf(from), officeHours);
}

/** Who gets an escalation: the team's lead, or the out-of-hours service's on-call lead. */
export type EscalationRecipient = 'lead' | 'out-of-hours-lead';

/**
 * An urgent report still waiting for its protection assessment is escalated to whoever is at work at that
 * moment: the team's lead in office hours, otherwise the out-of-hours service's on-call lead. Every other
 * escalation (a normal report, a late feedback) waits for the lead.
 */
export function escalationRecipient(
  report: Pick<Report, 'urgency' | 'status'>,
  at: Date,
  officeHours: OfficeHours = DEFAULT_OFFICE_HOURS,
): EscalationRecipient {
  if (report.urgency !== 'urgent' || report.status !== 'received') return 'lead';
  return isWithinOfficeHours(at, officeHours) ? 'lead' : 'out-of-hours-lead';
}
