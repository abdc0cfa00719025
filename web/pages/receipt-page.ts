// The receipt after a form post: the reference, what happens next and when.
import { concernReportTexts, type Language } from '../../forms/concern-report/index.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';
import { formatLocal } from '../format.ts';

export interface ReceiptInput {
  lang: Language;
  reference: string;
  acknowledgeBy: string;
  feedbackBy: string;
}

export function renderReceiptPage(input: ReceiptInput): string {
  const texts = concernReportTexts[input.lang].receipt;
  const body = html`<h1>${texts.title}</h1>
<p class="reference">${texts.reference}: <strong>${input.reference}</strong></p>
<p>${texts.next}</p>
<dl>
<dt>${texts.acknowledgeBy}</dt><dd>${formatLocal(input.acknowledgeBy, input.lang)}</dd>
<dt>${texts.feedbackBy}</dt><dd>${formatLocal(input.feedbackBy, input.lang)}</dd>
</dl>
<p>${texts.keep}</p>`;
  return page({ lang: input.lang, title: `${texts.title} – ${input.reference}`, body });
}
