// Labels and help texts of the concern report, in Swedish and English. Keys are the submission's field paths.
import type { Category, Language } from './schema.ts';

export interface FieldText {
  label: string;
  help?: string;
}

export interface FormTexts {
  title: string;
  intro: string;
  emergency: string;
  urgentGuidance: string;
  submit: string;
  sections: Record<'school' | 'reporter' | 'child' | 'concern' | 'guardians', string>;
  fields: Record<string, FieldText>;
  urgency: Record<'normal' | 'urgent', string>;
  categories: Record<Category, string>;
  guardiansInformed: Record<'yes' | 'no' | 'unknown', string>;
  receipt: { title: string; reference: string; next: string; acknowledgeBy: string; feedbackBy: string; keep: string };
  errorSummary: string;
}

export const concernReportTexts: Record<Language, FormTexts> = {
  sv: {
    title: 'Orosanmälan till socialtjänsten',
    intro:
      'Du som arbetar i skolan är skyldig att genast anmäla till socialtjänsten om du får kännedom om eller misstänker att ett barn far illa. Fält markerade med * är obligatoriska.',
    emergency: 'Är barnet i akut fara? Ring 112.',
    urgentGuidance:
      'Brådskande utanför kontorstid: ring socialjourens nummer för skolans område (visas nedan). Skicka ändå in anmälan.',
    submit: 'Skicka anmälan',
    sections: {
      school: 'Skola och brådskande',
      reporter: 'Du som anmäler',
      child: 'Barnet',
      concern: 'Din oro',
      guardians: 'Vårdnadshavare',
    },
    fields: {
      schoolId: { label: 'Skola', help: 'Skolan där barnet går. Anmälan skickas till socialtjänsten för skolans område.' },
      schoolName: { label: 'Skolans namn, om den inte finns i listan', help: 'Välj "Min skola finns inte i listan" ovan och skriv skolans namn här. Anmälan går då till socialtjänstens mottagning, som skickar den rätt.' },
      urgency: { label: 'Hur brådskande är det?' },
      'reporter.name': { label: 'Ditt namn' },
      'reporter.role': { label: 'Din roll', help: 'Till exempel klasslärare, skolsköterska, kurator, rektor.' },
      'reporter.email': { label: 'Din e-postadress', help: 'Hit skickas kvittens och återkoppling.' },
      'reporter.phone': { label: 'Ditt telefonnummer', help: 'Så att socialtjänsten kan nå dig.' },
      'child.firstName': { label: 'Barnets förnamn' },
      'child.lastName': { label: 'Barnets efternamn' },
      'child.personalNumber': {
        label: 'Barnets personnummer',
        help: 'ÅÅÅÅMMDD-XXXX. Lämna tomt om du inte vet det och ange födelsedatum i stället.',
      },
      'child.birthDate': { label: 'Barnets födelsedatum', help: 'ÅÅÅÅ-MM-DD, om du inte vet personnumret.' },
      'child.grade': { label: 'Årskurs eller klass' },
      'concern.categories': { label: 'Vad gäller oron?', help: 'Välj allt som stämmer.' },
      'concern.description': {
        label: 'Beskriv din oro',
        help: 'Vad har du sett eller hört, när och av vem? Skriv fakta, inte tolkningar.',
      },
      'concern.childsOwnWords': { label: 'Barnets egna ord', help: 'Om barnet har berättat något, återge det ordagrant.' },
      'concern.actionsTaken': { label: 'Vad har skolan redan gjort?' },
      guardiansInformed: { label: 'Har vårdnadshavarna informerats om anmälan?' },
      guardiansNotInformedReason: {
        label: 'Varför har vårdnadshavarna inte informerats?',
        help: 'Till exempel om misstanke om våld eller övergrepp i hemmet.',
      },
    },
    urgency: { normal: 'Inte akut', urgent: 'Brådskande – behöver bedömas i dag' },
    categories: {
      absence: 'Frånvaro',
      'violence-or-abuse-suspected': 'Misstänkt våld eller övergrepp',
      neglect: 'Försummelse',
      'home-situation': 'Hemsituation',
      'mental-ill-health': 'Psykisk ohälsa',
      'substance-use': 'Missbruk',
      'criminality-or-exploitation': 'Kriminalitet eller utnyttjande',
      'honour-related': 'Hedersrelaterat',
      other: 'Annat',
    },
    guardiansInformed: { yes: 'Ja', no: 'Nej', unknown: 'Vet inte' },
    receipt: {
      title: 'Anmälan är mottagen',
      reference: 'Referens',
      next: 'Socialtjänsten gör en skyddsbedömning och bekräftar att de tagit emot anmälan. Du får ett kvitto och senare återkoppling per e-post.',
      acknowledgeBy: 'Mottagandet bekräftas senast',
      feedbackBy: 'Återkoppling till dig senast',
      keep: 'Spara referensen. Den innehåller inga personuppgifter.',
    },
    errorSummary: 'Anmälan kunde inte skickas. Rätta följande:',
  },
  en: {
    title: 'Concern report to social services',
    intro:
      'As school staff you must report to social services at once when you learn of or suspect that a child is at risk. Fields marked * are required.',
    emergency: 'Is the child in acute danger? Call 112.',
    urgentGuidance:
      "Urgent outside office hours: call the social services' out-of-hours line for the school's area (shown below). Send the report as well.",
    submit: 'Send report',
    sections: {
      school: 'School and urgency',
      reporter: 'About you',
      child: 'The child',
      concern: 'Your concern',
      guardians: 'Guardians',
    },
    fields: {
      schoolId: { label: 'School', help: "The child's school. The report goes to social services for the school's area." },
      schoolName: { label: "The school's name, if it is not in the list", help: 'Choose "My school is not in the list" above and type the school\'s name here. The report then goes to social services\' central intake, which passes it on.' },
      urgency: { label: 'How urgent is it?' },
      'reporter.name': { label: 'Your name' },
      'reporter.role': { label: 'Your role', help: 'For example class teacher, school nurse, counsellor, principal.' },
      'reporter.email': { label: 'Your email address', help: 'Where the receipt and the feedback are sent.' },
      'reporter.phone': { label: 'Your phone number', help: 'So that social services can reach you.' },
      'child.firstName': { label: "Child's first name" },
      'child.lastName': { label: "Child's last name" },
      'child.personalNumber': {
        label: "Child's personal identity number",
        help: 'YYYYMMDD-XXXX. Leave empty if you do not know it and give the date of birth instead.',
      },
      'child.birthDate': { label: "Child's date of birth", help: 'YYYY-MM-DD, if you do not know the number.' },
      'child.grade': { label: 'Grade or class' },
      'concern.categories': { label: 'What is the concern about?', help: 'Choose all that apply.' },
      'concern.description': {
        label: 'Describe your concern',
        help: 'What did you see or hear, when, and from whom? Write facts, not interpretations.',
      },
      'concern.childsOwnWords': { label: "The child's own words", help: 'If the child told you something, quote it.' },
      'concern.actionsTaken': { label: 'What has the school done already?' },
      guardiansInformed: { label: 'Have the guardians been told about the report?' },
      guardiansNotInformedReason: {
        label: 'Why have the guardians not been told?',
        help: 'For example when violence or abuse at home is suspected.',
      },
    },
    urgency: { normal: 'Not urgent', urgent: 'Urgent – needs assessing today' },
    categories: {
      absence: 'Absence',
      'violence-or-abuse-suspected': 'Violence or abuse suspected',
      neglect: 'Neglect',
      'home-situation': 'Home situation',
      'mental-ill-health': 'Mental ill-health',
      'substance-use': 'Substance use',
      'criminality-or-exploitation': 'Criminality or exploitation',
      'honour-related': 'Honour-related',
      other: 'Other',
    },
    guardiansInformed: { yes: 'Yes', no: 'No', unknown: 'Do not know' },
    receipt: {
      title: 'Your report has been received',
      reference: 'Reference',
      next: 'Social services assess the report and confirm receipt. You get a receipt now and feedback later by email.',
      acknowledgeBy: 'Receipt confirmed by',
      feedbackBy: 'Feedback to you by',
      keep: 'Keep the reference. It holds no personal data.',
    },
    errorSummary: 'The report could not be sent. Please correct the following:',
  },
};
