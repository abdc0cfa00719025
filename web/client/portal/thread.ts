// The report view's reporter section: whether the reporter is trusted (a school address, or verified by a call to
// the school's switchboard), the button that records such a call, the thread with the reporter, and the form to
// ask a question (only a trusted reporter can be asked; the reporter answers on the status page).
import { api } from './api.ts';
import { ApiError } from './api-error.ts';
import type { ActionContext } from './actions.ts';
import type { CaseDetail } from './contract.ts';
import { el, timeEl } from './dom.ts';

export function reporterSection(context: ActionContext, data: CaseDetail): HTMLElement {
  const c = data.summary;
  const open = c.status !== 'closed';
  const section = el('section', { 'aria-labelledby': 'reporter-title', id: 'reporter-thread' }, el('h2', { id: 'reporter-title' }, 'Anmälaren'));
  const error = el('p', { class: 'error', role: 'alert' });
  const failed = (failure: unknown) => {
    if (failure instanceof ApiError && failure.status === 401) return context.signInAgain(failure);
    error.textContent =
      failure instanceof ApiError && failure.body?.errors?.[0]?.path === 'text'
        ? `Frågan: ${failure.body.errors[0].message}`
        : failure instanceof ApiError && failure.status === 409
          ? `Det gick inte: ${failure.body?.message ?? 'anmälan har ändrats'}.`
          : 'Något gick fel och inget skickades. Försök igen.';
  };

  if (c.reporterTrust === 'untrusted') {
    const verify = el('button', { type: 'button', class: 'secondary' }, 'Anmälaren är verifierad via skolans växel');
    verify.addEventListener('click', async () => {
      verify.disabled = true;
      try {
        await api(`/api/cases/${encodeURIComponent(c.id)}/verify-reporter`, { method: 'POST' });
        await context.reload('Anmälaren är verifierad och får nu länken till statussidan.');
      } catch (failure) {
        verify.disabled = false;
        failed(failure);
      }
    });
    section.append(
      el('p', { class: 'notice' }, 'Ej verifierad: anmälarens adress är inte en av skolornas adresser. Kvittot gav ingen statuslänk och ingen återkoppling skickas. Ring skolans växel (inte numret i anmälan) och bekräfta vem anmälaren är innan du markerar.'),
      el('div', { class: 'actions' }, verify),
    );
  } else if (c.reporterTrust) {
    section.append(el('p', {}, c.reporterTrust === 'school-domain' ? 'Verifierad: anmälaren skrev från en skoladress.' : 'Verifierad av teamet via skolans växel.'));
  }

  const thread = data.report.thread ?? [];
  section.append(el('h3', {}, 'Frågor och svar'));
  section.append(
    thread.length
      ? el('ol', { class: 'thread' }, ...thread.map((entry) => el('li', {}, el('p', {}, el('strong', {}, entry.from === 'team' ? `Teamet${entry.by ? ` (${entry.by})` : ''}` : 'Anmälaren'), ', ', timeEl(entry.at)), el('p', { class: 'pre' }, entry.text))))
      : el('p', {}, 'Inga meddelanden ännu.'),
  );

  if (open && c.reporterTrusted) {
    const text = el('textarea', { id: 'question-text', name: 'text', rows: '4', maxlength: '5000', 'aria-describedby': 'question-help' });
    const send = el('button', { type: 'submit' }, 'Skicka frågan');
    const form = el(
      'form',
      { novalidate: '' },
      el('div', { class: 'field' }, el('label', { for: 'question-text' }, 'Ställ en fråga till anmälaren'), el('p', { class: 'help', id: 'question-help' }, 'Anmälaren får ett mejl om att det finns en fråga (utan texten) och svarar på statussidan.'), text),
      error,
      el('div', { class: 'actions' }, send),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      send.disabled = true;
      error.textContent = '';
      try {
        await api(`/api/cases/${encodeURIComponent(c.id)}/questions`, { method: 'POST', body: { text: text.value } });
        await context.reload('Frågan är skickad. Anmälaren får ett meddelande.');
      } catch (failure) {
        send.disabled = false;
        failed(failure);
      }
    });
    section.append(form);
  } else {
    section.append(error);
  }
  return section;
}
