// Every email notify sends, as plain text and HTML. Privacy by construction: a template sees only
// EmailFacts (ids, reference, school, urgency, deadlines, status, outcome category), never the submission,
// so no email can carry the child's name, identity number, the concern's text or the reporter's name.
// Every value is escaped in HTML (web/html.ts); subjects are made header-safe again by the mailer.
import type { Outcome, Report, ReportStatus } from '../domain/report.ts';
import type { Urgency } from '../domain/deadlines.ts';
import { html, SafeHtml } from '../markup/html.ts';
import { formatLocal } from '../markup/format.ts';
import { headerSafe } from './header-safe.ts';
import { reporterTexts, teamTexts } from './texts.ts';

export type EmailKind =
  | 'alert'
  | 'receipt'
  | 'outcome'
  | 'out-of-hours-alert'
  | 'notice'
  // The reporter's side (reporter-notices.ts).
  | 'receipt-without-link'
  | 'status-link'
  | 'question'
  | 'reporter-message';

/** What an email may know about a report. Nothing from the submitted form except the school's id. */
export interface EmailFacts {
  id: string;
  reference: string;
  language: 'sv' | 'en';
  urgency: Urgency;
  /** From the directory; null when the school was unknown and the report went to the fallback team. */
  schoolName: string | null;
  routedToFallback: boolean;
  teamName: string;
  acknowledgeBy: string;
  feedbackBy: string;
  status: ReportStatus;
  outcome?: Outcome;
  escalationCount: number;
}

export function emailFacts(report: Report, teamName: string): EmailFacts {
  return {
    id: report.id,
    reference: report.reference,
    language: report.language === 'en' ? 'en' : 'sv',
    urgency: report.urgency,
    schoolName: report.routedToFallback ? null : report.schoolName,
    routedToFallback: report.routedToFallback,
    teamName,
    acknowledgeBy: report.acknowledgeBy,
    feedbackBy: report.feedbackBy,
    status: report.status,
    ...(report.feedback ? { outcome: report.feedback.outcome } : {}),
    escalationCount: report.escalationCount,
  };
}

export interface Links {
  /** PUBLIC_URL, without a trailing slash. */
  publicUrl: string;
  /** The reporter's signed status token (reporter emails only). */
  statusToken?: string;
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** One email's parts; rendered to text and HTML by the same code, so both say the same. */
export interface Layout {
  lang: 'sv' | 'en';
  subject: string;
  intro: string;
  rows: Array<[label: string, value: string]>;
  /** Null only for the receipt of a reporter the directory does not trust (no status link). */
  link: { label: string; url: string } | null;
  notes: string[];
}

export const portalUrl = (facts: EmailFacts, links: Links) => `${trimSlash(links.publicUrl)}/cases/${encodeURIComponent(facts.id)}`;

export function statusUrl(links: Links): string {
  if (!links.statusToken) throw new Error('a reporter email needs the status token');
  return `${trimSlash(links.publicUrl)}/status/${encodeURIComponent(links.statusToken)}`;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** A short local time for subjects: "9 dec. 17:00". */
function shortLocal(iso: string, lang: 'sv' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: 'Europe/Stockholm',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function schoolRow(facts: EmailFacts): [string, string] {
  return [teamTexts.school, facts.schoolName ?? teamTexts.unknownSchool(facts.teamName)];
}

export function alertEmail(facts: EmailFacts, links: Links): EmailContent {
  const t = teamTexts;
  return render({
    lang: 'sv',
    subject: t.alert.subject(facts.reference, facts.schoolName ?? t.unknownSchoolShort, facts.urgency === 'urgent'),
    intro: t.alert.intro(facts.teamName),
    rows: [
      [t.reference, facts.reference],
      schoolRow(facts),
      [t.urgency, t.urgencies[facts.urgency]],
      [t.acknowledgeBy, formatLocal(facts.acknowledgeBy, 'sv')],
      [t.feedbackBy, formatLocal(facts.feedbackBy, 'sv')],
    ],
    link: { label: t.portalLink, url: portalUrl(facts, links) },
    notes: [t.privacy, t.doNotReply],
  });
}

/** `callNow`: the line telling the reporter of an urgent report outside office hours to call the out-of-hours service. */
export function receiptEmail(facts: EmailFacts, links: Links, callNow?: string): EmailContent {
  const t = reporterTexts[facts.language];
  return render({
    lang: facts.language,
    subject: t.receipt.subject(facts.reference),
    intro: t.receipt.intro,
    rows: [
      [t.reference, facts.reference],
      [t.status, t.statuses[facts.status]],
    ],
    link: { label: t.receipt.statusLink, url: statusUrl(links) },
    notes: [...(callNow ? [callNow] : []), t.receipt.next, t.acuteDanger, t.doNotReply],
  });
}

/** A notice, never the outcome: feedback is confidential at the school's end too (prop. 2025/26:12). */
export function outcomeEmail(facts: EmailFacts, links: Links): EmailContent {
  const t = reporterTexts[facts.language];
  return render({
    lang: facts.language,
    subject: t.outcomeEmail.subject(facts.reference),
    intro: t.outcomeEmail.intro(facts.reference),
    rows: [[t.reference, facts.reference]],
    link: { label: t.outcomeEmail.statusLink, url: statusUrl(links) },
    notes: [t.acuteDanger, t.doNotReply],
  });
}

export function render(layout: Layout): EmailContent {
  const text = [
    layout.intro,
    '',
    ...layout.rows.map(([label, value]) => `${label}: ${value}`),
    '',
    ...(layout.link ? [`${layout.link.label}:`, layout.link.url, ''] : []),
    ...layout.notes,
    '',
  ].join('\n');
  const page: SafeHtml = html`<!doctype html>
<html lang="${layout.lang}">
<head><meta charset="utf-8"><title>${layout.subject}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1b1b1b; max-width: 40em;">
<p>${layout.intro}</p>
<table role="presentation" style="border-collapse: collapse; margin: 0 0 1em;">
${layout.rows.map(
  ([label, value]) =>
    html`<tr><th scope="row" style="text-align: left; padding: 0.25em 1em 0.25em 0; vertical-align: top;">${label}</th><td style="padding: 0.25em 0;">${value}</td></tr>\n`,
)}</table>
${layout.link ? html`<p><a href="${layout.link.url}" style="color: #0b5394;">${layout.link.label}</a></p>\n` : ''}${layout.notes.map((note) => html`<p style="color: #555; font-size: 14px;">${note}</p>\n`)}</body>
</html>
`;
  return { subject: headerSafe(layout.subject), text, html: page.value };
}
