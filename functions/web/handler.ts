// Public pages and the form definition: GET /, /en, /api/forms/concern-report, /assets/{file}; POST /, /en (the form
// filled in from a consultation's "make it a report").
import { randomUUID } from 'node:crypto';
import { directorySource } from '../../core/directory/source.ts';
import { notFound } from '../../core/http/errors.ts';
import type { HttpEvent } from '../../core/http/event.ts';
import { httpHandler, readBody } from '../../core/http/middleware.ts';
import { html, json, type HttpResponse } from '../../core/http/responses.ts';
import { logger } from '../../core/observability/logger.ts';
import { concernReportLayout } from '../../forms/concern-report/layout.ts';
import { clientBundles, CLIENT_BUNDLES } from '../../web/assets/client-bundles.ts';
import { assets } from '../../web/assets/index.ts';
import { renderFormPage, valuesFromConsultation } from '../../web/pages/form-page.ts';
import { languageOfPath, renderNotFoundPage } from '../../web/pages/not-found-page.ts';

const local = !process.env.LAMBDA_TASK_ROOT;
// Outside Lambda the scripts are built from source: start now, so the first page is not kept waiting.
// Local only: esbuild's message names the source file and line, no personal data.
if (local) clientBundles().catch((error: unknown) => logger.error('client scripts failed to build', { error: String(error) }));

const assetHeaders = (type: string) => ({
  'content-type': type,
  // Locally the scripts are rebuilt on each start: always revalidate. In AWS an hour is fine.
  'cache-control': local ? 'no-cache' : 'public, max-age=3600',
  'x-content-type-options': 'nosniff',
});

export async function webHandler(event: HttpEvent): Promise<HttpResponse> {
  const path = event.rawPath;
  if (path === '/' || path === '/en') {
    const lang = path === '/en' ? 'en' : 'sv';
    // A POST carries the values handed over from a consultation (its asker's name and email stay out of the URL).
    const values = event.requestContext.http.method === 'POST' ? valuesFromConsultation(readBody(event, { maxBytes: 4096, accept: ['form'] }).value as Record<string, unknown>) : undefined;
    return html(200, renderFormPage({ lang, directory: await directorySource().current(), submissionId: randomUUID(), ...(values ? { values } : {}) }));
  }
  if (path === '/api/forms/concern-report') {
    const directory = await directorySource().current();
    // Loaded on the first request of this route, not at cold start (the submission schema, zod's JSON Schema
    // processors): the page itself needs neither.
    const [{ concernReportForm }, { concernReportJsonSchema }] = await Promise.all([
      import('../../forms/concern-report/index.ts'),
      import('../../forms/concern-report/json-schema.ts'),
    ]);
    return json(200, {
      id: concernReportForm.id,
      schema: concernReportJsonSchema(),
      texts: concernReportForm.texts,
      layout: concernReportLayout,
      schools: directory.schools.map(({ id, name, areaId }) => ({ id, name, areaId })),
    }, { 'cache-control': 'public, max-age=300' });
  }
  const file = path.startsWith('/assets/') ? path.slice('/assets/'.length) : '';
  const asset = Object.hasOwn(assets, file) ? assets[file] : undefined;
  if (asset) return { statusCode: 200, headers: assetHeaders(asset.type), body: asset.body };
  if ((CLIENT_BUNDLES as readonly string[]).includes(file)) {
    const bundles = await clientBundles();
    const body = bundles[file];
    if (body !== undefined) return { statusCode: 200, headers: assetHeaders('text/javascript; charset=utf-8'), body };
  }
  // Every unknown path (API Gateway's `$default` route lands here too): JSON for the API, the HTML page otherwise.
  if (path === '/api' || path.startsWith('/api/')) throw notFound();
  return html(404, renderNotFoundPage(languageOfPath(path, event.queryStringParameters)));
}

export const handler = httpHandler(webHandler);
