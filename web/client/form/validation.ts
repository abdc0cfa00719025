// Validation with the server's own schema, shown as the user goes: an error beside its field once the field has
// been left (or everywhere after a send), and a summary at the top that takes focus and links to each field.
import type { LayoutField } from '../../../forms/concern-report/layout.ts';
import { concernReportSchema } from '../../../forms/concern-report/schema.ts';
import { anchorId, fieldForPath, fieldId, isChoice, layoutFields } from '../form-fields.ts';
import { fieldErrorText, localizeMessage } from '../texts.ts';
import { el, type FormPage } from './page.ts';
import { collect } from './values.ts';

/** Field name → the message to show for it. */
export type FieldErrors = Map<string, string>;

export type SummaryLine = { field?: LayoutField; text: string };

export type Validation = ReturnType<typeof validation>;

export function validation(page: FormPage) {
  const { form, lang, t, view, container, isShown, inputsOf } = page;
  const baseTitle = document.title.startsWith(t.errorPrefix) ? document.title.slice(t.errorPrefix.length) : document.title;
  const touched = new Set<string>();
  let showAll = false;
  let current: FieldErrors = new Map();

  function validate(): FieldErrors {
    const result = concernReportSchema.safeParse(collect(page));
    const errors: FieldErrors = new Map();
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = fieldForPath(issue.path.map(String).join('.'));
        if (field && !errors.has(field.name)) errors.set(field.name, localizeMessage(issue.message, lang));
      }
    }
    return errors;
  }

  function describedTarget(field: LayoutField): HTMLElement {
    return isChoice(field) ? container(field) : form.querySelector<HTMLElement>(`#${fieldId(field.name)}`)!;
  }

  function setFieldError(field: LayoutField, message: string | undefined): void {
    const box = container(field);
    const id = `${fieldId(field.name)}-error`;
    const target = describedTarget(field);
    const describedBy = (target.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== id);
    let note = document.getElementById(id);
    if (message) {
      const text = fieldErrorText(box.dataset.label ?? field.name, message);
      if (!note) {
        note = el('p', { class: 'error', id });
        const before = box.querySelector(':scope > .choices, :scope > [data-school-filter], :scope > input, :scope > textarea, :scope > select');
        box.insertBefore(note, before);
      }
      if (note.textContent !== `${t.errorPrefix}${text}`) note.replaceChildren(el('span', { class: 'visually-hidden' }, t.errorPrefix), text);
      box.classList.add('has-error');
      describedBy.push(id);
      for (const input of inputsOf(field)) input.setAttribute('aria-invalid', 'true');
    } else {
      note?.remove();
      box.classList.remove('has-error');
      for (const input of inputsOf(field)) input.removeAttribute('aria-invalid');
    }
    if (describedBy.length) target.setAttribute('aria-describedby', describedBy.join(' '));
    else target.removeAttribute('aria-describedby');
  }

  function render(errors: FieldErrors): void {
    current = errors;
    for (const field of layoutFields) {
      const visible = (showAll || touched.has(field.name)) && isShown(field);
      setFieldError(field, visible ? errors.get(field.name) : undefined);
    }
  }

  function renderSummary(messages: SummaryLine[]): void {
    document.getElementById('error-summary')?.remove();
    document.title = messages.length ? `${t.errorPrefix}${baseTitle}` : baseTitle;
    if (!messages.length) return;
    const list = el('ul');
    for (const { field, text } of messages) {
      if (field) {
        const link = el('a', { href: `#${anchorId(field)}` }, text);
        list.append(el('li', {}, link));
      } else list.append(el('li', {}, text));
    }
    const summary = el('div', { class: 'error-summary', role: 'alert', tabindex: '-1', id: 'error-summary' },
      el('h2', {}, form.dataset.errorHeading ?? ''), list);
    form.before(summary);
    summary.focus();
  }

  function summaryOf(errors: FieldErrors): Array<{ field: LayoutField; text: string }> {
    return layoutFields
      .filter((field) => errors.has(field.name))
      .map((field) => ({ field, text: fieldErrorText(container(field).dataset.label ?? field.name, errors.get(field.name)!) }));
  }

  // A link in the summary moves focus to the field itself (not only scrolls).
  view.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('.error-summary a[href^="#"]');
    if (!link) return;
    const target = document.getElementById(link.getAttribute('href')!.slice(1));
    if (!target) return;
    event.preventDefault();
    (target.closest('[data-field]') ?? target).scrollIntoView({ block: 'start' });
    target.focus();
  });

  return {
    validate,
    render,
    renderSummary,
    summaryOf,
    /** From now on every field's error shows (after a send, or a page the server sent back with errors). */
    showAll(): void {
      showAll = true;
    },
    touch(field: LayoutField): void {
      touched.add(field.name);
    },
    /** A fresh form: nothing touched, nothing shown. */
    reset(): void {
      touched.clear();
      showAll = false;
      render(new Map());
      renderSummary([]);
    },
    /** While typing, an error shown for this field updates (and clears when fixed); no new errors appear. */
    recheckShown(field: LayoutField): void {
      if (current.has(field.name) && document.getElementById(`${fieldId(field.name)}-error`)) setFieldError(field, validate().get(field.name));
    },
  };
}
