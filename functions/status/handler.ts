// The reporter's status, by the signed link in the receipt: received, acknowledged, feedback outcome.
// Never the report's content. GET /api/status/{token} (JSON) and GET /status/{token} (the page).
import { reportRepository, type ReportRepository } from '../../core/adapters/dynamodb/report-repository.ts';
import { statusLinkSecret } from '../../core/config/secrets.ts';
import type { Outcome, Report } from '../../core/domain/report.ts';
import { verifyStatusToken } from '../../core/domain/status-token.ts';
import { notFound } from '../../core/http/errors.ts';
import type { HttpEvent } from '../../core/http/event.ts';
import { httpHandler } from '../../core/http/middleware.ts';
import { html, json, type HttpResponse } from '../../core/http/responses.ts';
import { renderStatusPage } from '../../web/pages/status-page.ts';

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

export function reporterStatus(report: Report): ReporterStatus {
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

export interface StatusDependencies {
  repository: () => ReportRepository;
  secret: () => Promise<string>;
}

const defaults: StatusDependencies = {
  repository: reportRepository,
  secret: statusLinkSecret,
};

export function createStatusHandler(deps: StatusDependencies = defaults) {
  return async (event: HttpEvent): Promise<HttpResponse> => {
    const token = event.pathParameters?.token ?? '';
    const reportId = verifyStatusToken(token, await deps.secret());
    // A wrong, altered or guessed token looks exactly like a report that does not exist.
    const stored = reportId ? await deps.repository().get(reportId) : null;
    if (!stored) throw notFound('no report behind this link (it may have expired)');
    const status = reporterStatus(stored.report);
    if (event.routeKey === 'GET /status/{token}') return html(200, renderStatusPage(status));
    return json(200, status);
  };
}

export const handler = httpHandler(createStatusHandler());
