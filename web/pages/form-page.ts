// The concern form page, rendered from the form definition (schema, labels, layout). Works without
// JavaScript: a plain form post, an error summary linking to the fields, errors beside their fields and the
// typed values kept. The script (web/client/form.ts) adds validation as you go and a JSON submit.
import type { Directory } from '../../core/directory/directory.ts';
import type { FieldError } from '../../core/http/errors.ts';
import type { Language } from '../../forms/concern-report/fields.ts';
import { concernReportTexts } from '../../forms/concern-report/labels.ts';
import { OTHER_SCHOOL } from '../../forms/concern-report/fields.ts';
import { concernReportLayout, type LayoutField } from '../../forms/concern-report/layout.ts';
import { anchorId, fieldForPath, fieldId, isChoice, optionId } from '../client/form-fields.ts';
import { fieldErrorText, formPageTexts, localizeMessage } from '../client/texts.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { receiptBody } from './receipt-page.ts';
import { receiptCopyTemplate } from './receipt-copy.ts';

export interface FormPageInput {
  lang: Language;
  directory: Directory;
  submissionId: string;
  /** The values posted, by dotted path (kept on an error so nothing typed is lost). */
  values?: Record<string, unknown>;
  errors?: FieldError[];
}

function valueAt(values: Record<string, unknown> | undefined, name: string): unknown {
  return name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], values);
}

/** The consultation this report is made from ("make it a report"), when the values carry one. */
function consultationIdOf(values: Record<string, unknown> | undefined): string | undefined {
  const id = values?.consultationId;
  return typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) ? id : undefined;
}

/**
 * The report form filled in from a consultation's "make it a report" (a form post from web/pages/consultation-page.ts,
 * never a URL: it carries the asker's name and email): the school, the asker and the consultation's id, nothing else.
 */
export function valuesFromConsultation(posted: Record<string, unknown>): Record<string, unknown> | undefined {
  if (typeof posted.consultationId !== 'string') return undefined;
  const reporter = (typeof posted.reporter === 'object' && posted.reporter !== null ? posted.reporter : {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 254) : '');
  return {
    schoolId: text(posted.schoolId),
    consultationId: text(posted.consultationId),
    reporter: { name: text(reporter.name), role: text(reporter.role), email: text(reporter.email) },
  };
}

