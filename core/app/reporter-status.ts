// Use case: the reporter's status, by the signed link in the receipt.
//   1. Verify the token against the keyring (any key still in it, and the legacy secret); a wrong, altered or
//      guessed token is "not found", like a missing report.
//   2. Read the report (reads filter expired ones: a link stops working when its report expires) and answer its
//      status, deadlines, what the reporter may be told of the outcome, and the thread: never the report's content.
import { reporterOutcome, type ReporterOutcome } from '../domain/outcomes.ts';
import type { Report } from '../domain/report.ts';
import { verifyStatusToken, type StatusKeyring } from '../domain/status-token.ts';
import { threadForReporter } from '../domain/thread.ts';
import { NotFoundError } from './errors.ts';
import type { ReportStore, StoredReport } from './ports/report-store.ts';

export interface ReporterStatus {
  reference: string;
  language: 'sv' | 'en';
  status: Report['status'];
  submittedAt: string;
  acknowledgedAt: string | null;
  acknowledgeBy: string;
  feedbackBy: string;
  /** What the reporter may be told: never which municipality a forwarded report went to. */
  outcome: ReporterOutcome;
  feedbackAt: string | null;
  closedAt: string | null;
  thread: Array<{ from: 'team' | 'reporter'; text: string; at: string }>;
}

export interface ReporterStatusDependencies {
  reports: ReportStore;
  statusKeys: () => Promise<StatusKeyring>;
}

export function statusOf(report: Report): ReporterStatus {
  return {
    reference: report.reference,
    language: report.language,
    status: report.status,
    submittedAt: report.submittedAt,
    acknowledgedAt: report.acknowledgedAt ?? null,
    acknowledgeBy: report.acknowledgeBy,
    feedbackBy: report.feedbackBy,
    outcome: reporterOutcome(report),
    feedbackAt: report.feedback?.at ?? null,
    closedAt: report.closedAt ?? null,
    thread: threadForReporter(report),
  };
}

/** The report behind a status link, or "not found". */
export async function reportByStatusToken(deps: ReporterStatusDependencies, token: string): Promise<StoredReport> {
  const reportId = verifyStatusToken(token, await deps.statusKeys());
  const stored = reportId ? await deps.reports.get(reportId) : null;
  if (!stored) throw new NotFoundError('no report behind this link (it may have expired)');
  return stored;
}

export async function reporterStatus(deps: ReporterStatusDependencies, token: string): Promise<ReporterStatus> {
  return statusOf((await reportByStatusToken(deps, token)).report);
}
