// The reporter's status, by the signed link in the receipt (core/app/reporter-status.ts):
// GET /api/status/{token} (JSON) and GET /status/{token} (the page).
import { reportRepository } from '../../core/adapters/dynamodb/report-repository.ts';
import { reporterStatus, type ReporterStatusDependencies } from '../../core/app/reporter-status.ts';
import { statusLinkSecret } from '../../core/config/secrets.ts';
import type { HttpEvent } from '../../core/http/event.ts';
import { httpHandler } from '../../core/http/middleware.ts';
import { html, json, type HttpResponse } from '../../core/http/responses.ts';
import { renderStatusPage } from '../../web/pages/status-page.ts';

export type StatusDependencies = ReporterStatusDependencies;

export function createStatusHandler(given?: StatusDependencies) {
  let deps = given;
  return async (event: HttpEvent): Promise<HttpResponse> => {
    deps ??= { reports: reportRepository(), statusSecret: statusLinkSecret };
    const status = await reporterStatus(deps, event.pathParameters?.token ?? '');
    if (event.routeKey === 'GET /status/{token}') return html(200, renderStatusPage(status));
    return json(200, status);
  };
}

export const handler = httpHandler(createStatusHandler());
