// What every part of the form's script shares: the form, its language and words, and how a field's container
// and inputs are found on the page. Data is written into the page with textContent and DOM nodes only, never
// as HTML (el below).
import type { LayoutField } from '../../../forms/concern-report/layout.ts';
import { formPageTexts, type Lang } from '../texts.ts';

export interface FormPage {
  form: HTMLFormElement;
  lang: Lang;
  t: (typeof formPageTexts)[Lang];
  /** The part of the page the receipt replaces. */
  view: HTMLElement;
  /** The submission id: the Idempotency-Key of every attempt at sending this report. */
  idInput: HTMLInputElement;
  container(field: LayoutField): HTMLElement;
  /** False for a conditional field hidden by the answer it depends on. */
  isShown(field: LayoutField): boolean;
  inputsOf(field: LayoutField): HTMLInputElement[];
}

export function formPage(form: HTMLFormElement): FormPage {
  const lang: Lang = form.dataset.lang === 'en' ? 'en' : 'sv';
  const container = (field: LayoutField) => form.querySelector<HTMLElement>(`[data-field="${field.name}"]`)!;
  return {
    form,
    lang,
    t: formPageTexts[lang],
    view: document.querySelector<HTMLElement>('[data-form-view]')!,
    idInput: form.querySelector<HTMLInputElement>('input[name=submissionId]')!,
    container,
    isShown: (field) => !container(field).hidden,
    inputsOf: (field) => [...form.querySelectorAll<HTMLInputElement>(`[name="${field.name}"]`)],
  };
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}
