// The board's figures page (GET /stats) and its content (GET /api/stats.html). The page is a shell like the
// portal's: it holds no figures, and its script (web/client/stats.ts) loads the content with the portal's sign-in
// token. The content is rendered here, on the server: SVG charts with a table beside each, printable.
import type { Directory } from '../../core/directory/directory.ts';
import type { BoardSummary } from '../../core/domain/figures-summary.ts';
import { NO_AREA } from '../../core/domain/figures.ts';
import { html as htmlResponse, type HttpResponse } from '../../core/http/responses.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { chartWithTable, shown } from './figures-charts.ts';

export function renderStatsPage(period: { from: string; to: string }): HttpResponse {
  const body = html`<h1>Siffror för nämnden</h1>
<p>Hur snabbt anmälningar bekräftas och besvaras, per månad, område och team. Inga personuppgifter: ett antal från 1 till 4 visas som ”&lt; 5”.</p>
<form class="figures-period" method="get" action="/stats" data-stats-period>
<div class="field"><label for="stats-from">Från månad</label><input id="stats-from" name="from" type="month" value="${period.from}" required></div>
<div class="field"><label for="stats-to">Till månad</label><input id="stats-to" name="to" type="month" value="${period.to}" required></div>
<div class="actions"><button type="submit">Visa</button> <button type="button" data-stats-csv>Ladda ner som CSV</button> <button type="button" data-stats-print>Skriv ut</button></div>
</form>
<p id="stats-status" role="status" aria-live="polite">Hämtar siffrorna…</p>
<p id="stats-sign-in" class="notice" hidden>Logga in i portalen först, som teamledare eller administratör: <a href="/cases">till portalen</a>. Kom sedan tillbaka hit.</p>
<div id="figures" data-figures></div>`;
  return htmlResponse(200, page({ lang: 'sv', title: 'Siffror för nämnden – orosanmälningar', body, scripts: ['/assets/stats.js'], service: 'Socialtjänsten – portal för orosanmälningar' }));
}

const areaName = (directory: Directory, areaId: string) =>
  areaId === NO_AREA ? 'Utan område (okänd skola)' : (directory.areas.find((a) => a.id === areaId)?.name ?? areaId);
const teamName = (directory: Directory, teamId: string) => directory.teams.find((t) => t.id === teamId)?.name ?? teamId;

/** The figures for the months read, as charts and tables. */
export function renderFigures(summary: BoardSummary, directory: Directory, scope: 'all' | 'teams'): SafeHtml {
  const months = summary.months;
  const percentOf = (share: { percent: number | null; of: number | null }) => (share.percent === null ? '' : `av ${shown(share.of)}`);
  return html`<p class="hint">${scope === 'all' ? 'Alla team i kommunen.' : 'Dina team.'} ${months[0]} – ${months.at(-1)}.</p>
${chartWithTable(
  {
    id: 'reports-by-area',
    title: 'Anmälningar per månad och område',
    categories: months,
    series: summary.areaIds.map((areaId) => ({ name: areaName(directory, areaId), values: summary.reportsByArea[areaId]! })),
  },
  'Månad',
)}
${chartWithTable(
  {
    id: 'acknowledged-in-time',
    title: 'Andel bekräftade i tid (skyddsbedömning)',
    categories: months,
    series: [{ name: 'Bekräftade i tid', values: summary.perMonth.map((m) => m.acknowledgedInTime.percent) }],
    unit: ' %',
    max: 100,
  },
  'Månad',
  'Av månadens anmälningar. Under 5 anmälningar visas ingen andel.',
  { heading: 'Antal anmälningar', values: summary.perMonth.map((m) => percentOf(m.acknowledgedInTime)) },
)}
${chartWithTable(
  {
    id: 'feedback-in-time',
    title: 'Andel med återkoppling i tid',
    categories: months,
    series: [{ name: 'Återkoppling i tid', values: summary.perMonth.map((m) => m.feedbackInTime.percent) }],
    unit: ' %',
    max: 100,
  },
  'Månad',
  'Av anmälningarna som fått återkoppling eller är försenade. Anmälningar som skickats vidare till en annan kommun räknas inte som återkoppling.',
  { heading: 'Antal', values: summary.perMonth.map((m) => percentOf(m.feedbackInTime)) },
)}
${chartWithTable(
  {
    id: 'median-acknowledge',
    title: 'Mediantid till bekräftelse',
    categories: months,
    series: [{ name: 'Timmar (median)', values: summary.perMonth.map((m) => m.medianHoursToAcknowledge) }],
    unit: ' h',
  },
  'Månad',
)}
${chartWithTable(
  {
    id: 'overdue-now',
    title: 'Försenade just nu, per team',
    categories: summary.overdueByTeam.map((t) => teamName(directory, t.teamId)),
    series: [{ name: 'Öppna och försenade', values: summary.overdueByTeam.map((t) => t.openOverdue) }],
  },
  'Team',
  'Öppna anmälningar vars tidsfrist har passerat, bland anmälningarna från de valda månaderna.',
)}`;
}
