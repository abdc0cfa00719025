// The receipt: the reference, what happens next and when. The form post without JavaScript gets this page;
// the form page carries the same markup as a <template> that its script fills in after a JSON submit.
import type { Language } from '../../forms/concern-report/fields.ts';
import { concernReportTexts } from '../../forms/concern-report/labels.ts';
import { formPageTexts } from '../client/texts.ts';
import { formatLocal } from '../format.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { callOutOfHoursText, type OutOfHoursContact } from '../../core/markup/call-out-of-hours.ts';

export interface ReceiptInput {
  lang: Language;
  reference: string;
  acknowledgeBy: string;
  feedbackBy: string;
  /** An urgent report outside office hours: the out-of-hours service to call now. */
  callOutOfHours?: OutOfHoursContact;
  /** What was sent (the form post's page only), shown for printing: see receipt-copy.ts. */
  copy?: SafeHtml;
}

const NEXT_HEADING = { sv: 'Vad händer nu?', en: 'What happens next?' } as const;

/** The receipt's content. Without values it renders empty slots (`data-slot`) for the script to fill. */
export function receiptBody(lang: Language, values?: Omit<ReceiptInput, 'lang'>): SafeHtml {
  const texts = concernReportTexts[lang].receipt;
  const page = formPageTexts[lang];
  const time = (iso: string | undefined, slot: string) =>
    iso ? html`<time datetime="${iso}" data-slot="${slot}">${formatLocal(iso, lang)}</time>` : html`<time data-slot="${slot}"></time>`;
  return html`<div class="receipt" data-receipt>
<h1 tabindex="-1">${texts.title}</h1>
<div class="panel panel-success">
<p class="reference">${texts.reference}: <strong data-slot="reference">${values?.reference ?? ''}</strong></p>
<p>${texts.keep}</p>
</div>
<h2>${NEXT_HEADING[lang]}</h2>
${values?.callOutOfHours
  ? html`<p class="notice" data-slot="callOutOfHours"><strong>${callOutOfHoursText(lang, values.callOutOfHours)}</strong></p>`
  : html`<p class="notice" data-slot="callOutOfHours" hidden><strong></strong></p>`}
<p>${texts.next}</p>
<dl class="facts">
<div><dt>${texts.acknowledgeBy}</dt><dd>${time(values?.acknowledgeBy, 'acknowledgeBy')}</dd></div>
<div><dt>${texts.feedbackBy}</dt><dd>${time(values?.feedbackBy, 'feedbackBy')}</dd></div>
</dl>
<p>${page.emailReceipt}</p>
<p data-slot="note" class="notice" hidden></p>
<p class="acute"><strong>${page.acuteReminder}</strong></p>
<p><a href="${lang === 'sv' ? '/' : '/en'}">${page.newReport}</a></p>
</div>`;
}

export function renderReceiptPage(input: ReceiptInput): string {
  const texts = concernReportTexts[input.lang].receipt;
  const body = input.copy ? html`${receiptBody(input.lang, input)}
${input.copy}` : receiptBody(input.lang, input);
  return page({ lang: input.lang, title: `${texts.title} – ${input.reference}`, body });
}
