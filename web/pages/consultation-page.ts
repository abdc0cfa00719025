// The asker's page (GET /consultations/{token}): the question, the answer once there is one, and "make it a report",
// which opens the report form with the school, the asker and the consultation's id filled in (the report then links to it).
import type { AskerConsultation } from '../../core/app/consultations/read-by-link.ts';
import { formatLocal } from '../format.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';
import { consultationTexts } from './consultation-texts.ts';

/**
 * "Make it a report": a plain form post (works without JavaScript) to the report form's own address, which answers
 * the form filled in (functions/web, web/pages/form-page.ts `valuesFromConsultation`). A POST, not a link: the asker's
 * name and email would otherwise sit in a URL, and URLs end up in access logs and the browser's history.
 */
function makeReportForm(consultation: AskerConsultation, label: string) {
  const fields: Record<string, string> = {
    schoolId: consultation.schoolId,
    consultationId: consultation.id,
    'reporter.name': consultation.reporter.name,
    'reporter.role': consultation.reporter.role,
    'reporter.email': consultation.reporter.email,
  };
  return html`<form method="post" action="${consultation.language === 'sv' ? '/' : '/en'}" data-make-report>
${Object.entries(fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
<button type="submit">${label}</button>
</form>`;
}

export function renderConsultationPage(consultation: AskerConsultation): string {
  const lang = consultation.language;
  const t = consultationTexts[lang].page;
  const time = (iso: string) => html`<time datetime="${iso}">${formatLocal(iso, lang)}</time>`;
  const answer = consultation.answer
    ? html`<h2>${t.answer}</h2>
<div class="panel panel-success"><p class="consultation-text" data-answer>${consultation.answer.text}</p><p class="help">${t.answeredAt}: ${time(consultation.answer.at)}</p></div>`
    : html`<div class="panel" role="status"><p>${t.waiting}</p></div>`;
  const body = html`<h1>${t.title}</h1>
<dl class="facts"><dt>${t.school}</dt><dd>${consultation.schoolName}</dd><dt>${t.askedAt}</dt><dd>${time(consultation.askedAt)}</dd></dl>
<h2>${t.question}</h2>
<p class="consultation-text" data-question>${consultation.question}</p>
${answer}
${makeReportForm(consultation, t.makeReport)}
<p class="help">${t.makeReportHelp}</p>
<p class="acute"><strong>${consultationTexts[lang].acute}</strong></p>`;
  return page({ lang, title: t.title, body, service: consultationTexts[lang].service });
}

/** The page for a link that opens nothing (altered, or the consultation has expired): in both languages, as it is unknown. */
export function renderConsultationNotFound(): string {
  const body = html`<h1>Frågan finns inte</h1>
<p>Länken är fel, eller så har frågan gallrats. Du kan ställa en ny fråga: <a href="/consultation">fråga socialtjänsten</a>.</p>
<div lang="en"><h2>The question is not there</h2>
<p>The link is wrong, or the question has been deleted. You can ask again: <a href="/en/consultation">ask social services</a>.</p></div>`;
  return page({ lang: 'sv', title: 'Frågan finns inte', body, service: consultationTexts.sv.service });
}
