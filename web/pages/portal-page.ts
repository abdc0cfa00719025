// The staff portal's page shell. It holds no report data: the script signs in and loads the staff API.
import type { HttpEvent } from '../../core/http/event.ts';
import { html as htmlResponse, type HttpResponse } from '../../core/http/responses.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';

export function renderPortalPage(event: HttpEvent): HttpResponse {
  const caseId = event.pathParameters?.id;
  const body = html`<h1>Orosanmälningar – socialtjänstens portal</h1>
<div id="portal" data-case-id="${caseId ?? ''}"><p>Laddar…</p></div>
<noscript><p>Portalen behöver JavaScript.</p></noscript>`;
  return htmlResponse(200, page({ lang: 'sv', title: 'Portal – orosanmälningar', body, scripts: ['/assets/portal.js'] }));
}