const telHref = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, '')}`;

/** Each school with the team that serves it (its function and phone are shown once the school is chosen). */
function schoolsWithTeams(directory: Directory) {
  return [...directory.schools]
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
    .map((school) => {
      const area = directory.areas.find((a) => a.id === school.areaId);
      const team = directory.teams.find((t) => t.id === area?.teamId);
      return { ...school, team };
    });
}

export function renderFormPage(input: FormPageInput): string {
  const { lang } = input;
  const texts = concernReportTexts[lang];
  const t = formPageTexts[lang];
  const errors = input.errors ?? [];
  const schools = schoolsWithTeams(input.directory);
  const outOfHoursService = input.directory.outOfHours;
  /** "Mottagningsgruppen Norr, kontakt för Ekbackens skola, 010-…" for the chosen school (the script keeps it in step). */
  const schoolContactLine = (schoolId: unknown) => {
    const school = schools.find((s) => s.id === schoolId);
    return school?.team ? t.schoolContact(school.team.name, school.name, school.team.phone) : '';
  };

  // Each error goes beside its field; one that belongs to no field is shown in the summary only.
  const fieldErrors = new Map<string, string>();
  const summaryItems: Array<{ href?: string; text: string }> = [];
  for (const error of errors) {
    const field = fieldForPath(error.path);
    const message = error.path === 'Idempotency-Key' ? t.formExpired : localizeMessage(error.message, lang);
    if (!field) {
      summaryItems.push({ text: message });
      continue;
    }
    if (fieldErrors.has(field.name)) continue;
    const label = texts.fields[field.name]?.label ?? field.name;
    fieldErrors.set(field.name, fieldErrorText(label, message));
    summaryItems.push({ href: `#${anchorId(field)}`, text: fieldErrorText(label, message) });
  }

  const renderField = (field: LayoutField): SafeHtml => {
    const label = texts.fields[field.name]?.label ?? field.name;
    const help = texts.fields[field.name]?.help;
    const error = fieldErrors.get(field.name);
    const id = fieldId(field.name);
    const describedBy = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const value = valueAt(input.values, field.name);
    const star = field.required ? html` <span class="req" aria-hidden="true">*</span>` : '';
    const helpText = help ? html`<p class="help" id="${id}-help">${help}</p>` : '';
    const conditionalNote = field.showWhen ? html`<p class="help">${t.conditionalNote}</p>` : '';
    const errorText = error ? html`<p class="error" id="${id}-error"><span class="visually-hidden">${t.errorPrefix}</span>${error}</p>` : '';
    const conditional = field.showWhen ? html` data-show-when="${field.showWhen.field}=${field.showWhen.value}"` : '';
    const invalid = error ? html` aria-invalid="true"` : '';
    const describe = describedBy ? html` aria-describedby="${describedBy}"` : '';
    const required = field.required ? html` required` : '';
    const max = field.maxLength ? html` maxlength="${field.maxLength}"` : '';
    const common = html` data-field="${field.name}" data-label="${label}"${conditional}`;

    if (isChoice(field)) {
      const type = field.kind === 'radio' ? 'radio' : 'checkbox';
      const chosen = Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
      const optionLabel = (option: string): string =>
        field.name === 'urgency'
          ? texts.urgency[option as 'normal']
          : field.name === 'guardiansInformed'
            ? texts.guardiansInformed[option as 'yes']
            : texts.categories[option as 'absence'];
      const extra = field.name === 'urgency' ? urgentNote(chosen.includes('urgent')) : '';
      return html`<fieldset class="field${error ? ' has-error' : ''}${field.kind === 'checkboxes' ? ' columns' : ''}" id="${id}"${common}${describe}>
<legend>${label}${star}</legend>${helpText}${errorText}
<div class="choices">
${(field.options ?? []).map(
  (option) => html`<div class="choice"><input type="${type}" id="${optionId(field, option)}" name="${field.name}" value="${option}"${
    chosen.includes(option) ? html` checked` : ''
  }${field.kind === 'radio' ? required : ''}${invalid}><label for="${optionId(field, option)}">${optionLabel(option)}</label></div>`,
)}
</div>
</fieldset>${extra}`;
    }

    const text = typeof value === 'string' ? value : '';
    let control: SafeHtml;
    if (field.kind === 'textarea') {
      control = html`<textarea id="${id}" name="${field.name}" rows="${field.name === 'concern.description' ? 8 : 4}"${max}${required}${invalid}${describe}>${text}</textarea>`;
    } else if (field.kind === 'school') {
      control = html`<div class="school-filter" data-school-filter hidden>
<label for="${id}-filter">${t.schoolFilter}</label>
<p class="help" id="${id}-filter-help">${t.schoolFilterHelp}</p>
<input type="search" id="${id}-filter" autocomplete="off" aria-describedby="${id}-filter-help ${id}-filter-count" aria-controls="${id}" data-count-one="${t.schoolMatches(1)}" data-count-many="${t.schoolMatches(2).replace('2', '{n}')}">
<p class="help filter-count" id="${id}-filter-count" role="status"></p>
</div>
<select id="${id}" name="${field.name}"${required}${invalid}${describe}>
<option value="">${t.chooseSchool}</option>
${schools.map(
  (s) => html`<option value="${s.id}"${s.team ? html` data-contact="${t.schoolContact(s.team.name, s.name, s.team.phone)}"` : ''}${
    s.id === text ? html` selected` : ''
  }>${s.name}</option>`,
)}
<option value="${OTHER_SCHOOL}"${text === OTHER_SCHOOL ? html` selected` : ''}>${t.otherSchool}</option>
</select>
<p class="help school-contact" id="${id}-contact" data-school-contact aria-live="polite">${schoolContactLine(text)}</p>`;
    } else {
      const autocomplete = field.autocomplete ? html` autocomplete="${field.autocomplete}"` : '';
      const inputMode = field.name === 'child.personalNumber' ? html` inputmode="numeric"` : '';
      control = html`<input id="${id}" name="${field.name}" type="${field.kind}" value="${text}"${max}${required}${autocomplete}${inputMode}${invalid}${describe}>`;
    }
    return html`<div class="field${error ? ' has-error' : ''}"${common}>
<label for="${id}">${label}${star}</label>${helpText}${conditionalNote}${errorText}
${control}
</div>`;
  };

  /** Shown when "urgent" is chosen (the script keeps it in step; without it, after a post with "urgent"). */
  function urgentNote(visible: boolean): SafeHtml {
    return html`<div class="urgent-live" aria-live="polite">
<div class="urgent-note" id="urgent-note" data-urgent-note${visible ? '' : html` hidden`}>
<h3>${t.urgentHeading}</h3>
<p><strong>${t.urgentCall112}</strong></p>
<p data-out-of-hours>${t.urgentOutOfHours(outOfHoursService.name, outOfHoursService.phone)}</p>
<p>${t.urgentAlsoSend}</p>
</div>
</div>`;
  }

  const summary = summaryItems.length
    ? html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary" autofocus>
