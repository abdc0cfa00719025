// Words of the form page that are not in the form definition: the page's own guidance, the script's
// messages, and validation messages in the page's language. Pure data and functions: the server renders
// with them and the browser script (bundled by esbuild) uses the same ones.
export type Lang = 'sv' | 'en';

export const formPageTexts = {
  sv: {
    service: 'Socialtjänsten – orosanmälan',
    otherLanguage: 'In English',
    required: 'obligatoriskt',
    errorPrefix: 'Fel: ',
    chooseSchool: 'Välj skola',
    otherSchool: 'Min skola finns inte i listan',
    schoolFilter: 'Sök skola',
    schoolFilterHelp: 'Skriv en del av namnet för att korta listan nedan.',
    schoolMatches: (n: number) => (n === 1 ? '1 skola matchar' : `${n} skolor matchar`),
    outOfHoursHeading: 'Socialjouren (brådskande, utanför kontorstid)',
    urgentHeading: 'Brådskande anmälan',
    urgentCall112: 'Är barnet i akut fara: ring 112 nu.',
    urgentOutOfHours: (service: string, phone: string) => `Utanför kontorstid: ring ${service}: ${phone}.`,
    /** The school's contact at social services, as a function and its phone: never a person's name on the public form. */
    schoolContact: (team: string, school: string, phone: string) => `${team}, kontakt för ${school}, ${phone}`,
    urgentAlsoSend: 'Skicka också in anmälan här, så att den kommer fram skriftligt.',
    conditionalNote: 'Fyll i om du svarat Nej ovan.',
    sending: 'Skickar anmälan…',
    sent: 'Anmälan är skickad.',
    offline: 'Anmälan kunde inte skickas: anslutningen bröts. Allt du skrivit finns kvar. Kontrollera anslutningen och försök igen – anmälan skickas bara en gång, även om du försöker flera gånger.',
    unavailable: 'Tjänsten är tillfälligt otillgänglig och inget sparades. Allt du skrivit finns kvar. Försök igen om en stund.',
    tooLarge: 'Anmälan är för lång för att skickas. Korta de längsta textfälten och försök igen.',
    conflict: 'Ett tidigare försök att skicka den här anmälan kom fram med annat innehåll. Ladda om sidan för att skicka en ny anmälan; det du skrivit finns kvar tills du stänger fliken.',
    unexpected: 'Något gick fel hos oss och inget sparades. Allt du skrivit finns kvar. Försök igen.',
    retry: 'Försök skicka igen',
    draftRestored: 'Vi har fyllt i det du skrev tidigare i den här fliken.',
    draftDiscard: 'Töm formuläret och börja om',
    fallbackNote: 'Ändringar du gjorde efter att anslutningen bröts kom inte med. Kontakta socialtjänsten och ange referensen om du vill komplettera.',
    newReport: 'Skicka en ny anmälan',
    emailReceipt: 'Du får också ett kvitto per e-post med en länk där du kan följa anmälans status.',
    acuteReminder: 'Är barnet i akut fara: ring 112.',
    formExpired: 'Formuläret saknar sitt id. Ladda om sidan och försök igen.',
  },
  en: {
    service: 'Social services – concern report',
    otherLanguage: 'På svenska',
    required: 'required',
    errorPrefix: 'Error: ',
    chooseSchool: 'Choose a school',
    otherSchool: 'My school is not in the list',
    schoolFilter: 'Search for the school',
    schoolFilterHelp: 'Type part of the name to shorten the list below.',
    schoolMatches: (n: number) => (n === 1 ? '1 school matches' : `${n} schools match`),
    outOfHoursHeading: 'Out-of-hours social services (urgent, outside office hours)',
    urgentHeading: 'Urgent report',
    urgentCall112: 'If the child is in acute danger: call 112 now.',
    urgentOutOfHours: (service: string, phone: string) => `Outside office hours: call ${service}: ${phone}.`,
    schoolContact: (team: string, school: string, phone: string) => `${team}, contact for ${school}, ${phone}`,
    urgentAlsoSend: 'Send the report here as well, so that it arrives in writing.',
    conditionalNote: 'Fill in if you answered No above.',
    sending: 'Sending the report…',
    sent: 'The report has been sent.',
    offline: 'The report could not be sent: the connection was lost. Everything you typed is still here. Check the connection and try again – the report is only sent once, however many times you try.',
    unavailable: 'The service is briefly unavailable and nothing was saved. Everything you typed is still here. Please try again in a moment.',
    tooLarge: 'The report is too long to send. Shorten the longest text fields and try again.',
    conflict: 'An earlier attempt to send this report arrived with different content. Reload the page to send a new report; what you typed stays until you close the tab.',
    unexpected: 'Something went wrong on our side and nothing was saved. Everything you typed is still here. Please try again.',
    retry: 'Try sending again',
    draftRestored: 'We have filled in what you typed earlier in this tab.',
    draftDiscard: 'Clear the form and start again',
    fallbackNote: 'Changes you made after the connection was lost were not included. Contact social services and quote the reference if you want to add to the report.',
    newReport: 'Send another report',
    emailReceipt: 'You also get a receipt by email with a link where you can follow the status of the report.',
    acuteReminder: 'If the child is in acute danger: call 112.',
    formExpired: 'The form has lost its id. Reload the page and try again.',
  },
} as const;

