// The staff API (signed-in social-services staff): translates each route into its use case in core/app/cases/
// and the result into JSON. Also serves the portal pages (GET /cases, /cases/{id}).
import { addNote } from '../../core/app/cases/add-note.ts';
import { assignReport } from '../../core/app/cases/assign-report.ts';
import { acknowledgeReport, recordReportFeedback } from '../../core/app/cases/change-report.ts';
import { forwardReport } from '../../core/app/cases/forward-report.ts';
import { recordCaseSystemRef } from '../../core/app/cases/record-case-system-ref.ts';
import { listCases, searchCases } from '../../core/app/cases/list-cases.ts';
import { viewReport } from '../../core/app/cases/read-reports.ts';
import { teamWorkload } from '../../core/app/cases/team-workload.ts';
import { whoAmI } from '../../core/app/cases/who-am-i.ts';
import { askReporterQuestion, verifyReporterOfReport } from '../../core/app/cases/reporter-thread.ts';
import { isUuid } from '../../core/app/ids.ts';
import { notFound } from '../../core/http/errors.ts';
import type { HttpEvent } from '../../core/http/event.ts';
import { httpHandler, readBody } from '../../core/http/middleware.ts';
import { json, type HttpResponse } from '../../core/http/responses.ts';
import { staffIdentity } from '../../core/identity/staff.ts';
import { defaultCasesDependencies, type CasesDependencies } from './dependencies.ts';

export type { CasesDependencies } from './dependencies.ts';
export { caseSummary } from '../../core/app/cases/summary.ts';
export { feedbackSchema } from '../../core/app/cases/change-report.ts';

export function createCasesHandler(given?: CasesDependencies) {
  let deps = given;
  return async (event: HttpEvent): Promise<HttpResponse> => {
    deps ??= defaultCasesDependencies();
    const route = event.routeKey;
    const page = route === 'GET /cases' || route === 'GET /cases/{id}' || route === 'GET /cases/{id}/print';
    if (route !== 'GET /cases' && page && !isUuid(event.pathParameters?.id ?? '')) throw notFound('no such report');
    if (page) {
      // The portal page's shell is loaded once per browser session, the API on every click: load it on first use.
      const { renderPortalPage } = await import('../../web/pages/portal-page.ts');
      return renderPortalPage(event);
    }

    const directory = await deps.directory.current();
    const staff = staffIdentity(event, directory);
    const id = event.pathParameters?.id;
    const body = () => readBody(event, { maxBytes: 8 * 1024, accept: ['json'] }).value;
    switch (route) {
      case 'GET /api/cases':
        return json(200, await listCases(deps, staff, directory, event.queryStringParameters));
      case 'GET /api/me':
        return json(200, whoAmI(staff, directory));
      case 'GET /api/team':
        return json(200, await teamWorkload(deps, staff, directory));
      case 'POST /api/cases/search':
        return json(200, await searchCases(deps, staff, directory, body()));
      case 'GET /api/cases/{id}':
        return json(200, await viewReport(deps, staff, id, directory));
      case 'POST /api/cases/{id}/acknowledge':
        return json(200, await acknowledgeReport(deps, staff, id, body));
      case 'POST /api/cases/{id}/feedback':
        return json(200, await recordReportFeedback(deps, staff, directory, id, body));
      case 'POST /api/cases/{id}/assign':
        return json(200, await assignReport(deps, staff, directory, id, body));
      case 'POST /api/cases/{id}/forward':
        return json(200, await forwardReport(deps, staff, directory, id, body));
      case 'POST /api/cases/{id}/notes':
        return json(201, await addNote(deps, staff, directory, id, body));
      case 'POST /api/cases/{id}/case-system-ref':
        return json(200, await recordCaseSystemRef(deps, staff, directory, id, body));
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
