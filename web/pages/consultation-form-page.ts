// The consultation form (GET /consultation, /en/consultation), beside the concern report form. Works without
// JavaScript: a plain form post to POST /api/consultations; on an error the form again with an error summary that
// links to the fields, each message beside its field, and what was typed kept.
import type { Directory } from '../../core/directory/directory.ts';
import type { FieldError } from '../../core/app/errors.ts';
import { MAX_QUESTION_LENGTH } from '../../core/domain/consultation.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { consultationMessage, consultationTexts, type Lang } from './consultation-texts.ts';

export interface ConsultationFormInput {
  lang: Lang;
  directory: Directory;
  values?: Record<string, unknown>;
  errors?: FieldError[];
}

const FIELDS = ['schoolId', 'reporter.name', 'reporter.role', 'reporter.email', 'question'] as const;
const fieldId = (name: string) => `c-${name.replace('.', '-')}`;

function valueAt(values: Record<string, unknown> | undefined, name: string): string {
  const value = name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], values);
  return typeof value === 'string' ? value : '';
}

export const consultationFormPath = (lang: Lang) => (lang === 'sv' ? '/consultation' : '/en/consultation');

export function renderConsultationForm(input: ConsultationFormInput): string {
  const { lang } = input;
  const t = consultationTexts[lang];
  const errors = new Map<string, string>();
  const unplaced: string[] = [];
  for (const error of input.errors ?? []) {
    const name = FIELDS.find((field) => field === error.path);
    const message = consultationMessage(error.message, lang);
    if (!name) unplaced.push(message);
    else if (!errors.has(name)) errors.set(name, `${t.fields[name]}: ${message}`);
  }
  const schools = [...input.directory.schools].sort((a, b) => a.name.localeCompare(b.name, 'sv'));

  const field = (name: (typeof FIELDS)[number]): SafeHtml => {
    const id = fieldId(name);
    const error = errors.get(name);
    const help = t.help[name];
    const describedBy = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const attrs = html`${describedBy ? html` aria-describedby="${describedBy}"` : ''}${error ? html` aria-invalid="true"` : ''} required`;
    const value = valueAt(input.values, name);
    let control: SafeHtml;
    if (name === 'schoolId') {
      control = html`<select id="${id}" name="${name}"${attrs}><option value="">${t.chooseSchool}</option>${schools.map(
        (s) => html`<option value="${s.id}"${s.id === value ? html` selected` : ''}>${s.name}</option>`,
      )}</select>`;
    } else if (name === 'question') {
      control = html`<textarea id="${id}" name="${name}" rows="8" maxlength="${MAX_QUESTION_LENGTH}"${attrs}>${value}</textarea>`;
    } else {
      const type = name === 'reporter.email' ? 'email' : 'text';
      const autocomplete = name === 'reporter.email' ? 'email' : name === 'reporter.name' ? 'name' : 'organization-title';
      control = html`<input id="${id}" name="${name}" type="${type}" value="${value}" maxlength="${name === 'reporter.email' ? 254 : 120}" autocomplete="${autocomplete}"${attrs}>`;
    }
    return html`<div class="field${error ? ' has-error' : ''}">
<label for="${id}">${t.fields[name]} <span class="req" aria-hidden="true">*</span></label>${help ? html`<p class="help" id="${id}-help">${help}</p>` : ''}${
      error ? html`<p class="error" id="${id}-error"><span class="visually-hidden">${t.errorPrefix}</span>${error}</p>` : ''
    }
${control}
</div>`;
  };

  const summaryItems = [
    ...FIELDS.filter((name) => errors.has(name)).map((name) => html`<li><a href="#${fieldId(name)}">${errors.get(name)!}</a></li>`),
    ...unplaced.map((message) => html`<li>${message}</li>`),
  ];
  const summary = summaryItems.length
    ? html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary" autofocus><h2>${t.errorSummary}</h2><ul>${summaryItems}</ul></div>`
    : '';
  const reportHref = lang === 'sv' ? '/' : '/en';
  const other = lang === 'sv'
    ? html`<a href="/en/consultation" lang="en" hreflang="en">${t.otherLanguage}</a>`
    : html`<a href="/consultation" lang="sv" hreflang="sv">${t.otherLanguage}</a>`;

  const body = html`<h1>${t.title}</h1>
<p>${t.intro}</p>
<div class="notice" id="no-child"><p><strong>${t.noChild}</strong></p></div>
<p class="acute">${t.acute}</p>
<p><a href="${reportHref}">${t.reportLink}</a></p>
${summary}
<form method="post" action="/api/consultations" novalidate data-form="consultation">
<input type="hidden" name="language" value="${lang}">
<div class="visually-hidden" aria-hidden="true"><label for="c-website">${lang === 'sv' ? 'Lämna tomt' : 'Leave empty'}</label><input type="text" id="c-website" name="website" value="" tabindex="-1" autocomplete="off"></div>
<section class="section" aria-labelledby="c-about"><h2 id="c-about">${lang === 'sv' ? 'Du som frågar' : 'You'}</h2>
${field('schoolId')}
${field('reporter.name')}
${field('reporter.role')}
${field('reporter.email')}
</section>
<section class="section" aria-labelledby="c-q"><h2 id="c-q">${t.fields.question}</h2>
${field('question')}
</section>
<div class="actions"><button type="submit">${t.submit}</button></div>
</form>`;
  return page({ lang, title: summaryItems.length ? `${t.errorPrefix}${t.title}` : t.title, body, service: t.service, headerLinks: other });
}

/** After a form post without JavaScript: the question is sent. */
export function renderConsultationSent(lang: Lang): string {
  const t = consultationTexts[lang];
  const body = html`<h1>${t.sentTitle}</h1>
<div class="panel panel-success" role="status"><p>${t.sentBody}</p></div>
<p class="acute">${t.acute}</p>
<p><a href="${lang === 'sv' ? '/' : '/en'}">${t.reportLink}</a></p>`;
  return page({ lang, title: t.sentTitle, body, service: t.service });
}
