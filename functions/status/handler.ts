// The reporter's side, by the signed link in the receipt (core/app/reporter-status.ts, reporter-message.ts):
// GET /api/status/{token} (JSON), GET /status/{token} (the page; a bad or expired link is the HTML 404 page),
// POST /api/status/{token}/messages (JSON → 201; the page's plain form post → back to the page, or the page
// again with the error at the field).
import { reportRepository } from '../../core/adapters/dynamodb/report-repository.ts';
import { InvalidInputError, ConflictError, NotFoundError } from '../../core/app/errors.ts';
import { systemClock } from '../../core/app/ports/clock.ts';
import { addReporterMessage, type ReporterMessageDependencies } from '../../core/app/reporter-message.ts';
import { reporterStatus } from '../../core/app/reporter-status.ts';
import { statusLinkKeyring } from '../../core/config/secrets.ts';
import { header, type HttpEvent } from '../../core/http/event.ts';
import { httpHandler, readBody } from '../../core/http/middleware.ts';
import { html, json, type HttpResponse } from '../../core/http/responses.ts';
import { renderNotFoundPage } from '../../web/pages/not-found-page.ts';
import { renderStatusPage } from '../../web/pages/status-page.ts';

export type StatusDependencies = ReporterMessageDependencies;

const MESSAGE_MAX_BYTES = 32 * 1024;

export function createStatusHandler(given?: StatusDependencies) {
  let deps = given;
  return async (event: HttpEvent): Promise<HttpResponse> => {
    deps ??= { reports: reportRepository(), statusKeys: statusLinkKeyring, clock: systemClock };
    const token = event.pathParameters?.token ?? '';
    switch (event.routeKey) {
      case 'GET /status/{token}':
        return statusPage(deps, token);
      case 'POST /api/status/{token}/messages':
        return postMessage(deps, token, event);
      default:
        return json(200, await reporterStatus(deps, token));
    }
  };
}

async function statusPage(deps: StatusDependencies, token: string): Promise<HttpResponse> {
  try {
    return html(200, renderStatusPage(await reporterStatus(deps, token), { token }));
  } catch (error) {
    if (error instanceof NotFoundError) return html(404, renderNotFoundPage('sv'));
    throw error;
  }
}

async function postMessage(deps: StatusDependencies, token: string, event: HttpEvent): Promise<HttpResponse> {
  const body = () => readBody(event, { maxBytes: MESSAGE_MAX_BYTES, accept: ['json', 'form'] });
  if (!fromPage(event)) return json(201, await addReporterMessage(deps, token, () => body().value));
  // The page's form post: answer with a page, never JSON.
  let typed = '';
  try {
    await addReporterMessage(deps, token, () => {
      const value = body().value as { text?: unknown };
      typed = typeof value?.text === 'string' ? value.text : '';
      return value;
    });
    return { statusCode: 303, headers: { location: `/status/${encodeURIComponent(token)}#thread`, 'cache-control': 'no-store' } };
  } catch (error) {
    if (error instanceof NotFoundError) return html(404, renderNotFoundPage('sv'));
    if (error instanceof InvalidInputError || error instanceof ConflictError) {
      const errors = error instanceof InvalidInputError ? error.errors : [{ path: 'text', message: error.message }];
      const status = await reporterStatus(deps, token);
      return html(error instanceof InvalidInputError ? 400 : 409, renderStatusPage(status, { token, error: { errors, text: typed } }));
    }
    throw error;
  }
}

/** The status page's plain form post (no JavaScript): it is answered with a page, never JSON. */
const fromPage = (event: HttpEvent) => (header(event, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase() === 'application/x-www-form-urlencoded';

/** The page's 404 for a link the path guard refuses: the same page as for a link that opens nothing. */
const statusNotFoundPage = (event: HttpEvent): HttpResponse | undefined =>
  event.routeKey === 'GET /status/{token}' || (event.routeKey === 'POST /api/status/{token}/messages' && fromPage(event)) ? html(404, renderNotFoundPage('sv')) : undefined;

export const handler = httpHandler(createStatusHandler(), { notFoundPage: statusNotFoundPage });
