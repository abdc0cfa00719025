// The staff portal's page shell (GET /cases, GET /cases/{id}). It holds no report data: the script
// (web/client/portal.ts) signs in and loads the staff API with the session's ID token. What the script needs to know
// is rendered here as data attributes, never fetched from an extra route:
//   local mode (LOCAL_MODE=true):  the dev sign-in, a list of the directory's contacts and leads
//   in AWS: Cognito's hosted sign-in (authorization code + PKCE; the code goes to POST /auth/session), from the
//   environment the stack sets:
//     AUTH_SIGN_IN_URL  the user pool domain's base URL, https://<prefix>.auth.<region>.amazoncognito.com
//                       (COGNITO_DOMAIN, the bare host name, is read as well)
//     AUTH_CLIENT_ID    the portal's app client id (COGNITO_CLIENT_ID is read as well)
//     PUBLIC_URL        where the portal lives: the redirect URI is ${PUBLIC_URL}/cases
import { runtimeConfig } from '../../core/config/runtime.ts';
import type { Directory } from '../../core/directory/directory.ts';
import { loadDirectory } from '../../core/directory/load.ts';
import type { HttpEvent } from '../../core/http/event.ts';
import { html as htmlResponse, type HttpResponse } from '../../core/http/responses.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';

export interface PortalSignIn {
  mode: 'local' | 'cognito' | 'unconfigured';
  /** Cognito's hosted UI base URL (https://…amazoncognito.com), without a trailing slash. */
  signInUrl?: string;
  clientId?: string;
  redirectUri?: string;
}

export function portalSignIn(env: NodeJS.ProcessEnv = process.env): PortalSignIn {
  const config = runtimeConfig(env);
  if (config.LOCAL_MODE === 'true') return { mode: 'local' };
  const raw = env.AUTH_SIGN_IN_URL ?? env.COGNITO_DOMAIN;
  const clientId = env.AUTH_CLIENT_ID ?? env.COGNITO_CLIENT_ID;
  if (!raw || !clientId) return { mode: 'unconfigured' };
  const signInUrl = (/^https:\/\//.test(raw) ? raw : `https://${raw}`).replace(/\/+$/, '');
  return { mode: 'cognito', signInUrl, clientId, redirectUri: `${config.PUBLIC_URL.replace(/\/+$/, '')}/cases` };
}

function devSignIn(directory: Directory): SafeHtml {
  return html`<section id="dev-sign-in" class="sign-in" aria-labelledby="dev-sign-in-title" hidden>
<h1 id="dev-sign-in-title" tabindex="-1">Logga in</h1>
<p class="notice">Lokalt läge: välj en kontaktperson ur katalogen (directory). Den här inloggningen finns bara på din egen dator; i AWS loggar du in med kommunens inloggning.</p>
<form data-dev-sign-in novalidate>
<div class="field">
<label for="dev-email">Vem är du?</label>
<select id="dev-email" name="email" required>
${directory.teams.map(
  (team) => html`<optgroup label="${team.name}">
${team.contacts.map((c) => html`<option value="${c.email}">${c.name} (${c.email})</option>`)}
<option value="${team.lead.email}">${team.lead.name}, teamledare (${team.lead.email})</option>
</optgroup>`,
)}
<optgroup label="${directory.outOfHours.name}">
${directory.outOfHours.staff.map((p) => html`<option value="${p.email}">${p.name} (${p.email})</option>`)}
<option value="${directory.outOfHours.onCallLead.email}">${directory.outOfHours.onCallLead.name}, beredskapsledare (${directory.outOfHours.onCallLead.email})</option>
</optgroup>
<optgroup label="Administratörer (katalogen)">
${directory.administrators.map((p) => html`<option value="${p.email}">${p.name} (${p.email})</option>`)}
</optgroup>
</select>
</div>
<p class="error" id="dev-sign-in-error" hidden></p>
<div class="actions"><button type="submit">Logga in</button></div>
</form>
</section>`;
}

const cognitoSignIn = html`<section id="cognito-sign-in" class="sign-in" aria-labelledby="cognito-sign-in-title" hidden>
<h1 id="cognito-sign-in-title" tabindex="-1">Logga in</h1>
<p>Portalen är till för socialtjänstens mottagningsgrupper. Du loggar in med kommunens inloggning och en engångskod.</p>
<p class="error" id="cognito-sign-in-error" hidden></p>
<div class="actions"><button type="button" data-start-sign-in>Logga in</button></div>
</section>`;

export function renderPortalPage(event: HttpEvent, signIn: PortalSignIn = portalSignIn()): HttpResponse {
  const caseId = event.pathParameters?.id ?? '';
  const body = html`<div id="portal" data-mode="${signIn.mode}" data-case-id="${caseId}" data-print="${event.routeKey === 'GET /cases/{id}/print' ? '1' : ''}" data-status="${
    event.queryStringParameters?.status === 'closed' ? 'closed' : 'open'
  }"${signIn.mode === 'cognito' ? html` data-sign-in-url="${signIn.signInUrl}" data-client-id="${signIn.clientId}" data-redirect-uri="${signIn.redirectUri}"` : ''}>
<div id="portal-view" aria-live="off"><h1>Orosanmälningar</h1><p>Laddar…</p></div>
${signIn.mode === 'local' ? devSignIn(loadDirectory()) : ''}
${signIn.mode === 'cognito' ? cognitoSignIn : ''}
${signIn.mode === 'unconfigured'
  ? html`<section class="notice"><h1>Inloggningen är inte konfigurerad</h1><p>Miljövariablerna AUTH_SIGN_IN_URL och AUTH_CLIENT_ID saknas i funktionen.</p></section>`
  : ''}
</div>
<noscript><p class="notice">Portalen behöver JavaScript. Slå på JavaScript i webbläsaren och ladda om sidan.</p></noscript>`;
  const headerLinks = html`<span id="signed-in" hidden><span data-signed-in-as></span> <button type="button" class="link-button" data-sign-out>Logga ut</button></span>`;
  // The default CSP holds (connect-src 'self'): the code is traded for tokens by the session function (/auth/session),
  // never by the browser at Cognito, and no token reaches a script but the short-lived ID token.
  return htmlResponse(
    200,
    page({ lang: 'sv', title: 'Portal – orosanmälningar', body, scripts: ['/assets/portal.js'], service: 'Socialtjänsten – portal för orosanmälningar', headerLinks }),
  );
}
