// The reporter's status page: where the report is, and the outcome once there is one. No report content.
// Each step says its state in words (done, waiting), not by colour alone.
import type { ReporterStatus } from '../../core/app/reporter-status.ts';
import { formatLocal } from '../format.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';

const TEXTS = {
  sv: {
    title: 'Status för din orosanmälan',
    reference: 'Referens',
    now: 'Läget just nu',
    current: { received: 'Socialtjänsten har tagit emot anmälan.', acknowledged: 'Socialtjänsten har bekräftat att de tagit emot anmälan och arbetar med den.', closed: 'Socialtjänsten har lämnat återkoppling.' },
    stepsTitle: 'Steg',
    sent: 'Anmälan skickad',
    acknowledged: 'Mottagandet bekräftat av socialtjänsten',
    feedback: 'Återkoppling till dig',
    done: 'Klart',
    waiting: 'Väntar',
    skipped: 'Återkoppling lämnades direkt',
    by: 'senast',
    outcome: 'Återkoppling',
    outcomes: {
      'investigation-opened': 'Socialtjänsten har inlett en utredning.',
      'investigation-not-opened': 'Socialtjänsten har beslutat att inte inleda en utredning.',
      'already-ongoing': 'En utredning pågår redan.',
    },
    outcomeNote: 'Socialtjänsten lämnar inte ut mer än så: vad utredningen gäller omfattas av sekretess.',
    note: 'Sidan visar bara status, aldrig innehållet i anmälan. Länken till sidan finns i ditt kvittomejl.',
    acute: 'Är ett barn i akut fara: ring 112.',
  },
  en: {
    title: 'Status of your concern report',
    reference: 'Reference',
    now: 'Where it is now',
    current: { received: 'Social services have received the report.', acknowledged: 'Social services have confirmed receipt and are working on it.', closed: 'Social services have given feedback.' },
    stepsTitle: 'Steps',
    sent: 'Report sent',
    acknowledged: 'Receipt confirmed by social services',
    feedback: 'Feedback to you',
    done: 'Done',
    waiting: 'Waiting',
    skipped: 'Feedback was given straight away',
    by: 'by',
    outcome: 'Feedback',
    outcomes: {
      'investigation-opened': 'Social services have opened an investigation.',
      'investigation-not-opened': 'Social services have decided not to open an investigation.',
      'already-ongoing': 'An investigation is already ongoing.',
    },
    outcomeNote: 'Social services say no more than this: what an investigation is about is confidential.',
    note: 'This page shows the status only, never the content of the report. The link to it is in your receipt email.',
    acute: 'If a child is in acute danger: call 112.',
  },
} as const;

export function renderStatusPage(status: ReporterStatus): string {
  const lang = status.language;
  const t = TEXTS[lang];
  const time = (iso: string) => html`<time datetime="${iso}">${formatLocal(iso, lang)}</time>`;
  const step = (done: boolean, title: string, detail: ReturnType<typeof html> | string) =>
    html`<li class="${done ? 'done' : 'waiting'}"><strong>${title}</strong><span class="state">${done ? t.done : t.waiting}: ${detail}</span></li>`;
  const acknowledgedStep = status.acknowledgedAt
    ? step(true, t.acknowledged, time(status.acknowledgedAt))
    : status.status === 'closed'
      ? step(true, t.acknowledged, t.skipped)
      : step(false, t.acknowledged, '–');
  const feedbackStep = status.feedbackAt ? step(true, t.feedback, time(status.feedbackAt)) : step(false, t.feedback, html`${t.by} ${time(status.feedbackBy)}`);

  const body = html`<h1>${t.title}</h1>
<div class="panel${status.status === 'closed' ? ' panel-success' : ''}">
<p class="reference">${t.reference}: <strong>${status.reference}</strong></p>
<h2>${t.now}</h2>
<p class="status"><strong>${t.current[status.status]}</strong></p>
</div>
${status.outcome ? html`<h2>${t.outcome}</h2><p class="outcome"><strong>${t.outcomes[status.outcome]}</strong></p><p>${t.outcomeNote}</p>` : ''}
<h2>${t.stepsTitle}</h2>
<ol class="steps">
${step(true, t.sent, time(status.submittedAt))}
${acknowledgedStep}
${feedbackStep}
</ol>
<p class="help">${t.note}</p>
<p class="acute"><strong>${t.acute}</strong></p>`;
  return page({ lang, title: `${t.title} – ${status.reference}`, body });
}
