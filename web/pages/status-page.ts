// The reporter's status page: where the report is, its deadlines in every state, what the reporter may be told of
// the outcome, and the thread with a form to answer or add information (a plain form post: works without
// JavaScript). No report content. Each step says its state in words (done, waiting), not by colour alone.
import type { ReporterStatus } from '../../core/app/reporter-status.ts';
import type { FieldError } from '../../core/app/errors.ts';
import { formatLocal } from '../format.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';
import { statusTexts } from './status-texts.ts';

export interface StatusPageOptions {
  /** The token of the link the page was opened with: the answer form posts back to it. */
  token: string;
  /** A refused message: its error and what was typed, shown again at the field. */
  error?: { errors: FieldError[]; text: string };
}

export function renderStatusPage(status: ReporterStatus, options: StatusPageOptions): string {
  const lang = status.language;
  const t = statusTexts[lang];
  const time = (iso: string) => html`<time datetime="${iso}">${formatLocal(iso, lang)}</time>`;
  const step = (done: boolean, title: string, detail: ReturnType<typeof html> | string) =>
    html`<li class="${done ? 'done' : 'waiting'}"><strong>${title}</strong><span class="state">${done ? t.done : t.waiting}: ${detail}</span></li>`;
  const closed = status.status === 'closed';
  const acknowledgedStep = status.acknowledgedAt
    ? step(true, t.acknowledged, time(status.acknowledgedAt))
    : closed
      ? step(true, t.acknowledged, t.skipped)
      : step(false, t.acknowledged, html`${t.by} ${time(status.acknowledgeBy)}`);
  const closedAt = status.feedbackAt ?? status.closedAt;
  const feedbackStep = closed && closedAt ? step(true, t.feedback, time(closedAt)) : step(false, t.feedback, html`${t.by} ${time(status.feedbackBy)}`);
  const outcome = status.outcome ? t.outcomes[status.outcome] : null;

  const body = html`<h1>${t.title}</h1>
<div class="panel${closed ? ' panel-success' : ''}">
<p class="reference">${t.reference}: <strong>${status.reference}</strong></p>
<h2>${t.now}</h2>
<p class="status"><strong>${t.current[status.status]}</strong></p>
</div>
${outcome ? html`<h2>${t.outcome}</h2><p class="outcome"><strong>${outcome.text}</strong></p>${outcome.note ? html`<p>${outcome.note}</p>` : ''}` : ''}
<h2>${t.stepsTitle}</h2>
<ol class="steps">
${step(true, t.sent, time(status.submittedAt))}
${acknowledgedStep}
${feedbackStep}
</ol>
${renderThread(status, options)}
<p class="help">${t.note}</p>
<p class="acute"><strong>${t.acute}</strong></p>`;
  return page({ lang, title: `${t.title} – ${status.reference}`, body });
}

function renderThread(status: ReporterStatus, options: StatusPageOptions) {
  const lang = status.language;
  const t = statusTexts[lang];
  const messages = status.thread.length
    ? html`<ol class="thread">${status.thread.map(
        (entry) =>
          html`<li><p><strong>${entry.from === 'team' ? t.thread.fromTeam : t.thread.fromYou}</strong>, <time datetime="${entry.at}">${formatLocal(entry.at, lang)}</time></p><p class="pre">${entry.text}</p></li>`,
      )}</ol>`
    : html`<p>${t.thread.empty}</p>`;
  if (status.status === 'closed') {
    return html`<section aria-labelledby="thread-title" id="thread"><h2 id="thread-title">${t.thread.title}</h2>${messages}<p class="notice">${t.thread.closed} <a href="${lang === 'en' ? '/en' : '/'}">${t.thread.newReport}</a></p></section>`;
  }
  // The API's messages are English; the page says it in the reader's language.
  const error = options.error ? t.thread.invalid : undefined;
  const action = `/api/status/${encodeURIComponent(options.token)}/messages`;
  return html`<section aria-labelledby="thread-title" id="thread"><h2 id="thread-title">${t.thread.title}</h2>${messages}
${error ? html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary"><h2>${t.thread.problem}</h2><p><a href="#message-text">${t.thread.label}: ${error}</a></p></div>` : ''}
<form method="post" action="${action}" class="thread-form">
<div class="field${error ? ' has-error' : ''}">
<label for="message-text">${t.thread.label}</label>
<p class="help" id="message-text-help">${t.thread.help}</p>
${error ? html`<p class="error" id="message-text-error"><span class="visually-hidden">${t.thread.errorPrefix}</span>${error}</p>` : ''}
<textarea id="message-text" name="text" rows="6" maxlength="5000" required aria-describedby="message-text-help${error ? ' message-text-error' : ''}"${error ? html` aria-invalid="true"` : ''}>${options.error?.text ?? ''}</textarea>
</div>
<button type="submit">${t.thread.send}</button>
</form></section>`;
}
