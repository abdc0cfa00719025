// What the team's list shows of a report: enough to triage, no child's name or concern text (those are one
// click away, audited).
import type { Report } from '../../domain/report.ts';

export function caseSummary(report: Report, now: Date) {
  const nextDeadline = report.status === 'received' ? report.acknowledgeBy : report.status === 'acknowledged' ? report.feedbackBy : null;
  return {
    id: report.id,
    reference: report.reference,
    teamId: report.teamId,
    submittedAt: report.submittedAt,
    urgency: report.urgency,
    schoolName: report.schoolName,
    routedToFallback: report.routedToFallback,
    categories: report.submission.concern.categories,
    status: report.status,
    acknowledgeBy: report.acknowledgeBy,
    feedbackBy: report.feedbackBy,
    acknowledgedAt: report.acknowledgedAt ?? null,
    outcome: report.feedback?.outcome ?? null,
    nextDeadline,
    overdue: nextDeadline !== null && new Date(nextDeadline) <= now,
    escalationCount: report.escalationCount,
  };
}

export type CaseSummary = ReturnType<typeof caseSummary>;
