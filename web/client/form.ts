// The concern form's script (bundled by esbuild into /assets/form.js). Progressive enhancement of a form
// that works without it: shows the conditional field, the urgent guidance with the school's out-of-hours
// number, a school filter; validates as the user goes with the very schema the server uses; submits as
// JSON with the page's submission id as Idempotency-Key, and never loses what was typed.
// Data is written into the page with textContent and DOM nodes only, never as HTML.
import { concernReportSchema, OTHER_SCHOOL } from '../../forms/concern-report/schema.ts';
import { formatLocal } from '../format.ts';
import { callOutOfHoursText, type OutOfHoursContact } from '../../core/markup/call-out-of-hours.ts';
import { anchorId, fieldForPath, fieldId, isChoice, layoutFields, optionId } from './form-fields.ts';
import { fieldErrorText, formPageTexts, localizeMessage, type Lang } from './texts.ts';
import type { LayoutField } from '../../forms/concern-report/layout.ts';

const DRAFT_KEY = 'concern-report-draft';
const SEND_TIMEOUT_MS = 30_000;

interface Receipt {
  reference: string;
  acknowledgeBy: string;
  feedbackBy: string;
  callOutOfHours?: OutOfHoursContact;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function getPath(source: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], source);
}

const normalize = (text: string) =>
  text
    .toLocaleLowerCase('sv')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();

