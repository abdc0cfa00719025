// Use case: the reporter's status, by the signed link in the receipt.
//   1. Verify the token's signature; a wrong, altered or guessed token is "not found", like a missing report.
//   2. Read the report (expired ones are gone) and answer its status only: never the report's content.
import type { Outcome, Report } from '../domain/report.ts';
import { verifyStatusToken } from '../domain/status-token.ts';
import { NotFoundError } from './errors.ts';
import type { ReportStore } from './ports/report-store.ts';

export interface ReporterStatus {
  reference: string;
  language: 'sv' | 'en';
  status: Report['status'];
  submittedAt: string;
  acknowledgedAt: string | null;
  feedbackBy: string;
  outcome: Outcome | null;
  feedbackAt: string | null;
}

export interface ReporterStatusDependencies {
  reports: ReportStore;
  statusSecret: () => Promise<string>;
}

export function statusOf(report: Report): ReporterStatus {
  return {
    reference: report.reference,
    language: report.language,
    status: report.status,
    submittedAt: report.submittedAt,
    acknowledgedAt: report.acknowledgedAt ?? null,
    feedbackBy: report.feedbackBy,
    outcome: report.feedback?.outcome ?? null,
    feedbackAt: report.feedback?.at ?? null,
  };
}

export async function reporterStatus(deps: ReporterStatusDependencies, token: string): Promise<ReporterStatus> {
  const reportId = verifyStatusToken(token, await deps.statusSecret());
  const stored = reportId ? await deps.reports.get(reportId) : null;
  if (!stored) throw new NotFoundError('no report behind this link (it may have expired)');
  return statusOf(stored.report);
}
