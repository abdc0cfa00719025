// The 404 page: a bad or expired status link, and every unknown path. In the link's language: English for
// paths under /en (and ?lang=en), Swedish otherwise. Says what to do, never whether anything exists.
import { html } from '../html.ts';
import { page } from '../layout.ts';

const TEXTS = {
  sv: {
    title: 'Sidan finns inte',
    lead: 'Adressen leder inte till någon sida. Kanske är länken felskriven, eller så har anmälan den gällde gallrats.',
    status: 'Kom du från en länk i ett mejl om en orosanmälan? Kontrollera att hela länken kom med. Kontakta socialtjänsten och ange referensen i mejlet om du behöver veta mer.',
    form: 'Gör en ny orosanmälan',
    acute: 'Är ett barn i akut fara: ring 112.',
  },
  en: {
    title: 'Page not found',
    lead: 'This address leads to no page. The link may be mistyped, or the report it was about has been removed after its retention period.',
    status: 'Did you come from a link in an email about a concern report? Check that the whole link was copied. Contact social services and quote the reference in the email if you need to know more.',
    form: 'Make a new concern report',
    acute: 'If a child is in acute danger: call 112.',
  },
} as const;

/** The language a path asks for: English under /en or with ?lang=en, Swedish by default. */
export function languageOfPath(path: string, query?: Record<string, string | undefined>): 'sv' | 'en' {
  return path === '/en' || path.startsWith('/en/') || query?.lang === 'en' ? 'en' : 'sv';
}

export function renderNotFoundPage(lang: 'sv' | 'en'): string {
  const t = TEXTS[lang];
  const body = html`<h1>${t.title}</h1>
<p>${t.lead}</p>
<p>${t.status}</p>
<p><a href="${lang === 'en' ? '/en' : '/'}">${t.form}</a></p>
<p class="acute"><strong>${t.acute}</strong></p>`;
  return page({ lang, title: t.title, body });
}
