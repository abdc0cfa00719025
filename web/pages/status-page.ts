// The reporter's status page: where the report is, and the outcome once there is one. No report content.
import type { ReporterStatus } from '../../functions/status/handler.ts';
import { formatLocal } from '../format.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';

const TEXTS = {
  sv: {
    title: 'Status för din orosanmälan',
    reference: 'Referens',
    submitted: 'Skickad',
    steps: { received: 'Mottagen av socialtjänsten', acknowledged: 'Mottagandet bekräftat', closed: 'Återkoppling lämnad' },
    feedbackBy: 'Återkoppling senast',
    outcome: 'Återkoppling',
    outcomes: {
      'investigation-opened': 'Socialtjänsten har inlett en utredning.',
      'investigation-not-opened': 'Socialtjänsten har beslutat att inte inleda en utredning.',
      'already-ongoing': 'En utredning pågår redan.',
    },
    note: 'Sidan visar bara status, aldrig innehållet i anmälan.',
  },
  en: {
    title: 'Status of your concern report',
    reference: 'Reference',
    submitted: 'Sent',
    steps: { received: 'Received by social services', acknowledged: 'Receipt confirmed', closed: 'Feedback given' },
    feedbackBy: 'Feedback by',
    outcome: 'Feedback',
    outcomes: {
      'investigation-opened': 'Social services have opened an investigation.',
      'investigation-not-opened': 'Social services have decided not to open an investigation.',
      'already-ongoing': 'An investigation is already ongoing.',
    },
    note: 'This page shows the status only, never the content of the report.',
  },
} as const;

export function renderStatusPage(status: ReporterStatus): string {
  const lang = status.language;
  const t = TEXTS[lang];
  const body = html`<h1>${t.title}</h1>
<p class="reference">${t.reference}: <strong>${status.reference}</strong></p>
<p>${t.submitted}: ${formatLocal(status.submittedAt, lang)}</p>
<p class="status"><strong>${t.steps[status.status]}</strong></p>
${status.outcome
  ? html`<h2>${t.outcome}</h2><p class="outcome">${t.outcomes[status.outcome]}</p>`
  : html`<p>${t.feedbackBy}: ${formatLocal(status.feedbackBy, lang)}</p>`}
<p class="help">${t.note}</p>`;
  return page({ lang, title: `${t.title} – ${status.reference}`, body });
}
