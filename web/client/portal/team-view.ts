// The lead's team view on the list page (GET /api/team): open and overdue reports per person, and the unassigned
// ones, as a table with a caption. Shown only for a team the caller leads.
import type { TeamView } from './contract.ts';
import { el } from './dom.ts';

export function teamViewPanel(view: TeamView): HTMLElement | null {
  const led = view.teams.filter((team) => team.lead);
  if (!led.length) return null;
  return el(
    'section',
    { class: 'panel', id: 'team-view', 'aria-labelledby': 'team-view-title' },
    el('h2', { id: 'team-view-title' }, 'Teamets arbetsläge'),
    // Each table in a region of its own that scrolls on a narrow screen (focusable, so the keyboard can scroll it).
    ...led.map((team) =>
      el('div', { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-label': `Arbetsläge för ${team.name}` }, el(
        'table',
        {},
        el('caption', {}, team.name),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Handläggare'), el('th', { scope: 'col' }, 'Öppna'), el('th', { scope: 'col' }, 'Försenade'))),
        el(
          'tbody',
          {},
          ...(team.rows.length
            ? team.rows.map((row) => el('tr', {}, el('th', { scope: 'row' }, row.assignee ?? 'Ingen handläggare'), el('td', {}, String(row.open)), el('td', {}, String(row.overdue))))
            : [el('tr', {}, el('td', { colspan: '3' }, 'Inga öppna anmälningar.'))]),
        ),
      )),
    ),
  );
}
