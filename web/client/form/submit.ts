// Submit as JSON with the page's submission id as Idempotency-Key: a send that broke off can be tried again
// without ever making a second report. Answers become the receipt, errors beside their fields, or a problem
// the user can act on (with a retry where retrying can help); what was typed is never lost.
import { fieldForPath } from '../form-fields.ts';
import { localizeMessage } from '../texts.ts';
import type { Draft } from './draft.ts';
import type { FormPage } from './page.ts';
import { showReceipt, type Receipt } from './receipt.ts';
import type { FieldErrors, Validation } from './validation.ts';
import { collect } from './values.ts';

const SEND_TIMEOUT_MS = 30_000;

export function submitAsJson(page: FormPage, check: Validation, draft: Draft): void {
  const { form, lang, t, idInput } = page;
  const submitButton = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  const status = document.getElementById('form-status')!;
  const problem = document.getElementById('form-problem')!;
  const problemText = problem.querySelector<HTMLElement>('[data-problem-text]')!;
  const retryButton = problem.querySelector<HTMLButtonElement>('[data-retry]')!;

  let sending = false;
  /** The body of an attempt whose outcome is unknown (the connection broke): it may have arrived. */
  let uncertain: string | null = null;

  function showProblem(text: string | null, canRetry = true): void {
    problem.hidden = text === null;
    problemText.textContent = text ?? '';
    retryButton.hidden = !canRetry;
    if (text) problem.scrollIntoView({ block: 'center' });
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
    const body = JSON.stringify(honeypot ? { ...collect(page), website: honeypot } : collect(page));
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
        draft.clear();
        status.textContent = t.sent;
        showReceipt(page, receipt, JSON.parse(sent) as Record<string, unknown>, note);
        return;
      }
      status.textContent = '';
      if (response.status === 400) {
        const data = (await response.json().catch(() => ({ errors: [] }))) as { errors?: Array<{ path: string; message: string }> };
        const errors: FieldErrors = new Map();
        const general: string[] = [];
        for (const error of data.errors ?? []) {
          const field = fieldForPath(error.path);
          if (error.path === 'Idempotency-Key') general.push(t.formExpired);
          else if (field && !errors.has(field.name)) errors.set(field.name, localizeMessage(error.message, lang));
          else if (!field) general.push(localizeMessage(error.message, lang));
        }
        check.showAll();
        check.render(errors);
        check.renderSummary([...check.summaryOf(errors), ...general.map((text) => ({ text }))]);
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

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    check.showAll();
    const errors = check.validate();
    check.render(errors);
    if (errors.size) {
      showProblem(null);
      check.renderSummary(check.summaryOf(errors));
      return;
    }
    check.renderSummary([]);
    void send();
  });
  retryButton.addEventListener('click', () => form.requestSubmit());
}
