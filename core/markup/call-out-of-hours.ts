// The one sentence telling the reporter of an urgent report outside office hours to call the out-of-hours service
// now: on the receipt page (server and browser) and in the receipt email. No imports: the form's script bundles it.
export interface OutOfHoursContact {
  name: string;
  phone: string;
}

export function callOutOfHoursText(lang: 'sv' | 'en', service: OutOfHoursContact): string {
  return lang === 'sv'
    ? `Brådskande utanför kontorstid: ring ${service.name} på ${service.phone} nu.`
    : `Urgent outside office hours: call ${service.name} on ${service.phone} now.`;
}
