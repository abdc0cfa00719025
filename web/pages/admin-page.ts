// The directory's admin page shell (GET /admin). It holds no directory data: the script (web/client/admin.ts) loads
// it from GET /api/directory with the portal's session (signed in once, every tab has it), renders the editor, and saves
// with PUT. Everything the page needs from the server is here; the rest is the staff API.
import { html as htmlResponse, type HttpResponse } from '../../core/http/responses.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';

export function renderAdminPage(): HttpResponse {
  const body = html`<div id="admin" data-admin>
<h1 tabindex="-1">Katalogen</h1>
<p>Här håller kommunens administratörer katalogen aktuell: skolor, områden, mottagningsgrupper och deras personer, socialjouren,
skolornas e-postdomäner och administratörerna. En ändring gäller i hela systemet inom en minut, utan ny driftsättning.</p>
<div id="admin-status" class="form-status" role="status" aria-live="polite"></div>
<div id="admin-problem" class="form-problem" role="alert" tabindex="-1" hidden></div>
<section id="admin-sign-in" class="notice" hidden>
<h2>Logga in först</h2>
<p>Logga in i <a href="/cases">portalen</a> som administratör och öppna sedan den här sidan igen.</p>
</section>
<form id="directory-form" novalidate hidden>
<div id="error-summary-slot"></div>
<div id="directory-sections"></div>
<div class="actions">
<button type="submit">Spara katalogen</button>
<button type="button" class="secondary" data-export>Exportera som JSON</button>
<button type="button" class="secondary" data-import>Importera JSON-fil</button>
<input type="file" id="directory-import" accept="application/json,.json" hidden>
</div>
</form>
<section id="directory-history" aria-labelledby="history-title" hidden>
<h2 id="history-title">Versioner</h2>
<ol class="audit" data-history></ol>
</section>
</div>
<noscript><p class="notice">Katalogsidan behöver JavaScript. Slå på JavaScript i webbläsaren och ladda om sidan.</p></noscript>`;
  const headerLinks = html`<a href="/cases">Till portalen</a>`;
  return htmlResponse(200, page({ lang: 'sv', title: 'Katalogen – administration', body, scripts: ['/assets/admin.js'], service: 'Socialtjänsten – katalogen', headerLinks }));
}
