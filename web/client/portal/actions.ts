// The portal's two actions on a report, acknowledge and feedback, each confirmed in a step of its own before
// it is sent as a POST (never a GET link).
import { api } from './api.ts';
import { ApiError } from './api-error.ts';
import type { CaseSummary, Outcome } from './contract.ts';
import { el } from './dom.ts';
import { T } from './texts.ts';

export interface ActionContext {
  /** Shows the report again (fresh from the API), with a message. */
  reload(message?: string): Promise<void>;
  /** The sign-in ran out during the action. */
  signInAgain(failure: ApiError): void;
}

function confirmStep(context: ActionContext, options: { title: string; text: string[]; yes: string; no: string; onYes: () => Promise<void>; onNo: () => void }): HTMLElement {
  const yes = el('button', { type: 'button' }, options.yes);
  const no = el('button', { type: 'button', class: 'secondary' }, options.no);
  const error = el('p', { class: 'error', role: 'alert' });
  const box = el(
    'div',
    { class: 'confirm', role: 'group', 'aria-labelledby': 'confirm-title' },
    el('h3', { id: 'confirm-title', tabindex: '-1' }, options.title),
    ...options.text.map((line) => el('p', {}, line)),
    error,
    el('div', { class: 'actions' }, yes, no),
  );
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    no.disabled = true;
    error.textContent = '';
    try {
      await options.onYes();
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) return context.signInAgain(failure);
      error.textContent =
        failure instanceof ApiError && failure.status === 409
          ? `Det gick inte: ${failure.body?.message ?? 'anmälan har ändrats'}. Ladda om sidan och försök igen.`
          : failure instanceof ApiError && failure.status === 0
            ? 'Ingen kontakt med servern. Inget ändrades. Försök igen.'
            : 'Något gick fel och inget ändrades. Försök igen.';
      yes.disabled = false;
      no.disabled = false;
    }
  });
  no.addEventListener('click', options.onNo);
  return box;
}

/** The protection assessment's two results, in the social worker's words (DESIGN.md, "Deadlines"). */
const ASSESSMENTS = [
  { value: 'no-immediate-risk', label: 'Inget omedelbart skyddsbehov' },
  { value: 'immediate-protection-needed', label: 'Barnet behöver skydd omedelbart', help: 'teamets ledare får ett mejl direkt' },
] as const;

/** Acknowledging is recording the protection assessment: the result is required, a note optional. */
export function acknowledgeBlock(context: ActionContext, c: CaseSummary): HTMLElement {
  const block = el('div', { class: 'action', id: 'acknowledge' });
  const start = el('button', { type: 'button' }, 'Bekräfta mottagandet…');
  const choices = el('div', { class: 'choices' });
  for (const choice of ASSESSMENTS) {
    const id = `assessment-${choice.value}`;
    choices.append(
      el(
        'div',
        { class: 'choice' },
        el('input', { type: 'radio', name: 'assessment', id, value: choice.value, required: '' }),
        el('label', { for: id }, choice.label, 'help' in choice ? el('span', { class: 'help' }, ` – ${choice.help}`) : ''),
      ),
    );
  }
  const assessmentError = el('p', { class: 'error', id: 'assessment-error', hidden: '' });
  const fieldset = el(
    'fieldset',
    { class: 'field', id: 'assessment' },
    el('legend', {}, 'Skyddsbedömning ', el('span', { class: 'req', 'aria-hidden': 'true' }, '*')),
    assessmentError,
    choices,
  );
  const note = el('textarea', { id: 'assessment-note', name: 'assessmentNote', rows: '3', maxlength: '2000' });
  const intro = [
    el('h3', {}, 'Skyddsbedömning och mottagande'),
    el('p', {}, 'Gör skyddsbedömningen och bekräfta att teamet har tagit emot anmälan. Anmälaren ser att mottagandet är bekräftat, aldrig bedömningen.'),
    fieldset,
    el('div', { class: 'field' }, el('label', { for: 'assessment-note' }, 'Motivering (frivillig, bara för teamet)'), note),
    el('div', { class: 'actions' }, start),
  ];
  block.append(...intro);
  start.addEventListener('click', () => {
    const chosen = ASSESSMENTS.find((a) => a.value === block.querySelector<HTMLInputElement>('input[name=assessment]:checked')?.value);
    if (!chosen) {
      assessmentError.hidden = false;
      assessmentError.replaceChildren(el('span', { class: 'visually-hidden' }, 'Fel: '), 'Välj resultatet av skyddsbedömningen.');
      block.querySelector<HTMLInputElement>('input[name=assessment]')?.focus();
      return;
    }
    assessmentError.hidden = true;
    const noteText = note.value.trim();
    const box = confirmStep(context, {
      title: `Bekräfta mottagandet av ${c.reference}?`,
      text: [`Skyddsbedömning: ${chosen.label}.`, 'Bekräftelsen registreras i händelseloggen med ditt namn och kan inte ångras.'],
      yes: 'Ja, bekräfta mottagandet',
      no: 'Avbryt',
      onYes: async () => {
        const protectionAssessment = noteText ? { result: chosen.value, note: noteText } : { result: chosen.value };
        await api(`/api/cases/${encodeURIComponent(c.id)}/acknowledge`, { method: 'POST', body: { protectionAssessment } });
        await context.reload('Mottagandet är bekräftat.');
      },
      onNo: () => {
        block.replaceChildren(...intro);
        start.focus();
      },
    });
    block.replaceChildren(box);
    box.querySelector<HTMLElement>('h3')?.focus();
  });
  return block;
}

