// The board's figures page (/stats): loads the server-rendered charts and tables with the portal's session
// (web/client/session.ts: signed in once in the portal, every tab has it), offers the same rows as CSV, and prints.
import { ApiError } from './portal/api-error.ts';
import { fetchWithSession, onSignedOutElsewhere } from './session.ts';

const status = document.getElementById('stats-status')!;
const signIn = document.getElementById('stats-sign-in')!;
const figures = document.querySelector<HTMLElement>('[data-figures]')!;
const form = document.querySelector<HTMLFormElement>('[data-stats-period]')!;

function period(): URLSearchParams {
  const data = new FormData(form);
  return new URLSearchParams({ from: String(data.get('from') ?? ''), to: String(data.get('to') ?? '') });
}

function showSignedOut(): void {
  signIn.hidden = false;
  figures.replaceChildren();
  status.textContent = 'Du är inte inloggad.';
}

async function fetchFigures(path: string): Promise<Response | null> {
  let response: Response;
  try {
    response = await fetchWithSession(`${path}?${period()}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      showSignedOut();
      return null;
    }
    throw error;
  }
  if (response.ok) return response;
  if (response.status === 401) {
    showSignedOut();
    return null;
  }
  const body = (await response.json().catch(() => null)) as { message?: string; errors?: Array<{ path: string; message: string }> } | null;
  const detail = body?.errors?.map((e) => `${e.path === 'from' ? 'Från månad' : e.path === 'to' ? 'Till månad' : e.path}: ${e.message}`).join('; ');
  status.textContent =
    response.status === 403
      ? 'Siffrorna visas bara för teamledare och administratörer.'
      : response.status === 503
        ? 'Siffrorna kan inte hämtas just nu. Försök igen om en stund.'
        : `Siffrorna kunde inte hämtas${detail ? `: ${detail}` : '.'}`;
  return null;
}

async function load(): Promise<void> {
  const response = await fetchFigures('/api/stats.html');
  if (!response) return;
  // Rendered and escaped by the server (web/pages/stats-page.ts); parsed as an inert document (no script runs in
  // it, and the page's content security policy allows none) and moved in as nodes.
  const rendered = new DOMParser().parseFromString(await response.text(), 'text/html');
  figures.replaceChildren(...Array.from(rendered.body.childNodes, (node) => document.importNode(node, true)));
  const { from, to } = Object.fromEntries(period());
  status.textContent = `Siffror för ${from} – ${to}.`;
}

document.querySelector('[data-stats-csv]')?.addEventListener('click', async () => {
  const response = await fetchFigures('/api/stats.csv');
  if (!response) return;
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: `siffror-${period().get('from')}-${period().get('to')}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
});

document.querySelector('[data-stats-print]')?.addEventListener('click', () => window.print());

onSignedOutElsewhere(showSignedOut);

void load().catch(() => {
  status.textContent = 'Siffrorna kunde inte hämtas. Försök igen om en stund.';
});
