// The page frame shared by every page: language, title, stylesheet, skip link, a plain header.
// No inline script or style anywhere: the content security policy allows only files from this site.
import { html, type SafeHtml } from './html.ts';

export interface PageOptions {
  lang: 'sv' | 'en';
  title: string;
  body: SafeHtml;
  scripts?: string[];
  /** The service's name in the header (defaults to the concern report service). */
  service?: string;
  /** Links at the header's end (the other language, sign-out…). */
  headerLinks?: SafeHtml;
}

export function page(options: PageOptions): string {
  const service = options.service ?? (options.lang === 'sv' ? 'Socialtjänsten – orosanmälan' : 'Social services – concern report');
  return `<!doctype html>\n${html`<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${options.title}</title>
<link rel="stylesheet" href="/assets/site.css">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
${(options.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
</head>
<body>
<a class="skip" href="#main">${options.lang === 'sv' ? 'Hoppa till innehållet' : 'Skip to content'}</a>
<header class="site-header"><div class="wrap">
<p class="site-name">${service}</p>${options.headerLinks ? html`<div class="header-links">${options.headerLinks}</div>` : ''}
</div></header>
<main id="main" class="wrap" tabindex="-1">
${options.body}
</main>
</body>
</html>`}`;
}
