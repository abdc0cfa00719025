// The consultation pages' words, Swedish and English (the form, the sent page, the asker's page).
import { PERSONAL_NUMBER_IN_TEXT } from '../../core/domain/consultation.ts';
import { localizeMessage } from '../client/texts.ts';

export type Lang = 'sv' | 'en';

export const consultationTexts = {
  sv: {
    service: 'Socialtjänsten – konsultation',
    title: 'Fråga socialtjänsten innan du anmäler',
    intro: 'Är du osäker på om det du ser är skäl för en orosanmälan? Ställ en fråga till din skolas kontaktperson hos socialtjänsten. Du får ett mejl med en länk när frågan är besvarad.',
    noChild: 'Skriv inte barnets namn, personnummer eller något annat som pekar ut barnet. Beskriv bara situationen. En fråga med ett personnummer skickas inte.',
    acute: 'Är ett barn i akut fara: ring 112. Konsultation ersätter inte en orosanmälan: misstänker du att ett barn far illa ska du anmäla.',
    reportLink: 'Gå till formuläret för orosanmälan',
    errorSummary: 'Frågan kunde inte skickas. Rätta följande:',
    errorPrefix: 'Fel: ',
    fields: {
      schoolId: 'Skola',
      'reporter.name': 'Ditt namn',
      'reporter.role': 'Din roll på skolan',
      'reporter.email': 'Din e-postadress',
      question: 'Din fråga',
    } as Record<string, string>,
    help: {
      'reporter.email': 'Hit skickas länken till svaret.',
      question: 'Beskriv situationen utan att nämna vem barnet är.',
    } as Record<string, string>,
    chooseSchool: 'Välj skola',
    submit: 'Skicka frågan',
    otherLanguage: 'In English',
    sentTitle: 'Din fråga är skickad',
    sentBody: 'Skolans kontaktperson hos socialtjänsten har fått besked om din fråga. Du får ett mejl med en länk när den är besvarad.',
    page: {
      title: 'Din konsultationsfråga',
      school: 'Skola',
      askedAt: 'Ställd',
      question: 'Din fråga',
      answer: 'Svar från socialtjänsten',
      answeredAt: 'Besvarad',
      waiting: 'Frågan är inte besvarad än. Du får ett mejl när den är det.',
      makeReport: 'Gör en orosanmälan av det här',
      makeReportHelp: 'Öppnar formuläret för orosanmälan med skolan och dina uppgifter ifyllda. Anmälan kopplas till den här frågan.',
    },
  },
  en: {
    service: 'Social services – consultation',
    title: 'Ask social services before you report',
    intro: 'Not sure whether what you see is a reason for a concern report? Ask your school\'s contact at social services. You get an email with a link when the question is answered.',
    noChild: 'Do not write the child\'s name, personal identity number or anything else that points the child out. Describe the situation only. A question with a personal identity number is not sent.',
    acute: 'If a child is in acute danger: call 112. A consultation does not replace a concern report: if you suspect a child is being harmed, report it.',
    reportLink: 'Go to the concern report form',
    errorSummary: 'The question could not be sent. Please correct the following:',
    errorPrefix: 'Error: ',
    fields: {
      schoolId: 'School',
      'reporter.name': 'Your name',
      'reporter.role': 'Your role at the school',
      'reporter.email': 'Your email address',
      question: 'Your question',
    } as Record<string, string>,
    help: {
      'reporter.email': 'The link to the answer is sent here.',
      question: 'Describe the situation without saying who the child is.',
    } as Record<string, string>,
    chooseSchool: 'Choose a school',
    submit: 'Send the question',
    otherLanguage: 'På svenska',
    sentTitle: 'Your question has been sent',
    sentBody: 'Your school\'s contact at social services has been told about your question. You get an email with a link when it is answered.',
    page: {
      title: 'Your consultation question',
      school: 'School',
      askedAt: 'Asked',
      question: 'Your question',
      answer: 'Answer from social services',
      answeredAt: 'Answered',
      waiting: 'The question has not been answered yet. You get an email when it is.',
      makeReport: 'Make a concern report of this',
      makeReportHelp: 'Opens the concern report form with the school and your details filled in. The report is linked to this question.',
    },
  },
} as const;

const MESSAGES: Record<string, [sv: string, en: string]> = {
  [PERSONAL_NUMBER_IN_TEXT]: [
    'innehåller ett personnummer; en konsultation får inte peka ut barnet, ta bort numret',
    'contains a personal identity number; a consultation must not identify the child, remove the number',
  ],
  'is not a school in the list; choose your school': ['finns inte i listan; välj din skola', 'is not a school in the list; choose your school'],
};

export function consultationMessage(message: string, lang: Lang): string {
  const hit = MESSAGES[message];
  return hit ? hit[lang === 'sv' ? 0 : 1] : localizeMessage(message, lang);
}