function enhance(form: HTMLFormElement): void {
  const lang: Lang = form.dataset.lang === 'en' ? 'en' : 'sv';
  const t = formPageTexts[lang];
  const view = document.querySelector<HTMLElement>('[data-form-view]')!;
  const submitButton = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  const status = document.getElementById('form-status')!;
  const problem = document.getElementById('form-problem')!;
  const problemText = problem.querySelector<HTMLElement>('[data-problem-text]')!;
  const retryButton = problem.querySelector<HTMLButtonElement>('[data-retry]')!;
  const idInput = form.querySelector<HTMLInputElement>('input[name=submissionId]')!;
  const baseTitle = document.title.startsWith(t.errorPrefix) ? document.title.slice(t.errorPrefix.length) : document.title;

  const container = (field: LayoutField) => form.querySelector<HTMLElement>(`[data-field="${field.name}"]`)!;
  const isShown = (field: LayoutField) => !container(field).hidden;
  const inputsOf = (field: LayoutField) => [...form.querySelectorAll<HTMLInputElement>(`[name="${field.name}"]`)];

  // ---- values: the same nested object the server builds from a form post ----
  function collect(): Record<string, unknown> {
    const body: Record<string, unknown> = { language: lang };
    for (const field of layoutFields) {
      const inputs = inputsOf(field);
      let value: unknown;
      if (field.kind === 'checkboxes') value = inputs.filter((i) => i.checked).map((i) => i.value);
      else if (field.kind === 'radio') value = inputs.find((i) => i.checked)?.value;
      // A hidden conditional field is not sent: its text no longer applies.
      else value = isShown(field) ? (inputs[0]?.value ?? '') : '';
      setPath(body, field.name.split('.'), value);
    }
    // A report made from a consultation links to it (the page carries its id when opened from "make it a report").
    const consultationId = form.querySelector<HTMLInputElement>('input[name=consultationId]')?.value;
    if (consultationId) body.consultationId = consultationId;
    return body;
  }

  function restore(values: Record<string, unknown>): void {
    for (const field of layoutFields) {
      const value = getPath(values, field.name.split('.'));
      const inputs = inputsOf(field);
      if (isChoice(field)) {
        const chosen = Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
        for (const input of inputs) input.checked = chosen.includes(input.value);
      } else if (typeof value === 'string' && inputs[0]) inputs[0].value = value;
    }
  }

  // ---- validation with the server's schema ----
  function validate(): Map<string, string> {
    const result = concernReportSchema.safeParse(collect());
    const errors = new Map<string, string>();
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = fieldForPath(issue.path.map(String).join('.'));
        if (field && !errors.has(field.name)) errors.set(field.name, localizeMessage(issue.message, lang));
      }
    }
    return errors;
  }

  const touched = new Set<string>();
  let showAll = false;
  let current = new Map<string, string>();

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

  function render(errors: Map<string, string>): void {
    current = errors;
    for (const field of layoutFields) {
      const visible = (showAll || touched.has(field.name)) && isShown(field);
      setFieldError(field, visible ? errors.get(field.name) : undefined);
    }
  }

  function renderSummary(messages: Array<{ field?: LayoutField; text: string }>): void {
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

  // ---- conditional field, urgent guidance, school filter ----
  const urgentNote = document.querySelector<HTMLElement>('[data-urgent-note]');
  const schoolSelect = form.querySelector<HTMLSelectElement>(`#${fieldId('schoolId')}`);
  const schoolContact = form.querySelector<HTMLElement>('[data-school-contact]');

  function updateDependents(): void {
    for (const box of form.querySelectorAll<HTMLElement>('[data-show-when]')) {
      const [name, wanted] = (box.dataset.showWhen ?? '').split('=');
      const chosen = form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
      box.hidden = !(chosen && chosen.value === wanted);
    }
    if (schoolContact) {
      // The chosen school's contact: the team's function and phone (the page put it on each option).
      const text = schoolSelect?.selectedOptions[0]?.dataset.contact ?? '';
      if (schoolContact.textContent !== text) schoolContact.textContent = text;
    }
    if (urgentNote) {
      urgentNote.hidden = form.querySelector<HTMLInputElement>('input[name="urgency"]:checked')?.value !== 'urgent';
    }
  }

  if (schoolSelect) {
    const filterBox = form.querySelector<HTMLElement>('[data-school-filter]');
    const filter = filterBox?.querySelector<HTMLInputElement>('input[type=search]');
    const count = filterBox?.querySelector<HTMLElement>('.filter-count');
    if (filterBox && filter && count) {
      filterBox.hidden = false;
      const placeholder = schoolSelect.options[0]!;
      const all = [...schoolSelect.options].slice(1);
      filter.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          schoolSelect.focus();
        }
      });
      filter.addEventListener('input', () => {
        const query = normalize(filter.value);
        const chosen = schoolSelect.value;
        const matches = all.filter((option) => normalize(option.text).includes(query));
        schoolSelect.replaceChildren(placeholder, ...all.filter((option) => matches.includes(option) || option.value === chosen));
        schoolSelect.value = chosen;
        if (query && matches.length === 1 && schoolSelect.value !== matches[0]!.value) {
          schoolSelect.value = matches[0]!.value;
          schoolSelect.dispatchEvent(new Event('change', { bubbles: true }));
        }
        const many = (filter.dataset.countMany ?? '{n}').replace('{n}', String(matches.length));
        const text = query ? (matches.length === 1 ? `${filter.dataset.countOne}: ${matches[0]!.text}` : many) : '';
        count.textContent = text;
      });
    }
  }

  // ---- a draft in this tab's sessionStorage (gone when the tab closes; never localStorage) ----
  // Typing is saved after a pause (400 ms), not on every key; anything still waiting is saved at once when the page
  // goes away (a reload, another page, the tab hidden), so a box ticked or a word typed just before is never lost.
  let draftTimer: ReturnType<typeof setTimeout> | undefined;
  let draftPending = false;
  function writeDraft(): void {
    clearTimeout(draftTimer);
    draftPending = false;
    try {
      sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ submissionId: idInput.value, lang, values: collectRaw() }));
    } catch {
      // storage full or blocked: the form still works
    }
  }
  function saveDraft(): void {
    clearTimeout(draftTimer);
    draftPending = true;
    draftTimer = setTimeout(writeDraft, 400);
  }
  const flushDraft = () => {
    if (draftPending) writeDraft();
  };
  window.addEventListener('pagehide', flushDraft);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushDraft();
  });
  /** Like collect(), but keeps a hidden conditional field's text (it is the user's, until they submit). */
  function collectRaw(): Record<string, unknown> {
    const body = collect();
    for (const field of layoutFields) if (!isChoice(field) && !isShown(field)) setPath(body, field.name.split('.'), inputsOf(field)[0]?.value ?? '');
    return body;
  }
  function clearDraft(): void {
    clearTimeout(draftTimer);
    draftPending = false;
    try {
      sessionStorage.removeItem(DRAFT_KEY);
    } catch {
      // nothing to clear
    }
  }
  const draftNotice = document.getElementById('draft-notice');
  const pristine = !document.getElementById('error-summary');
  try {
    const saved = pristine ? sessionStorage.getItem(DRAFT_KEY) : null;
    const draft = saved ? (JSON.parse(saved) as { submissionId?: string; lang?: string; values?: Record<string, unknown> }) : null;
    if (draft?.values && draft.lang === lang) {
      restore(draft.values);
      // The same id as before: sending again after a lost connection can never make a second report.
      if (draft.submissionId) idInput.value = draft.submissionId;
      if (draftNotice) draftNotice.hidden = false;
    }
  } catch {
    // no storage: start empty
  }
  draftNotice?.querySelector('[data-discard-draft]')?.addEventListener('click', () => {
    clearDraft();
    form.reset();
    // A new report: a new submission id (the draft's id stays with what was discarded).
    idInput.value = crypto.randomUUID();
    touched.clear();
    showAll = false;
    render(new Map());
    renderSummary([]);
    updateDependents();
    draftNotice.hidden = true;
    view.querySelector<HTMLElement>('h1')?.focus();
  });

  // ---- as the user goes ----
  const fieldOf = (target: EventTarget | null) => {
    const name = (target as HTMLInputElement | null)?.name;
    return name ? layoutFields.find((f) => f.name === name) : undefined;
  };
  form.addEventListener('focusout', (event) => {
    const field = fieldOf(event.target);
    if (!field) return;
    // Leaving a group's first radio for its second is not leaving the group.
    const next = (event as FocusEvent).relatedTarget as HTMLInputElement | null;
    if (isChoice(field) && next?.name === field.name) return;
    touched.add(field.name);
    render(validate());
  });
  form.addEventListener('change', (event) => {
    const field = fieldOf(event.target);
    updateDependents();
    if (field && (isChoice(field) || field.kind === 'school')) touched.add(field.name);
    render(validate());
    // A choice (a box, a radio, the school) is one deliberate act, not a stream of keys: save it now.
    writeDraft();
  });
  form.addEventListener('input', (event) => {
    saveDraft();
    // While typing, an error shown for this field updates (and clears when fixed); no new errors appear.
    const field = fieldOf(event.target);
    if (field && current.has(field.name) && document.getElementById(`${fieldId(field.name)}-error`)) {
      const errors = validate();
      setFieldError(field, errors.get(field.name));
    }
  });

  // ---- submit as JSON ----
  let sending = false;
  /** The body of an attempt whose outcome is unknown (the connection broke): it may have arrived. */
  let uncertain: string | null = null;

  function showProblem(text: string | null, canRetry = true): void {
    problem.hidden = text === null;
    problemText.textContent = text ?? '';
    retryButton.hidden = !canRetry;
    if (text) problem.scrollIntoView({ block: 'center' });
  }

  /**
   * The receipt's "print or save a copy" (web/pages/receipt-copy.ts): what was sent, from the values in memory
   * (never stored), shown under the form's own labels; a choice's text and the school's name are read from the form.
   */
  function fillCopy(content: DocumentFragment, sent: Record<string, unknown>): void {
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

  function showReceipt(receipt: Receipt, sent: Record<string, unknown>, note?: string): void {
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
    fillCopy(content, sent);
    view.replaceWith(content);
    const heading = document.querySelector<HTMLElement>('[data-receipt] h1');
    document.title = `${heading?.textContent ?? ''} – ${receipt.reference}`;
    window.scrollTo(0, 0);
    heading?.focus();
  }

  async function post(body: string): Promise<Response> {
    return fetch(form.action, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': idInput.value },
      body,
      credentials: 'same-origin',
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  }

  async function send(): Promise<void> {
    if (sending) return;
    // The honeypot travels too: hidden from people, so only a bot fills it (the server then stores nothing).
    const honeypot = form.querySelector<HTMLInputElement>('input[name=website]')?.value ?? '';
    const body = JSON.stringify(honeypot ? { ...collect(), website: honeypot } : collect());
    sending = true;
    submitButton.disabled = true;
    retryButton.disabled = true;
    form.setAttribute('aria-busy', 'true');
    status.textContent = t.sending;
    showProblem(null);
    try {
      let response = await post(body);
      let note: string | undefined;
      // What the receipt's copy shows: the body the receipt is for (in memory only).
      let sent = body;
      if (response.status === 409 && uncertain && uncertain !== body) {
        // The attempt that broke off did arrive: fetch its receipt, and say that later changes are not in it.
        sent = uncertain;
        response = await post(uncertain);
        note = t.fallbackNote;
      }
      if (response.status === 201) {
        const receipt = (await response.json()) as Receipt;
        uncertain = null;
        clearDraft();
        status.textContent = t.sent;
        showReceipt(receipt, JSON.parse(sent) as Record<string, unknown>, note);
        return;
      }
      status.textContent = '';
      if (response.status === 400) {
        const data = (await response.json().catch(() => ({ errors: [] }))) as { errors?: Array<{ path: string; message: string }> };
        const errors = new Map<string, string>();
        const general: string[] = [];
        for (const error of data.errors ?? []) {
          const field = fieldForPath(error.path);
          if (error.path === 'Idempotency-Key') general.push(t.formExpired);
          else if (field && !errors.has(field.name)) errors.set(field.name, localizeMessage(error.message, lang));
          else if (!field) general.push(localizeMessage(error.message, lang));
        }
        showAll = true;
        render(errors);
        renderSummary([...summaryOf(errors), ...general.map((text) => ({ text }))]);
        return;
      }
      if (response.status === 409) return showProblem(t.conflict, false);
      if (response.status === 413) return showProblem(t.tooLarge, false);
      if (response.status === 503 || response.status === 429 || response.status === 502 || response.status === 504) return showProblem(t.unavailable);
      showProblem(t.unexpected);
    } catch {
      // No answer: the report may or may not have arrived. Sending again with the same id is safe.
      uncertain = body;
      status.textContent = '';
      showProblem(t.offline);
    } finally {
      sending = false;
      submitButton.disabled = false;
      retryButton.disabled = false;
      form.removeAttribute('aria-busy');
    }
  }

  function summaryOf(errors: Map<string, string>): Array<{ field: LayoutField; text: string }> {
    return layoutFields
      .filter((field) => errors.has(field.name))
      .map((field) => ({ field, text: fieldErrorText(container(field).dataset.label ?? field.name, errors.get(field.name)!) }));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    showAll = true;
    const errors = validate();
    render(errors);
    if (errors.size) {
      showProblem(null);
      renderSummary(summaryOf(errors));
      return;
    }
    renderSummary([]);
    void send();
  });
  retryButton.addEventListener('click', () => form.requestSubmit());

  updateDependents();
  // A page the server sent back with errors: keep showing them as the user fixes each.
  if (!pristine) {
    showAll = true;
    render(validate());
  }
}

const form = document.querySelector<HTMLFormElement>('form[data-form="concern-report"]');
if (form) enhance(form);
