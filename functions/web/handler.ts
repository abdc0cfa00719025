// Public pages and the form definition: GET /, /en, /api/forms/concern-report, /assets/{file}.
import middy from '@middy/core';
import { randomUUID } from 'node:crypto';
import { loadDirectory } from '../../core/directory/load.ts';
import { notFound } from '../../core/http/errors.ts';
import type { HttpEvent } from '../../core/http/event.ts';
import { httpErrors, pathParameterGuard, requestLogging } from '../../core/http/middleware.ts';
import { html, json, type HttpResponse } from '../../core/http/responses.ts';
import { concernReportForm } from '../../forms/concern-report/index.ts';
import { concernReportLayout } from '../../forms/concern-report/layout.ts';
import { assets } from '../../web/assets/index.ts';
import { renderFormPage } from '../../web/pages/form-page.ts';

export async function webHandler(event: HttpEvent): Promise<HttpResponse> {
  const path = event.rawPath;
  if (path === '/' || path === '/en') {
    const lang = path === '/en' ? 'en' : 'sv';
    return html(200, renderFormPage({ lang, directory: loadDirectory(), submissionId: randomUUID() }));
  }
  if (path === '/api/forms/concern-report') {
    const directory = loadDirectory();
    return json(200, {
      id: concernReportForm.id,
      schema: concernReportForm.jsonSchema(),
      texts: concernReportForm.texts,
      layout: concernReportLayout,
      schools: directory.schools.map(({ id, name, areaId }) => ({ id, name, areaId })),
    }, { 'cache-control': 'public, max-age=300' });
  }
  const asset = path.startsWith('/assets/') ? assets[path.slice('/assets/'.length)] : undefined;
  if (asset) {
    return { statusCode: 200, headers: { 'content-type': asset.type, 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' }, body: asset.body };
  }
  throw notFound();
}

export const handler = middy<HttpEvent, HttpResponse>().use(requestLogging()).use(httpErrors()).use(pathParameterGuard()).handler(webHandler);
