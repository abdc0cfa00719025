// The receipt after a JavaScript submit, in place of the form: the reference, the deadlines in local time, the
// out-of-hours "call now" line when the server gives one, and the "print or save a copy" of what was sent.
import type { LayoutField } from '../../../forms/concern-report/layout.ts';
import { OTHER_SCHOOL } from '../../../forms/concern-report/schema.ts';
import { callOutOfHoursText, type OutOfHoursContact } from '../../../core/markup/call-out-of-hours.ts';
import { formatLocal } from '../../format.ts';
import { fieldId, isChoice, layoutFields, optionId } from '../form-fields.ts';
import type { FormPage } from './page.ts';
import { getPath } from './values.ts';

/** The 201 answer to a submission. */
export interface Receipt {
  reference: string;
  acknowledgeBy: string;
  feedbackBy: string;
  callOutOfHours?: OutOfHoursContact;
}

/**
 * The receipt's "print or save a copy" (web/pages/receipt-copy.ts): what was sent, from the values in memory
 * (never stored), shown under the form's own labels; a choice's text and the school's name are read from the form.
 */
function fillCopy({ form }: FormPage, content: DocumentFragment, sent: Record<string, unknown>): void {
  const schoolSelect = form.querySelector<HTMLSelectElement>(`#${fieldId('schoolId')}`);
  const shown = (field: LayoutField, value: unknown): string => {
    if (field.kind === 'school') {
      if (value === OTHER_SCHOOL) return String(getPath(sent, ['schoolName']) ?? '').trim() || '–';
      return [...(schoolSelect?.options ?? [])].find((option) => option.value === value && value)?.text ?? '–';
    }
    if (isChoice(field)) {
      const chosen = Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
      const texts = chosen.map((v) => form.querySelector(`label[for="${optionId(field, v)}"]`)?.textContent ?? v);
      return texts.join(', ') || '–';
    }
    return typeof value === 'string' && value.trim() ? value : '–';
  };
  for (const field of layoutFields) {
    const cell = content.querySelector<HTMLElement>(`[data-copy="${field.name}"]`);
    if (cell) cell.textContent = shown(field, getPath(sent, field.name.split('.')));
  }
  content.querySelector('[data-print]')?.addEventListener('click', () => window.print());
}

/** Replaces the form with the receipt (the page's template), and moves focus to its heading. */
export function showReceipt(page: FormPage, receipt: Receipt, sent: Record<string, unknown>, note?: string): void {
  const { lang, view } = page;
  const template = document.getElementById('receipt-template') as HTMLTemplateElement | null;
  if (!template) return;
  const content = template.content.cloneNode(true) as DocumentFragment;
  const slot = (name: string) => content.querySelector<HTMLElement>(`[data-slot="${name}"]`);
  slot('reference')!.textContent = receipt.reference;
  for (const key of ['acknowledgeBy', 'feedbackBy'] as const) {
    const time = slot(key);
    if (time) {
      time.textContent = formatLocal(receipt[key], lang);
      time.setAttribute('datetime', receipt[key]);
    }
  }
  const callNow = slot('callOutOfHours');
  if (receipt.callOutOfHours && callNow) {
    callNow.querySelector('strong')!.textContent = callOutOfHoursText(lang, receipt.callOutOfHours);
    callNow.hidden = false;
  }
  if (note) {
    const notice = slot('note')!;
    notice.textContent = note;
    notice.hidden = false;
  }
  fillCopy(page, content, sent);
  view.replaceWith(content);
  const heading = document.querySelector<HTMLElement>('[data-receipt] h1');
  document.title = `${heading?.textContent ?? ''} – ${receipt.reference}`;
  window.scrollTo(0, 0);
  heading?.focus();
}
