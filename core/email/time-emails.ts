// The emails of issue 14 (time that people live by): a sweep's digest to one person, the out-of-hours service's
// alert about a new report, and the receipt's line telling the reporter to call the out-of-hours number now.
// Privacy as in templates.ts: references, schools, deadlines and links; nothing about the child.
import { workingDaysBetween } from '../domain/calendar.ts';
import type { Digest, DigestEntry } from '../domain/digest.ts';
import type { OutOfHoursContact } from '../markup/call-out-of-hours.ts';
import { formatLocal } from '../markup/format.ts';
import { render, type EmailContent, type EmailFacts, type Links } from './templates.ts';
import { teamTexts } from './texts.ts';

export const digestTexts = {
  subject: (count: number, escalations: number) =>
    escalations > 0
      ? `Eskalering: ${count} ${count === 1 ? 'orosanmälan behöver' : 'orosanmälningar behöver'} åtgärd`
      : `Påminnelse: ${count} ${count === 1 ? 'orosanmälan' : 'orosanmälningar'} att återkoppla`,
  intro: (count: number) =>
    `${count === 1 ? 'Den här orosanmälan behöver' : `De här ${count} orosanmälningarna behöver`} din uppmärksamhet. Varje rad är en anmälan.`,
  late: (what: string, since: string, waited: string) => `${what} försenad sedan ${since} (har väntat ${waited})`,
  dueSoon: { acknowledge: (at: string) => `kvittens senast ${at} – snart försenad`, feedback: (at: string) => `påminnelse: återkoppling senast ${at}` },
  portalLink: 'Öppna portalen',
} as const;

export const outOfHoursTexts = {
  subject: (ref: string, school: string, urgent: boolean) => `${urgent ? 'BRÅDSKANDE: ' : ''}Orosanmälan ${ref} utanför kontorstid – ${school}`,
  intro: (service: string, team: string) =>
    `En orosanmälan har kommit utanför ${team}s kontorstid. ${service} gör skyddsbedömningen och kvitterar i portalen; teamet behåller anmälan.`,
  team: 'Team',
} as const;

/** "6 timmar (0 arbetsdagar)": counted from the deadline that passed to the sweep. */
function waited(entry: DigestEntry, sweepAt: string): string {
  const since = new Date(entry.since!);
  const at = new Date(sweepAt);
  const hours = Math.max(0, Math.floor((at.getTime() - since.getTime()) / 3_600_000));
  return teamTexts.escalation.waitedValue(hours, workingDaysBetween(since, at));
}

function entryLine(entry: DigestEntry, sweepAt: string): string {
  const school = entry.schoolName ?? teamTexts.unknownSchoolShort;
  const names = teamTexts.escalation.overdueNames;
  if (entry.late.length > 0 && entry.since) {
    const what = entry.late.map((name) => names[name]).join(' och ');
    return `${school}: ${digestTexts.late(what, formatLocal(entry.since, 'sv'), waited(entry, sweepAt))}`;
  }
  if (entry.dueSoon) return `${school}: ${digestTexts.dueSoon[entry.dueSoon.deadline](formatLocal(entry.dueSoon.at, 'sv'))}`;
  return school;
}

/** One email listing every report a sweep owes one person: reference, school, what is late and since when. */
export function digestEmail(digest: Pick<Digest, 'entries' | 'sweepAt'>, links: Links): EmailContent {
  const escalations = digest.entries.filter((e) => e.kind === 'escalation').length;
  return render({
    lang: 'sv',
    subject: digestTexts.subject(digest.entries.length, escalations),
    intro: digestTexts.intro(digest.entries.length),
    rows: digest.entries.map((entry) => [entry.reference, entryLine(entry, digest.sweepAt)]),
    link: { label: digestTexts.portalLink, url: `${links.publicUrl.replace(/\/+$/, '')}/cases` },
    notes: [teamTexts.privacy, teamTexts.doNotReply],
  });
}

export type OutOfHoursService = OutOfHoursContact;

/** The out-of-hours service's alert: the same facts as the team's, and that it assesses while the team is away. */
export function outOfHoursAlertEmail(facts: EmailFacts, service: OutOfHoursService, links: Links): EmailContent {
  const t = teamTexts;
  return render({
    lang: 'sv',
    subject: outOfHoursTexts.subject(facts.reference, facts.schoolName ?? t.unknownSchoolShort, facts.urgency === 'urgent'),
    intro: outOfHoursTexts.intro(service.name, facts.teamName),
    rows: [
      [t.reference, facts.reference],
      [t.school, facts.schoolName ?? t.unknownSchool(facts.teamName)],
      [outOfHoursTexts.team, facts.teamName],
      [t.urgency, t.urgencies[facts.urgency]],
      [t.acknowledgeBy, formatLocal(facts.acknowledgeBy, 'sv')],
    ],
    link: { label: t.portalLink, url: `${links.publicUrl.replace(/\/+$/, '')}/cases/${encodeURIComponent(facts.id)}` },
    notes: [t.privacy, t.doNotReply],
  });
}