<h2>${texts.errorSummary}</h2>
<ul>${summaryItems.map((item) => html`<li>${item.href ? html`<a href="${item.href}">${item.text}</a>` : item.text}</li>`)}</ul>
</div>`
    : '';

  const outOfHours = html`<li>${outOfHoursService.name}: <a href="${telHref(outOfHoursService.phone)}">${outOfHoursService.phone}</a></li>`;
  const otherLang =
    lang === 'sv' ? html`<a href="/en" lang="en" hreflang="en">${t.otherLanguage}</a>` : html`<a href="/" lang="sv" hreflang="sv">${t.otherLanguage}</a>`;

  const body = html`<div data-form-view>
<h1 tabindex="-1">${texts.title}</h1>
<div class="emergency" id="emergency">
<h2>${texts.emergency}</h2>
<p>${texts.urgentGuidance}</p>
<h3>${t.outOfHoursHeading}</h3>
<ul class="phones">${outOfHours}</ul>
</div>
<p>${texts.intro}</p>
<p class="consultation-link"><a href="${lang === 'sv' ? '/consultation' : '/en/consultation'}">${
    lang === 'sv' ? 'Osäker på om du ska anmäla? Fråga skolans kontaktperson hos socialtjänsten först, utan att nämna barnet.' : 'Not sure whether to report? Ask your school\'s contact at social services first, without naming the child.'
  }</a></p>
${summary}
<div class="notice" id="draft-notice" hidden><p>${t.draftRestored}</p><button type="button" class="secondary" data-discard-draft>${t.draftDiscard}</button></div>
<form method="post" action="/api/forms/concern-report/submissions" novalidate data-form="concern-report" data-lang="${lang}" data-error-heading="${texts.errorSummary}">
<input type="hidden" name="submissionId" value="${input.submissionId}">
<input type="hidden" name="language" value="${lang}">
${consultationIdOf(input.values) ? html`<input type="hidden" name="consultationId" value="${consultationIdOf(input.values)}">` : ''}
<div class="visually-hidden" aria-hidden="true"><label for="f-website">${lang === 'sv' ? 'Lämna tomt' : 'Leave empty'}</label><input type="text" id="f-website" name="website" value="" tabindex="-1" autocomplete="off"></div>
${concernReportLayout.map(
  (section) => html`<section class="section" aria-labelledby="s-${section.id}"><h2 id="s-${section.id}">${texts.sections[section.id]}</h2>
${section.fields.map(renderField)}</section>`,
)}
<div class="form-status" id="form-status" role="status"></div>
<div class="form-problem" id="form-problem" role="alert" hidden><p data-problem-text></p><button type="button" data-retry>${t.retry}</button></div>
<div class="actions"><button type="submit">${texts.submit}</button></div>
</form>
</div>
<template id="receipt-template">${receiptBody(lang)}
${receiptCopyTemplate(lang)}</template>`;
  return page({
    lang,
    title: errors.length ? `${t.errorPrefix}${texts.title}` : texts.title,
    body,
    scripts: ['/assets/form.js'],
    service: t.service,
    headerLinks: otherLang,
  });
}