export type FormPageTexts = (typeof formPageTexts)[Lang];

/**
 * A validation message of the form's schema (written in English for API clients) in the page's language,
 * phrased for a person. Unknown messages pass through unchanged.
 */
export function localizeMessage(message: string, lang: Lang): string {
  const sv = lang === 'sv';
  const max = /^must be at most (\d+) characters$/.exec(message) ?? /^Too big: expected string to have <=(\d+) characters$/.exec(message);
  if (max) return sv ? `får vara högst ${max[1]} tecken` : `must be at most ${max[1]} characters`;
  if (/^must be "[^"]+"( or|,) /.test(message) || /^Invalid option/.test(message)) return sv ? 'välj ett av alternativen' : 'choose one of the options';
  if (/^Invalid input: expected \w+, received undefined$/.test(message)) return sv ? 'måste fyllas i' : 'is required';
  if (/^Invalid (input|type)\b/.test(message) && message !== 'Invalid input') return sv ? 'har ett ogiltigt värde' : 'has an invalid value';
  if (/^must be one of: /.test(message)) return sv ? 'innehåller ett val som inte finns' : 'contains a choice that does not exist';
  const known: Record<string, [sv: string, en: string]> = {
    'is required': ['måste fyllas i', 'is required'],
    'Invalid input': ['måste fyllas i', 'is required'],
    'choose a school': ['välj en skola', 'choose a school'],
    'must be a valid email address': ['måste vara en giltig e-postadress, till exempel namn@skola.se', 'must be a valid email address, for example name@school.org'],
    'may contain only digits, spaces, +, - and ()': ['får bara innehålla siffror, mellanslag, +, - och ()', 'may contain only digits, spaces, +, - and ()'],
    'must look like YYYYMMDD-XXXX or YYMMDD-XXXX': ['ska skrivas som ÅÅÅÅMMDD-XXXX eller ÅÅMMDD-XXXX', 'must look like YYYYMMDD-XXXX or YYMMDD-XXXX'],
    'is not a real date of birth': ['innehåller inget giltigt födelsedatum', 'does not hold a real date of birth'],
    'has a wrong check digit (the last digit); check the number': ['har fel kontrollsiffra (sista siffran); kontrollera numret', 'has a wrong check digit (the last digit); check the number'],
    'must be a date as YYYY-MM-DD': ['ska vara ett datum som ÅÅÅÅ-MM-DD', 'must be a date as YYYY-MM-DD'],
    'choose at least one category': ['välj minst ett alternativ', 'choose at least one option'],
    'lists a category more than once': ['har samma val flera gånger', 'lists a choice more than once'],
    'is required when the guardians were not informed': ['måste fyllas i när vårdnadshavarna inte har informerats', 'is required when the guardians were not told'],
    'is required when your school is not in the list': ['måste fyllas i när skolan inte finns i listan', 'is required when your school is not in the list'],
    'contains broken characters; retype the text': ['innehåller trasiga tecken; skriv om texten', 'contains broken characters; retype the text'],
    'this form was already sent with other content; check the text and send it again to make a new report': [
      'formuläret har redan skickats med annat innehåll; kontrollera texten och skicka igen för att göra en ny anmälan',
      'this form was already sent with other content; check the text and send it again to make a new report',
    ],
  };
  const hit = known[message];
  return hit ? (sv ? hit[0] : hit[1]) : message;
}

/** A field's error as shown beside it and in the summary: "Ditt namn: måste fyllas i", "Vad gäller oron? Välj …". */
export function fieldErrorText(label: string, message: string): string {
  return /[?!]$/.test(label.trim()) ? `${label.trim()} ${message.charAt(0).toLocaleUpperCase()}${message.slice(1)}` : `${label}: ${message}`;
}
