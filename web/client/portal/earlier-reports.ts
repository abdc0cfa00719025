// The earlier reports about the same child in the report view (issue 12): within the board, still in retention;
// a name-and-birth-date match says "möjlig"; only the caller's team's reports are links.
import type { CaseDetail } from './contract.ts';
import { el, when } from './dom.ts';
import { T } from './texts.ts';

export function earlierReportsSection(data: CaseDetail): HTMLElement {
  const items = data.earlierReports.map((r) =>
    el(
      'li',
      {},
      r.id ? el('a', { href: `/cases/${encodeURIComponent(r.id)}` }, r.reference) : r.reference,
      ` – inkom ${when(r.submittedAt)}, ${r.teamName}, ${T.statuses[r.status]}`,
      r.possible ? el('strong', {}, ' – möjlig träff (namn och födelsedatum)') : ' – samma personnummer',
    ),
  );
  return el(
    'section',
    { 'aria-labelledby': 'earlier-title', id: 'earlier-reports' },
    el('h2', { id: 'earlier-title' }, 'Tidigare anmälningar om barnet'),
    items.length ? el('ul', {}, ...items) : el('p', {}, 'Inga tidigare anmälningar om barnet inom nämnden.'),
  );
}
