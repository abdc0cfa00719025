// The portal's consultations view (/cases?view=consultations, the link in the named contact's alert): the open
// questions of the caller's teams, oldest first, each with a form to answer it. Written with textContent only.
// An answer is sent once; after it the list is loaded again (the answered question leaves it).
import type { OpenConsultation } from '../../../core/app/consultations/answer.ts';
import { api } from './api.ts';
import { ApiError } from './api-error.ts';
import { el, timeEl } from './dom.ts';

export interface ConsultationsContext {
  show: (...nodes: Node[]) => void;
  focusHeading: () => void;
  signedIn: () => void;
  problem: (error: unknown, retry: () => void) => void;
}

/** The link from the reports list to this view. */
export const consultationsLink = () => el('a', { href: '/cases?view=consultations' }, 'Konsultationsfrågor');

export async function showConsultations(ctx: ConsultationsContext, message?: string): Promise<void> {
  ctx.show(el('h1', { tabindex: '-1' }, 'Konsultationsfrågor'), el('p', {}, 'Laddar…'));
  try {
    const { consultations } = await api<{ consultations: OpenConsultation[] }>('/api/consultations?status=open');
    ctx.signedIn();
    const heading = el('h1', { tabindex: '-1' }, 'Konsultationsfrågor');
    const back = el('p', {}, el('a', { href: '/cases' }, '← Anmälningar'));
    const intro = el('p', {}, 'Frågor från skolor där du är med i teamet. Frågorna ska inte peka ut något barn; skriv inte heller barnets identitet i svaret. Den som frågade får ett mejl med en länk till svaret.');
    const status = el('div', { role: 'status', class: message ? 'panel panel-success' : undefined }, message ? el('p', {}, message) : '');
    const list = consultations.length
      ? el('ul', { class: 'cases consultations' }, ...consultations.map((c) => consultationItem(ctx, c)))
      : el('p', {}, 'Inga obesvarade konsultationsfrågor.');
    document.title = 'Konsultationsfrågor – Portal';
    ctx.show(back, heading, intro, status, el('h2', {}, `Obesvarade (${consultations.length}), äldst först`), list);
    ctx.focusHeading();
  } catch (error) {
    ctx.problem(error, () => void showConsultations(ctx));
  }
}

function consultationItem(ctx: ConsultationsContext, c: OpenConsultation): HTMLLIElement {
  const answerId = `answer-${c.id}`;
  const errorId = `answer-error-${c.id}`;
  const textarea = el('textarea', { id: answerId, name: 'text', rows: '5', required: '', maxlength: '5000' });
  const error = el('p', { class: 'error', id: errorId, hidden: '' });
  const button = el('button', { type: 'submit' }, 'Skicka svar');
  const form = el(
    'form',
    { class: 'field', 'data-answer-form': c.id, novalidate: '' },
    el('label', { for: answerId }, `Svar till ${c.reporter.name}`),
    error,
    textarea,
    el('div', { class: 'actions' }, button),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    error.hidden = true;
    try {
      await api(`/api/consultations/${encodeURIComponent(c.id)}/answer`, { method: 'POST', body: { text: textarea.value } });
      await showConsultations(ctx, `Svaret till ${c.reporter.name} (${c.schoolName}) är skickat.`);
    } catch (failure) {
      button.disabled = false;
      if (failure instanceof ApiError && (failure.status === 400 || failure.status === 409)) {
        const fieldError = failure.body?.errors?.find((e) => e.path === 'text')?.message;
        error.textContent = failure.status === 409 ? 'Frågan har redan besvarats.' : `Svar: ${swedish(fieldError ?? failure.body?.message ?? 'är ogiltigt')}`;
        error.hidden = false;
        textarea.setAttribute('aria-invalid', 'true');
        textarea.setAttribute('aria-describedby', errorId);
        textarea.focus();
        return;
      }
      ctx.problem(failure, () => void showConsultations(ctx));
    }
  });
  const question = el('p', { class: 'consultation-text' }, c.question);
  return el(
    'li',
    { class: 'case' },
    el('h3', {}, `${c.schoolName}: fråga från ${c.reporter.name}, ${c.reporter.role}`),
    el('p', {}, 'Ställd ', timeEl(c.askedAt), ' · ', el('a', { href: `mailto:${c.reporter.email}` }, c.reporter.email)),
    question,
    form,
  );
}

function swedish(message: string): string {
  if (message === 'is required' || message === 'Invalid input') return 'måste fyllas i';
  if (message.startsWith('contains a personal identity number')) return 'innehåller ett personnummer; ta bort det';
  return message;
}
