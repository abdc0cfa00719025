// The concern report's deadlines (see DESIGN.md, "Deadlines"). Change them here, nowhere else.
import type { DeadlinePolicy } from '../../core/domain/deadlines.ts';

export const concernReportDeadlines: DeadlinePolicy = {
  workingDayEnds: '17:00',
  escalationTime: '08:00',
  acknowledge: {
    normal: { kind: 'end-of-next-working-day' },
    urgent: { kind: 'within-hours', hours: 2 },
  },
  feedbackDays: { normal: 14, urgent: 14 },
  reminderDaysBeforeFeedback: { normal: 2, urgent: null },
};
