// "Print or save a copy" on the receipt page: what was sent, laid out with the form's own labels, for the school's
// records. The page only: the copy is never emailed or stored in the browser (DESIGN.md, "Privacy rules"), so the
// person prints it, or saves it as PDF, from this page.
import type { Language } from '../../forms/concern-report/fields.ts';
import { concernReportTexts } from '../../forms/concern-report/labels.ts';
import { concernReportLayout } from '../../forms/concern-report/layout.ts';
import type { ConcernReportSubmission } from '../../forms/concern-report/schema.ts';
import { html, type SafeHtml } from '../html.ts';

const TEXTS = {
  sv: {
    title: 'Skriv ut eller spara en kopia',
    how: 'Kopian finns bara på den här sidan: den mejlas inte och sparas inte. Skriv ut den eller spara den som PDF med webbläsarens utskrift (Ctrl+P, på Mac ⌘P) innan du lämnar sidan.',
    summary: 'Visa det du skickade',
    print: 'Skriv ut / spara en kopia',
  },
  en: {
    title: 'Print or save a copy',
    how: "The copy exists only on this page: it is not emailed or kept. Print it, or save it as PDF with the browser's print (Ctrl+P, on a Mac ⌘P), before you leave the page.",
    summary: 'Show what you sent',
    print: 'Print or save a copy',
  },
} as const;

function valueAt(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), values);
}

/** The copy, labelled as the form was; `schoolName` is the directory's name of the chosen school, if any. */
export function receiptCopy(lang: Language, submission: ConcernReportSubmission, schoolName: string | null): SafeHtml {
  const t = concernReportTexts[lang];
  const show = (name: string, value: unknown): string => {
    if (name === 'schoolId') return schoolName ?? '–';
    if (name === 'urgency') return t.urgency[value as 'normal' | 'urgent'] ?? String(value);
    if (name === 'guardiansInformed') return t.guardiansInformed[value as 'yes' | 'no' | 'unknown'] ?? String(value);
    if (Array.isArray(value)) return value.map((v) => (t.categories as Record<string, string>)[v] ?? String(v)).join(', ');
    return typeof value === 'string' && value.trim() ? value : '–';
  };
  const rows = concernReportLayout.flatMap((section) =>
    section.fields.map((field) => html`<div><dt>${t.fields[field.name]?.label ?? field.name}</dt><dd class="pre">${show(field.name, valueAt(submission, field.name))}</dd></div>`),
  );
  return copySection(lang, rows);
}

/**
 * The same copy with empty values (`data-copy` = the field's name), for the form page's receipt template: after a
 * JavaScript submit the script fills it from what it sent (kept in memory only) and the button prints the page.
 */
export function receiptCopyTemplate(lang: Language): SafeHtml {
  const t = concernReportTexts[lang];
  const rows = concernReportLayout.flatMap((section) =>
    section.fields.map((field) => html`<div><dt>${t.fields[field.name]?.label ?? field.name}</dt><dd class="pre" data-copy="${field.name}"></dd></div>`),
  );
  return copySection(lang, rows, html`<p><button type="button" data-print>${TEXTS[lang].print}</button></p>`);
}

function copySection(lang: Language, rows: SafeHtml[], print: SafeHtml | '' = ''): SafeHtml {
  return html`<section class="receipt-copy" aria-labelledby="copy-title">
<h2 id="copy-title">${TEXTS[lang].title}</h2>
<p>${TEXTS[lang].how}</p>
${print}<details open><summary>${TEXTS[lang].summary}</summary>
<dl class="facts">${rows}</dl>
</details>
</section>`;
}
