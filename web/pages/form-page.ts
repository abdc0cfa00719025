// The concern form page, rendered from the form definition. Works without JavaScript: a plain form post,
// errors shown beside their fields with the typed values kept.
import type { Directory } from '../../core/directory/directory.ts';
import type { FieldError } from '../../core/http/errors.ts';
import { concernReportTexts, type Language } from '../../forms/concern-report/index.ts';
import { concernReportLayout, type LayoutField } from '../../forms/concern-report/layout.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';

export interface FormPageInput {
  lang: Language;
  directory: Directory;
  submissionId: string;
  /** The values posted, by dotted path (kept on an error so nothing typed is lost). */
  values?: Record<string, unknown>;
  errors?: FieldError[];
}

const fieldId = (name: string) => `f-${name.replace(/\./g, '-')}`;

function valueAt(values: Record<string, unknown> | undefined, name: string): unknown {
  return name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], values);
}

export function renderFormPage(input: FormPageInput): string {
  const texts = concernReportTexts[input.lang];
  const errors = input.errors ?? [];
  const errorFor = (name: string) => errors.find((e) => e.path === name || e.path.startsWith(`${name}.`));

  const renderField = (field: LayoutField): SafeHtml => {
    const label = texts.fields[field.name]?.label ?? field.name;
    const help = texts.fields[field.name]?.help;
    const error = errorFor(field.name);
    const id = fieldId(field.name);
    const describedBy = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    const value = valueAt(input.values, field.name);
    const star = field.required ? html` <span aria-hidden="true">*</span>` : '';
    const helpText = help ? html`<p class="help" id="${id}-help">${help}</p>` : '';
    const errorText = error ? html`<p class="error" id="${id}-error">${label}: ${error.message}</p>` : '';
    const conditional = field.showWhen ? html` data-show-when="${field.showWhen.field}=${field.showWhen.value}"` : '';
    const invalid = error ? html` aria-invalid="true"` : '';
    const describe = describedBy ? html` aria-describedby="${describedBy}"` : '';
    const required = field.required ? html` required` : '';
    const max = field.maxLength ? html` maxlength="${field.maxLength}"` : '';

    if (field.kind === 'radio' || field.kind === 'checkboxes') {
      const type = field.kind === 'radio' ? 'radio' : 'checkbox';
      const chosen = Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
      const optionLabel = (option: string): string =>
        field.name === 'urgency'
          ? texts.urgency[option as 'normal']
          : field.name === 'guardiansInformed'
            ? texts.guardiansInformed[option as 'yes']
            : texts.categories[option as 'absence'];
      return html`<fieldset class="field${error ? ' has-error' : ''}"${conditional}${describe}>
<legend>${label}${star}</legend>${helpText}${errorText}
${(field.options ?? []).map(
  (option) => html`<label class="choice"><input type="${type}" name="${field.name}" value="${option}"${
    chosen.includes(option) ? html` checked` : ''
  }${field.kind === 'radio' ? required : ''}> ${optionLabel(option)}</label>`,
)}
</fieldset>`;
    }
    const text = typeof value === 'string' ? value : '';
    let control: SafeHtml;
    if (field.kind === 'textarea') {
      control = html`<textarea id="${id}" name="${field.name}" rows="6"${max}${required}${invalid}${describe}>${text}</textarea>`;
    } else if (field.kind === 'school') {
      const schools = [...input.directory.schools].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
      control = html`<select id="${id}" name="${field.name}"${required}${invalid}${describe}>
<option value="">${input.lang === 'sv' ? 'Välj skola' : 'Choose a school'}</option>
${schools.map((s) => html`<option value="${s.id}"${s.id === text ? html` selected` : ''}>${s.name}</option>`)}
</select>`;
    } else {
      const autocomplete = field.autocomplete ? html` autocomplete="${field.autocomplete}"` : '';
      control = html`<input id="${id}" name="${field.name}" type="${field.kind}" value="${text}"${max}${required}${autocomplete}${invalid}${describe}>`;
    }
    return html`<div class="field${error ? ' has-error' : ''}"${conditional}>
<label for="${id}">${label}${star}</label>${helpText}${errorText}
${control}
</div>`;
  };

  const summary = errors.length
    ? html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary">
<h2>${texts.errorSummary}</h2>
<ul>${errors.map((e) => html`<li><a href="#${fieldId(e.path.split('.').slice(0, 2).join('.'))}">${texts.fields[e.path]?.label ?? e.path}: ${e.message}</a></li>`)}</ul>
</div>`
    : '';

  const outOfHours = input.directory.teams.map((team) => html`<li>${team.name}: <a href="tel:${team.outOfHoursPhone.replace(/[^0-9+]/g, '')}">${team.outOfHoursPhone}</a></li>`);
  const otherLang = input.lang === 'sv' ? html`<a href="/en" lang="en">In English</a>` : html`<a href="/" lang="sv">På svenska</a>`;

  const body = html`<header class="page-header"><p class="lang-switch">${otherLang}</p><h1>${texts.title}</h1></header>
<div class="emergency" role="note"><p><strong>${texts.emergency}</strong></p><p>${texts.urgentGuidance}</p><ul>${outOfHours}</ul></div>
<p>${texts.intro}</p>
${summary}
<form method="post" action="/api/forms/concern-report/submissions" novalidate data-form="concern-report">
<input type="hidden" name="submissionId" value="${input.submissionId}">
<input type="hidden" name="language" value="${input.lang}">
<div class="visually-hidden" aria-hidden="true"><label for="f-website">${input.lang === 'sv' ? 'Lämna tomt' : 'Leave empty'}</label><input type="text" id="f-website" name="website" value="" tabindex="-1" autocomplete="off"></div>
${concernReportLayout.map(
  (section) => html`<section class="section" aria-labelledby="s-${section.id}"><h2 id="s-${section.id}">${texts.sections[section.id]}</h2>
${section.fields.map(renderField)}</section>`,
)}
<button type="submit">${texts.submit}</button>
</form>`;
  return page({ lang: input.lang, title: errors.length ? `${texts.errorSummary} – ${texts.title}` : texts.title, body, scripts: ['/assets/form.js'] });
}
