// The status page's words (sv, en), in the one shape the project's texts use (forms/concern-report/labels.ts):
// the keys once, in StatusTexts, and each language's words under it. Each outcome the reporter may be told has its
// own words: "confidential" is said only where there is an investigation, and a forwarded report never names the
// municipality.
import type { ReporterOutcome } from '../../core/domain/outcomes.ts';
import type { Language } from '../../forms/concern-report/schema.ts';

type Told = Exclude<ReporterOutcome, null>;

export interface StatusTexts {
  title: string;
  reference: string;
  now: string;
  /** Where the report is now, by its status. */
  current: Record<'received' | 'acknowledged' | 'closed', string>;
  stepsTitle: string;
  sent: string;
  acknowledged: string;
  feedback: string;
  done: string;
  waiting: string;
  skipped: string;
  by: string;
  outcome: string;
  outcomes: Record<Told, { text: string; note?: string }>;
  note: string;
  acute: string;
  /** The thread with social services: the reporter's messages and the team's questions. */
  thread: Record<'title' | 'empty' | 'fromTeam' | 'fromYou' | 'label' | 'help' | 'send' | 'problem' | 'errorPrefix' | 'invalid' | 'closed' | 'newReport', string>;
}

export const statusTexts: Record<Language, StatusTexts> = {
  sv: {
    title: 'Status för din orosanmälan',
    reference: 'Referens',
    now: 'Läget just nu',
    current: {
      received: 'Socialtjänsten har tagit emot anmälan.',
      acknowledged: 'Socialtjänsten har bekräftat att de tagit emot anmälan och arbetar med den.',
      closed: 'Socialtjänsten har avslutat sitt arbete med anmälan.',
    },
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
      'investigation-opened': { text: 'Socialtjänsten har inlett en utredning.', note: 'Socialtjänsten lämnar inte ut mer än så: vad utredningen gäller omfattas av sekretess.' },
      'investigation-not-opened': { text: 'Socialtjänsten har beslutat att inte inleda en utredning.', note: 'Är du fortfarande orolig, eller får du veta mer: gör en ny orosanmälan.' },
      'already-ongoing': { text: 'En utredning pågår redan.', note: 'Det du anmälde tas med i den. Socialtjänsten lämnar inte ut mer än så: vad utredningen gäller omfattas av sekretess.' },
      'forwarded-to-responsible-municipality': { text: 'Anmälan har skickats vidare till den kommun som ansvarar för barnet. Den kommunen lämnar återkoppling till dig.' },
      closed: { text: 'Socialtjänsten har avslutat ärendet utan återkoppling här.' },
    },
    note: 'Sidan visar bara status, aldrig innehållet i anmälan. Dela inte länken: den som har den kan läsa och skriva här.',
    acute: 'Är ett barn i akut fara: ring 112.',
    thread: {
      title: 'Frågor och tillägg',
      empty: 'Inga meddelanden ännu. Här kan socialtjänsten ställa frågor till dig, och du kan lägga till sådant du får veta senare.',
      fromTeam: 'Socialtjänsten',
      fromYou: 'Du',
      label: 'Svara eller lägg till information',
      help: 'Skriv bara det socialtjänsten behöver veta. Högst 5 000 tecken. Socialtjänsten får ett meddelande om att du har skrivit.',
      send: 'Skicka',
      problem: 'Meddelandet skickades inte',
      errorPrefix: 'Fel: ',
      invalid: 'Skriv ett meddelande med synlig text, högst 5 000 tecken och utan styrtecken.',
      closed: 'Anmälan är avslutad och tar inte emot fler meddelanden. Vill du berätta mer för socialtjänsten: gör en ny orosanmälan.',
      newReport: 'Gör en ny orosanmälan',
    },
  },
  en: {
    title: 'Status of your concern report',
    reference: 'Reference',
    now: 'Where it is now',
    current: {
      received: 'Social services have received the report.',
      acknowledged: 'Social services have confirmed receipt and are working on it.',
      closed: 'Social services have finished their work on the report.',
    },
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
      'investigation-opened': { text: 'Social services have opened an investigation.', note: 'Social services say no more than this: what an investigation is about is confidential.' },
      'investigation-not-opened': { text: 'Social services have decided not to open an investigation.', note: 'If you are still worried, or learn more, make a new concern report.' },
      'already-ongoing': { text: 'An investigation is already ongoing.', note: 'What you reported is taken into it. Social services say no more than this: what an investigation is about is confidential.' },
      'forwarded-to-responsible-municipality': { text: 'The report has been forwarded to the municipality responsible for the child. That municipality gives you feedback.' },
      closed: { text: 'Social services have closed the matter without feedback here.' },
    },
    note: 'This page shows the status only, never the content of the report. Do not share the link: whoever has it can read and write here.',
    acute: 'If a child is in acute danger: call 112.',
    thread: {
      title: 'Questions and additions',
      empty: 'No messages yet. Here social services can ask you questions, and you can add what you learn later.',
      fromTeam: 'Social services',
      fromYou: 'You',
      label: 'Answer or add information',
      help: 'Write only what social services need to know. At most 5,000 characters. Social services are told that you have written.',
      send: 'Send',
      problem: 'The message was not sent',
      errorPrefix: 'Error: ',
      invalid: 'Write a message with visible text, at most 5,000 characters and without control characters.',
      closed: 'The report is closed and takes no more messages. To tell social services more, make a new concern report.',
      newReport: 'Make a new concern report',
    },
  },
};
