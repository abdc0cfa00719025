// The staff API (signed-in social-services staff): translates each route into its use case in core/app/cases/
// and the result into JSON. Also serves the portal pages (GET /cases, /cases/{id}).
import { reportRepository } from '../../core/adapters/dynamodb/report-repository.ts';
import { acknowledgeReport, recordReportFeedback } from '../../core/app/cases/change-report.ts';
import { listReports, viewReport } from '../../core/app/cases/read-reports.ts';
import { askReporterQuestion, verifyReporterOfReport } from '../../core/app/cases/reporter-thread.ts';
import { isUuid } from '../../core/app/ids.ts';
import { systemClock, type Clock } from '../../core/app/ports/clock.ts';
import type { DirectorySource } from '../../core/app/ports/directory.ts';
import type { ReportStore } from '../../core/app/ports/report-store.ts';
import { directorySource } from '../../core/directory/source.ts';
import { notFound } from '../../core/http/errors.ts';
import type { HttpEvent } from '../../core/http/event.ts';
import { httpHandler, readBody } from '../../core/http/middleware.ts';
import { json, type HttpResponse } from '../../core/http/responses.ts';
import { staffIdentity } from '../../core/identity/staff.ts';

export { caseSummary } from '../../core/app/cases/summary.ts';
export { feedbackSchema } from '../../core/app/cases/change-report.ts';

export interface CasesDependencies {
  reports: ReportStore;
  directory: DirectorySource;
  clock: Clock;
}

const defaults = (): CasesDependencies => ({ reports: reportRepository(), directory: directorySource(), clock: systemClock });

export function createCasesHandler(given?: CasesDependencies) {
  let deps = given;
  return async (event: HttpEvent): Promise<HttpResponse> => {
    deps ??= defaults();
    const route = event.routeKey;
    if (route === 'GET /cases/{id}' && !isUuid(event.pathParameters?.id ?? '')) throw notFound('no such report');
    if (route === 'GET /cases' || route === 'GET /cases/{id}') {
      // The portal page's shell is loaded once per browser session, the API on every click: load it on first use.
      const { renderPortalPage } = await import('../../web/pages/portal-page.ts');
      return renderPortalPage(event);
    }

    const directory = await deps.directory.current();
    const staff = staffIdentity(event, directory);
    const id = event.pathParameters?.id;
    switch (route) {
      case 'GET /api/cases':
        return json(200, await listReports(deps, staff, directory, event.queryStringParameters));
      case 'GET /api/cases/{id}':
        return json(200, await viewReport(deps, staff, id, directory));
      case 'POST /api/cases/{id}/acknowledge':
        return json(200, await acknowledgeReport(deps, staff, id));
      case 'POST /api/cases/{id}/feedback':
        return json(200, await recordReportFeedback(deps, staff, id, () => readBody(event, { maxBytes: 8 * 1024, accept: ['json'] }).value));
      case 'POST /api/cases/{id}/verify-reporter':
        return json(200, await verifyReporterOfReport(deps, staff, directory, id));
      case 'POST /api/cases/{id}/questions':
        return json(201, await askReporterQuestion(deps, staff, directory, id, () => readBody(event, { maxBytes: 32 * 1024, accept: ['json'] }).value));
      default:
        throw notFound();
    }
  };
}

export function buildCasesHandler(deps?: CasesDependencies) {
  return httpHandler(createCasesHandler(deps));
}

export const handler = buildCasesHandler();
