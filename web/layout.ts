// The page frame shared by every page: language, title, stylesheet, skip link.
import { html, type SafeHtml } from './html.ts';

export function page(options: { lang: 'sv' | 'en'; title: string; body: SafeHtml; scripts?: string[] }): string {
  return `<!doctype html>\n${html`<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<link rel="stylesheet" href="/assets/site.css">
${(options.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
</head>
<body>
<a class="skip" href="#main">${options.lang === 'sv' ? 'Hoppa till innehållet' : 'Skip to content'}</a>
<main id="main">
${options.body}
</main>
</body>
</html>`}`;
}
