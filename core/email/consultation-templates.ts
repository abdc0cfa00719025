// The two consultation notices (DESIGN.md flow step 10): the school's named contact is alerted with a portal link,
// the asker is told the answer is there with the signed link. Privacy by construction: a template sees only the
// facts below (ids, the school's name, times), never the question, the answer or the asker's name.
import { formatLocal } from '../markup/format.ts';
import { render, type EmailContent } from './templates.ts';

export interface ConsultationEmailFacts {
  language: 'sv' | 'en';
  schoolName: string;
  askedAt: string;
}

const TEXTS = {
  sv: {
    school: 'Skola',
    askedAt: 'Ställd',
    doNotReply: 'Det här mejlet går inte att svara på.',
    alert: {
      subject: (school: string) => `Ny konsultationsfråga – ${school}`,
      intro: 'En skola har ställt en konsultationsfråga till dig som skolans kontaktperson. Frågan ska inte identifiera något barn.',
      link: 'Läs och svara i portalen',
      privacy: 'Mejlet innehåller inte frågan. Logga in i portalen för att läsa den.',
    },
    answered: {
      subject: 'Svar på din konsultationsfråga',
      intro: 'Socialtjänsten har svarat på din konsultationsfråga.',
      link: 'Läs svaret',
      privacy: 'Mejlet innehåller inte svaret. Länken är personlig: dela den inte.',
      acute: 'Är ett barn i akut fara: ring 112.',
    },
  },
  en: {
    school: 'School',
    askedAt: 'Asked',
    doNotReply: 'This email cannot be replied to.',
    alert: {
      subject: (school: string) => `New consultation question – ${school}`,
      intro: 'A school has asked you, as its named contact, a consultation question. The question must not identify any child.',
      link: 'Read and answer in the portal',
      privacy: 'This email does not contain the question. Sign in to the portal to read it.',
    },
    answered: {
      subject: 'Answer to your consultation question',
      intro: 'Social services have answered your consultation question.',
      link: 'Read the answer',
      privacy: 'This email does not contain the answer. The link is personal: do not share it.',
      acute: 'If a child is in acute danger: call 112.',
    },
  },
} as const;

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** To the school's named contact (in Swedish, like every team email): a link to the portal's consultations. */
export function consultationAlertEmail(facts: ConsultationEmailFacts, publicUrl: string): EmailContent {
  const t = TEXTS.sv;
  return render({
    lang: 'sv',
    subject: t.alert.subject(facts.schoolName),
    intro: t.alert.intro,
    rows: [
      [t.school, facts.schoolName],
      [t.askedAt, formatLocal(facts.askedAt, 'sv')],
    ],
    link: { label: t.alert.link, url: `${trimSlash(publicUrl)}/cases?view=consultations` },
    notes: [t.alert.privacy, t.doNotReply],
  });
}

/** To the asker, in the consultation's language: the signed link to the question and its answer. */
export function consultationAnsweredEmail(facts: ConsultationEmailFacts, publicUrl: string, token: string): EmailContent {
  const t = TEXTS[facts.language];
  return render({
    lang: facts.language,
    subject: t.answered.subject,
    intro: t.answered.intro,
    rows: [
      [t.school, facts.schoolName],
      [t.askedAt, formatLocal(facts.askedAt, facts.language)],
    ],
    link: { label: t.answered.link, url: `${trimSlash(publicUrl)}/consultations/${encodeURIComponent(token)}` },
    notes: [t.answered.privacy, t.answered.acute, t.doNotReply],
  });
}
