// One report on the portal's list: reference and school, badges, the child's initials and grade, the next step and
// its deadline. Text only (textContent), never HTML.
import type { CaseList, CaseSummary } from './contract.ts';
import { badge, el, timeEl, when } from './dom.ts';
import { labels, T } from './texts.ts';

export function nextStep(c: CaseSummary): string {
  if (c.status === 'received') return 'Bekräfta mottagandet';
  if (c.status === 'acknowledged') return 'Lämna återkoppling';
  return 'Inget kvar att göra';
}

export function caseCard(c: CaseList['cases'][number]): HTMLLIElement {
  const school = c.schoolName ?? 'Okänd skola';
  const badges = el('p', { class: 'badges' });
  if (c.overdue) badges.append(badge('Försenad', 'overdue'));
  if (c.urgency === 'urgent') badges.append(badge('Brådskande', 'urgent'));
  if (c.routedToFallback) badges.append(badge('Okänd skola – kontrollera mottagare', 'fallback'));
  if (c.status === 'closed') badges.append(badge('Avslutad', 'closed'));
  const due =
    c.nextDeadline !== null
      ? el('p', { class: 'due' }, c.overdue ? el('span', { class: 'overdue-text' }, 'Frist passerad: ') : '', `${nextStep(c)} senast `, timeEl(c.nextDeadline))
      : el('p', { class: 'due' }, `Återkoppling lämnad: ${c.outcome ? T.outcomes[c.outcome] : '–'}`);
  const categories = c.categories.map((k) => labels.categories[k as keyof typeof labels.categories] ?? k).join(', ');
  return el(
    'li',
    { class: `case${c.overdue ? ' overdue' : ''}` },
    el('h3', {}, el('a', { href: `/cases/${encodeURIComponent(c.id)}` }, `${c.reference} – ${school}`)),
    badges.childNodes.length ? badges : null,
    el('p', { class: 'child' }, `Barn: ${c.childInitials || '–'}${c.grade ? `, årskurs ${c.grade}` : ''}. Handläggare: ${c.assignee ?? 'ingen'}.`),
    due,
    el('p', { class: 'meta' }, `Inkom ${when(c.submittedAt)}. ${T.statuses[c.status]}. Gäller: ${categories}.`),
  );
}
