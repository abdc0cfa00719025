// What the team's list shows of a report: enough to triage, no child's name or concern text (those are one
// click away, audited).
import type { Directory } from '../../directory/directory.ts';
import type { Report } from '../../domain/report.ts';
import { trustOfReport } from '../../domain/reporter-emails.ts';
import { isTrusted } from '../../domain/reporter-trust.ts';

/** With the directory, the summary says whether the reporter is trusted (a school domain, or verified by phone). */
export function caseSummary(report: Report, now: Date, directory?: Directory) {
  const reporterTrust = directory ? trustOfReport(report, directory) : null;
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
    reporterTrust,
    reporterTrusted: reporterTrust === null ? null : isTrusted(reporterTrust),
  };
}

export type CaseSummary = ReturnType<typeof caseSummary>;
