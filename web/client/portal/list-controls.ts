// The list's search and filters (issue 12): search by reference or the child's name (sent as a POST body, never
// in a URL), urgency, assignee (mine, unassigned), overdue. Labelled controls in one form, usable by keyboard;
// the choice lives in memory only, so the child's name never reaches the address bar or the history.
import { el } from './dom.ts';

export interface ListChoice {
  q?: string;
  urgency?: 'normal' | 'urgent';
  assignee?: 'me' | 'none';
  overdue?: true;
}

/** The request for one page of the list with this choice. */
export function listRequest(choice: ListChoice, status: 'open' | 'closed', cursor?: string): { path: string; init: { method?: string; body?: unknown } } {
  const filters: Record<string, string> = { status };
  if (choice.urgency) filters.urgency = choice.urgency;
  if (choice.assignee) filters.assignee = choice.assignee;
  if (choice.overdue) filters.overdue = 'true';
  if (choice.q) return { path: '/api/cases/search', init: { method: 'POST', body: { ...filters, q: choice.q, ...(cursor ? { cursor } : {}) } } };
  return { path: `/api/cases?${new URLSearchParams({ ...filters, ...(cursor ? { cursor } : {}) })}`, init: {} };
}

export function listControls(choice: ListChoice, apply: (choice: ListChoice) => void): HTMLFormElement {
  const q = el('input', { id: 'list-q', name: 'q', type: 'search', maxlength: '200', value: choice.q ?? '', autocomplete: 'off' });
  const option = (value: string, text: string, current?: string) => el('option', { value, ...(value === (current ?? '') ? { selected: '' } : {}) }, text);
  const urgency = el('select', { id: 'list-urgency', name: 'urgency' }, option('', 'Alla', choice.urgency), option('urgent', 'Brådskande', choice.urgency), option('normal', 'Inte akuta', choice.urgency));
  const assignee = el('select', { id: 'list-assignee', name: 'assignee' }, option('', 'Alla', choice.assignee), option('me', 'Mina', choice.assignee), option('none', 'Ingen handläggare', choice.assignee));
  const overdue = el('input', { id: 'list-overdue', name: 'overdue', type: 'checkbox', ...(choice.overdue ? { checked: '' } : {}) });
  const clear = el('button', { type: 'button', class: 'secondary' }, 'Rensa');
  const form = el(
    'form',
    { class: 'list-controls', role: 'search', 'aria-label': 'Sök och filtrera anmälningar', novalidate: '' },
    el('div', { class: 'field' }, el('label', { for: 'list-q' }, 'Sök på referens eller barnets namn'), q),
    el('div', { class: 'field' }, el('label', { for: 'list-urgency' }, 'Brådska'), urgency),
    el('div', { class: 'field' }, el('label', { for: 'list-assignee' }, 'Handläggare'), assignee),
    el('div', { class: 'field choice' }, overdue, el('label', { for: 'list-overdue' }, 'Bara försenade')),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Sök'), clear),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next: ListChoice = {};
    if (q.value.trim()) next.q = q.value.trim();
    if (urgency.value === 'urgent' || urgency.value === 'normal') next.urgency = urgency.value;
    if (assignee.value === 'me' || assignee.value === 'none') next.assignee = assignee.value;
    if (overdue.checked) next.overdue = true;
    apply(next);
  });
  clear.addEventListener('click', () => apply({}));
  return form;
}