export function feedbackBlock(context: ActionContext, c: CaseSummary): HTMLElement {
  const block = el('div', { class: 'action', id: 'feedback' });
  const form = el('form', { novalidate: '', 'aria-labelledby': 'feedback-title' });
  const legendId = 'feedback-outcome';
  const fieldset = el('fieldset', { class: 'field', id: legendId }, el('legend', {}, 'Vad blev utfallet? ', el('span', { class: 'req', 'aria-hidden': 'true' }, '*')));
  const choices = el('div', { class: 'choices' });
  for (const outcome of Object.keys(T.outcomes) as Outcome[]) {
    const id = `outcome-${outcome}`;
    choices.append(
      el(
        'div',
        { class: 'choice' },
        el('input', { type: 'radio', name: 'outcome', id, value: outcome, required: '' }),
        el('label', { for: id }, T.outcomes[outcome], el('span', { class: 'help' }, ` – ${T.outcomeHelp[outcome]}`)),
      ),
    );
  }
  const outcomeError = el('p', { class: 'error', id: 'outcome-error', hidden: '' });
  fieldset.append(outcomeError, choices);
  const note = el('textarea', { id: 'feedback-note', name: 'note', rows: '4', maxlength: '2000', 'aria-describedby': 'feedback-note-help' });
  const noteField = el(
    'div',
    { class: 'field' },
    el('label', { for: 'feedback-note' }, 'Anteckning (frivillig)'),
    el('p', { class: 'help', id: 'feedback-note-help' }, 'Bara för teamet: anteckningen skickas inte till anmälaren. Högst 2000 tecken.'),
    note,
  );
  const next = el('button', { type: 'submit' }, 'Granska och skicka…');
  form.append(fieldset, noteField, el('div', { class: 'actions' }, next));
  const intro = [
    el('h3', { id: 'feedback-title' }, 'Återkoppling till anmälaren'),
    el('p', {}, 'När du lämnar återkoppling får anmälaren ett mejl med utfallet (bara utfallet), anmälan avslutas och påminnelserna upphör.'),
    form,
  ];
  block.append(...intro);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = form.querySelector<HTMLInputElement>('input[name=outcome]:checked')?.value as Outcome | undefined;
    if (!chosen) {
      outcomeError.hidden = false;
      outcomeError.replaceChildren(el('span', { class: 'visually-hidden' }, 'Fel: '), 'Välj ett utfall.');
      fieldset.classList.add('has-error');
      fieldset.setAttribute('aria-describedby', 'outcome-error');
      form.querySelector<HTMLInputElement>('input[name=outcome]')?.focus();
      return;
    }
    outcomeError.hidden = true;
    fieldset.classList.remove('has-error');
    fieldset.removeAttribute('aria-describedby');
    const noteText = note.value.trim();
    const box = confirmStep(context, {
      title: `Skicka återkoppling för ${c.reference}?`,
      text: [
        `Utfall: ${T.outcomes[chosen]}.`,
        noteText ? `Anteckning (bara för teamet): ${noteText}` : 'Ingen anteckning.',
        'Anmälaren får ett mejl med utfallet. Anmälan avslutas och kan inte öppnas igen här.',
      ],
      yes: 'Ja, skicka återkopplingen',
      no: 'Ändra',
      onYes: async () => {
        await api(`/api/cases/${encodeURIComponent(c.id)}/feedback`, { method: 'POST', body: { outcome: chosen, note: noteText } });
        await context.reload('Återkopplingen är registrerad och anmälan är avslutad. Anmälaren får ett mejl med utfallet.');
      },
      onNo: () => {
        block.replaceChildren(...intro);
        form.querySelector<HTMLInputElement>('input[name=outcome]:checked')?.focus();
      },
    });
    block.replaceChildren(box);
    box.querySelector<HTMLElement>('h3')?.focus();
  });
  return block;
}
