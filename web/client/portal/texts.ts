// The portal's words (Swedish), and the audit trail's details and email keys in words.
import { concernReportTexts } from '../../../forms/concern-report/labels.ts';
import type { AuditEvent, Outcome, Status } from './contract.ts';

export const labels = concernReportTexts.sv;

export const T = {
  portal: 'Portal – orosanmälningar',
  loading: 'Laddar…',
  statuses: { received: 'Ny – mottagandet inte bekräftat', acknowledged: 'Mottagandet bekräftat – återkoppling återstår', closed: 'Avslutad – återkoppling lämnad' } as Record<Status, string>,
  outcomes: {
    'investigation-opened': 'Utredning inleds',
    'investigation-not-opened': 'Utredning inleds inte',
    'already-ongoing': 'Utredning pågår redan',
  } as Record<Outcome, string>,
  outcomeHelp: {
    'investigation-opened': 'Socialtjänsten har beslutat att inleda en utredning.',
    'investigation-not-opened': 'Socialtjänsten har beslutat att inte inleda en utredning.',
    'already-ongoing': 'Barnet har redan en pågående utredning.',
  } as Record<Outcome, string>,
  actions: {
    submitted: 'Anmälan inkom',
    viewed: 'Öppnad i portalen',
    acknowledged: 'Mottagandet bekräftat',
    'feedback-recorded': 'Återkoppling registrerad',
    'reminder-sent': 'Påminnelse skickad',
    escalated: 'Eskalerad till teamledaren',
    'email-sent': 'E-post skickad',
  } as Record<string, string>,
  actors: { reporter: 'Anmälaren', system: 'Systemet' } as Record<string, string>,
};

/** The audit event's detail in words (ids and categories only ever reach it). */
export function auditDetail(detail: AuditEvent['detail']): string {
  if (!detail) return '';
  const parts: string[] = [];
  if (detail.urgency === 'urgent' || detail.urgency === 'normal') parts.push(labels.urgency[detail.urgency]);
  if (detail.routedToFallback === true) parts.push('okänd skola, till reservteamet');
  if (typeof detail.outcome === 'string' && detail.outcome in T.outcomes) parts.push(T.outcomes[detail.outcome as Outcome]);
  if (typeof detail.email === 'string') parts.push(emailName(detail.email));
  if (typeof detail.kind === 'string') parts.push(emailName(detail.kind));
  return parts.join(', ');
}

/** "alert:sara@…" → "larm till sara@…", "receipt" → "kvitto till anmälaren", … */
export function emailName(key: string): string {
  const [kind, to] = key.split(':');
  const names: Record<string, string> = {
    alert: 'larm',
    receipt: 'kvitto till anmälaren',
    outcome: 'utfall till anmälaren',
    reminder: 'påminnelse',
  };
  const base = kind?.startsWith('escalation') ? `eskalering ${kind.split('#')[1] ?? ''}`.trim() : (names[kind ?? ''] ?? key);
  return to ? `${base} till ${to}` : base;
}

