// The concern report's deadlines (see DESIGN.md, "Deadlines"). Change them here, nowhere else. A day
// deadline ends when the team's office hours end (the directory's, 17:00 by default).
import type { DeadlinePolicy } from '../../core/domain/deadlines.ts';

export const concernReportDeadlines: DeadlinePolicy = {
  escalationTime: '08:00',
  reminderTime: '08:00',
  acknowledge: {
    // The protection assessment: the same day when there is time for it, at the latest noon the next working day.
    normal: { kind: 'same-or-next-working-day', sameDayIfBefore: '15:00', nextDayBy: '12:00' },
    urgent: { kind: 'within-hours', hours: 2, warnMinutesBefore: 30 },
  },
  feedbackDays: { normal: 14, urgent: 14 },
  reminderWorkingDaysBeforeFeedback: { normal: 2, urgent: null },
};
