// The words of every email. Team and lead emails are in Swedish; the reporter's in the report's language.
import type { Outcome, ReportStatus } from '../domain/report.ts';
import type { OverdueDeadline } from '../domain/follow-up.ts';
import type { Urgency } from '../domain/deadlines.ts';

export interface CommonTexts {
  reference: string;
  status: string;
  statuses: Record<ReportStatus, string>;
  outcomes: Record<Outcome, string>;
  outcome: string;
  doNotReply: string;
  acuteDanger: string;
}

export interface ReporterTexts extends CommonTexts {
  receipt: { subject: (ref: string) => string; intro: string; statusLink: string; next: string };
  outcomeEmail: { subject: (ref: string) => string; intro: (ref: string) => string; statusLink: string };
}

export const reporterTexts: Record<'sv' | 'en', ReporterTexts> = {
  sv: {
    reference: 'Referens',
    status: 'Status',
    statuses: { received: 'Mottagen', acknowledged: 'Mottagen och kvitterad av socialtjänsten', closed: 'Återkoppling lämnad' },
    outcomes: {
      'investigation-opened': 'Utredning inleds',
      'investigation-not-opened': 'Utredning inleds inte',
      'already-ongoing': 'Utredning pågår redan',
    },
    outcome: 'Beslut',
    doNotReply: 'Det här mejlet går inte att svara på.',
    acuteDanger: 'Är ett barn i akut fara: ring 112.',
    receipt: {
      subject: (ref) => `Vi har tagit emot din orosanmälan ${ref}`,
      intro: 'Tack. Socialtjänsten har tagit emot din orosanmälan. Ange referensen om du kontaktar oss om anmälan.',
      statusLink: 'Följ anmälans status',
      next: 'Du får ett nytt mejl när socialtjänsten har lämnat återkoppling.',
    },
    outcomeEmail: {
      subject: (ref) => `Socialtjänsten har lämnat återkoppling på ${ref}`,
      intro: (ref) => `Socialtjänsten har lämnat återkoppling på din orosanmälan ${ref}. Läs den här:`,
      statusLink: 'Läs återkopplingen',
    },
  },
  en: {
    reference: 'Reference',
    status: 'Status',
    statuses: { received: 'Received', acknowledged: 'Received and acknowledged by social services', closed: 'Feedback given' },
    outcomes: {
      'investigation-opened': 'An investigation is opened',
      'investigation-not-opened': 'No investigation is opened',
      'already-ongoing': 'An investigation is already ongoing',
    },
    outcome: 'Decision',
    doNotReply: 'This email cannot be replied to.',
    acuteDanger: 'If a child is in acute danger: call 112.',
    receipt: {
      subject: (ref) => `We have received your concern report ${ref}`,
      intro: 'Thank you. Social services have received your concern report. Quote the reference if you contact us about it.',
      statusLink: 'Follow the status of the report',
      next: 'You will get another email when social services have given their feedback.',
    },
    outcomeEmail: {
      subject: (ref) => `Social services have given feedback on ${ref}`,
      intro: (ref) => `Social services have given feedback on your concern report ${ref}. Read it here:`,
      statusLink: 'Read the feedback',
    },
  },
};

/** Texts of the emails to the team and its lead (Swedish). */
export const teamTexts = {
  reference: 'Referens',
  school: 'Skola',
  unknownSchool: (team: string) => `Okänd skola – skickad till reservteamet ${team}. Kontrollera vem som ska ha anmälan.`,
  unknownSchoolShort: 'okänd skola',
  urgency: 'Brådska',
  urgencies: { normal: 'Inte akut', urgent: 'Brådskande – ska bedömas i dag' } satisfies Record<Urgency, string>,
  acknowledgeBy: 'Kvittera senast',
  feedbackBy: 'Återkoppling senast',
  portalLink: 'Öppna anmälan i portalen',
  privacy: 'Mejlet innehåller inga uppgifter om barnet. Logga in i portalen för att läsa anmälan.',
  doNotReply: 'Det här mejlet går inte att svara på.',
  alert: {
    subject: (ref: string, school: string, urgent: boolean) => `${urgent ? 'BRÅDSKANDE: ' : ''}Ny orosanmälan ${ref} – ${school}`,
    intro: (team: string) => `En ny orosanmälan har kommit till ${team}.`,
  },
  reminder: {
    subject: (ref: string, due: string) => `Påminnelse: återkoppling för ${ref} senast ${due}`,
    intro: 'Återkopplingen till anmälaren är inte lämnad ännu. Tidsgränsen närmar sig.',
  },
  escalation: {
    subject: (ref: string, overdue: string) => `Eskalering: ${ref} har passerat ${overdue}`,
    intro: (team: string) => `En orosanmälan till ${team} har passerat en tidsgräns utan åtgärd.`,
    overdue: 'Försenat',
    overdueNames: { acknowledge: 'kvittens', feedback: 'återkoppling' } satisfies Record<OverdueDeadline, string>,
    overdueSubject: (names: string[]) =>
      names.length > 1 ? `tidsgränserna för ${names.join(' och ')}` : `tidsgränsen för ${names[0] ?? 'åtgärd'}`,
    deadlineWas: (name: string, at: string) => `${name} (senast ${at})`,
    waited: 'Har väntat',
    waitedValue: (hours: number, workingDays: number) =>
      `${hours} ${hours === 1 ? 'timme' : 'timmar'} (${workingDays} ${workingDays === 1 ? 'arbetsdag' : 'arbetsdagar'})`,
    count: 'Eskalering nr',
  },
} as const;
