import { describe, expect, it } from 'vitest';
import type { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { assertPlainAddress, formatMailbox, headerSafe, SesMailer } from '../../core/adapters/ses/mailer.ts';
import { atLocalTime } from '../../core/domain/calendar.ts';
import { createReport, recordFeedback, type Report } from '../../core/domain/report.ts';
import {
  alertEmail,
  emailFacts,
  outcomeEmail,
  receiptEmail,
  type EmailContent,
} from '../../core/email/templates.ts';
import { digestEmail, outOfHoursAlertEmail } from '../../core/email/time-emails.ts';
import { callOutOfHoursText } from '../../core/markup/call-out-of-hours.ts';
import type { DigestEntry } from '../../core/domain/digest.ts';
import { concernReportDeadlines as policy } from '../../forms/concern-report/policy.ts';
import { concernReportSchema } from '../../forms/concern-report/schema.ts';

const submittedAt = atLocalTime('2026-11-25', '10:00');

// Distinctive personal values: none of them may ever appear in an email.
const PERSONAL = {
  childFirst: 'Zlatanina',
  childLast: 'Qwertyson',
  personalNumber: '20150312-2382',
  birthDate: '2015-03-12',
  description: 'MARKER-DESCRIPTION-7f3a the concern text',
  ownWords: 'MARKER-OWNWORDS-91bc',
  actions: 'MARKER-ACTIONS-22de',
  reason: 'MARKER-REASON-5e6f',
  reporterName: 'Reportina Uniqueperson',
  reporterPhone: '070-999 88 77',
  reporterRole: 'MARKER-ROLE-0a0b',
  note: 'MARKER-FEEDBACK-NOTE-c0ff',
};

function report(overrides: { schoolName?: string | null; routedToFallback?: boolean; language?: 'sv' | 'en'; urgency?: 'normal' | 'urgent' } = {}): Report {
  const submission = concernReportSchema.parse({
    schoolId: 'ekbacken',
    urgency: overrides.urgency ?? 'normal',
    language: overrides.language ?? 'sv',
    reporter: { name: PERSONAL.reporterName, role: PERSONAL.reporterRole, email: 'reportina@example.se', phone: PERSONAL.reporterPhone },
    child: { firstName: PERSONAL.childFirst, lastName: PERSONAL.childLast, personalNumber: PERSONAL.personalNumber, birthDate: PERSONAL.birthDate, grade: '4' },
    concern: { categories: ['neglect'], description: PERSONAL.description, childsOwnWords: PERSONAL.ownWords, actionsTaken: PERSONAL.actions },
    guardiansInformed: 'no',
    guardiansNotInformedReason: PERSONAL.reason,
  });
  const fallback = overrides.routedToFallback ?? false;
  return createReport({
    submissionId: '0b9c7c1e-4a5b-4c8d-9e0f-1a2b3c4d5e6f',
    submission,
    bodyHash: 'x',
    route: {
      teamId: 'mottagning-norr',
      areaId: fallback ? null : 'norr',
      schoolName: fallback ? null : (overrides.schoolName ?? 'Ekbackens skola'),
      routedToFallback: fallback,
    },
    policy,
    now: submittedAt,
  }).report;
}

function closed(r: Report): Report {
  const change = recordFeedback(r, { outcome: 'already-ongoing', note: PERSONAL.note }, 'sara.lindqvist@ekdala.example', new Date(submittedAt.getTime() + 86_400_000), policy);
  if (change.kind !== 'changed') throw new Error('expected a change');
  return change.report;
}

const links = { publicUrl: 'https://intake.example/', statusToken: 'TOKEN.abc' };
const service = { name: 'Socialjouren Ekdala', phone: '010-100 10 00' };

/** A digest's entries for a report: its escalation (both deadlines late) and a reminder. */
function entriesOf(r: Report): DigestEntry[] {
  return [
    { reportId: r.id, reference: r.reference, schoolName: r.schoolName, kind: 'escalation', late: ['acknowledge', 'feedback'], since: r.acknowledgeBy, ledgerKey: 'escalation#2' },
    { reportId: r.id, reference: r.reference, schoolName: r.schoolName, kind: 'reminder', late: [], since: null, dueSoon: { deadline: 'feedback', at: r.feedbackBy }, ledgerKey: 'reminder:x' },
  ];
}

function allEmails(r: Report): Record<string, EmailContent> {
  const facts = emailFacts(r, 'Mottagningsgruppen Norr');
  const closedFacts = emailFacts(closed(r), 'Mottagningsgruppen Norr');
  return {
    alert: alertEmail(facts, links),
    digest: digestEmail({ entries: entriesOf(r), sweepAt: new Date(Date.parse(r.acknowledgeBy) + 31 * 3_600_000).toISOString() }, links),
    'out-of-hours-alert': outOfHoursAlertEmail(facts, service, links),
    receipt: receiptEmail(facts, links, callOutOfHoursText(facts.language, service)),
    outcome: outcomeEmail(closedFacts, links),
  };
}

describe('email templates', () => {
  it('the alert: reference, school, urgency, deadlines in Stockholm time and the portal link', () => {
    const r = report({ urgency: 'urgent' });
    const email = alertEmail(emailFacts(r, 'Mottagningsgruppen Norr'), links);
    expect(email.subject).toBe(`BRÅDSKANDE: Ny orosanmälan ${r.reference} – Ekbackens skola`);
    expect(email.text).toContain(`Referens: ${r.reference}`);
    expect(email.text).toContain('Skola: Ekbackens skola');
    expect(email.text).toContain('Brådska: Brådskande');
    // Urgent: acknowledge within 2 hours → 12:00 Stockholm time on the day.
    expect(email.text).toContain('Kvittera senast: onsdag 25 november 2026 kl. 12:00');
    expect(email.text).toContain('https://intake.example/cases/0b9c7c1e-4a5b-4c8d-9e0f-1a2b3c4d5e6f');
    expect(email.html).toContain('href="https://intake.example/cases/0b9c7c1e-4a5b-4c8d-9e0f-1a2b3c4d5e6f"');
  });

  it('an unknown school is flagged as routed to the fallback team', () => {
    const email = alertEmail(emailFacts(report({ routedToFallback: true }), 'Mottagningsgruppen Centrum'), links);
    expect(email.subject).toContain('okänd skola');
    expect(email.text).toContain('Okänd skola – skickad till reservteamet Mottagningsgruppen Centrum');
  });

  it('the receipt: reference, status and the signed status link, in the reporter’s language', () => {
    const sv = receiptEmail(emailFacts(report(), 'x'), links);
    expect(sv.subject).toMatch(/^Vi har tagit emot din orosanmälan ORO-2026-/);
    expect(sv.text).toContain('Status: Mottagen');
    expect(sv.text).toContain('https://intake.example/status/TOKEN.abc');
    const en = receiptEmail(emailFacts(report({ language: 'en' }), 'x'), links);
    expect(en.subject).toMatch(/^We have received your concern report ORO-2026-/);
    expect(en.text).toContain('Status: Received');
    expect(en.html).toContain('<html lang="en">');
  });

  // Issue 13 / DESIGN.md "Privacy rules": the outcome email is a notice; the outcome is only on the status page.
  it('the outcome: a notice with the link, neither the category nor the note', () => {
    const email = outcomeEmail(emailFacts(closed(report({ language: 'en' })), 'x'), links);
    expect(email.subject).toMatch(/^Social services have given feedback on ORO-2026-/);
    expect(`${email.subject}${email.text}${email.html}`).not.toContain('An investigation is already ongoing');
    expect(email.text).toContain('https://intake.example/status/TOKEN.abc');
    expect(`${email.subject}${email.text}${email.html}`).not.toContain(PERSONAL.note);
  });

  it('the digest: one line per report with what is late, since when and how long it waited (from the deadline)', () => {
    const r = report();
    const email = allEmails(r).digest!;
    expect(email.subject).toBe('Eskalering: 2 orosanmälningar behöver åtgärd');
    // Acknowledgement was due Wednesday 17:00; the sweep 31 hours later.
    expect(email.text).toContain(`${r.reference}: Ekbackens skola: kvittens och återkoppling försenad sedan onsdag 25 november 2026 kl. 17:00 (har väntat 31 timmar (2 arbetsdagar))`);
    expect(email.text).toContain(`${r.reference}: Ekbackens skola: påminnelse: återkoppling senast onsdag 9 december 2026 kl. 17:00`);
    expect(email.text).toContain('https://intake.example/cases');
  });

  it('the out-of-hours alert and the receipt’s “call now” line', () => {
    const r = report({ urgency: 'urgent' });
    const alert = allEmails(r)['out-of-hours-alert']!;
    expect(alert.subject).toBe(`BRÅDSKANDE: Orosanmälan ${r.reference} utanför kontorstid – Ekbackens skola`);
    expect(alert.text).toContain('Socialjouren Ekdala gör skyddsbedömningen');
    expect(alert.text).toContain('/cases/0b9c7c1e-4a5b-4c8d-9e0f-1a2b3c4d5e6f');
    expect(allEmails(r).receipt!.text).toContain('ring Socialjouren Ekdala på 010-100 10 00 nu');
    expect(allEmails(report({ language: 'en' })).receipt!.text).toContain('call Socialjouren Ekdala on 010-100 10 00 now');
  });

  it('escapes every value in HTML and keeps subjects on one line', () => {
    const nasty = 'Skolan <script>alert(1)</script> & "co"\r\nBcc: victim@example.com';
    for (const [kind, email] of Object.entries(allEmails(report({ schoolName: nasty })))) {
      expect(email.subject, kind).not.toMatch(/[\r\n\u0000-\u001f]/);
      expect(email.html, kind).not.toContain('<script>');
      if (kind === 'alert' || kind === 'digest' || kind === 'out-of-hours-alert') {
        expect(email.html, kind).toContain('Skolan &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;');
      }
    }
  });

  it('privacy: no email carries the child’s name, identity number, birth date, the concern’s text or the reporter’s name', () => {
    for (const r of [report(), report({ language: 'en', urgency: 'urgent' }), report({ routedToFallback: true })]) {
      for (const [kind, email] of Object.entries(allEmails(r))) {
        const everything = `${email.subject}\n${email.text}\n${email.html}`;
        for (const [name, value] of Object.entries(PERSONAL)) {
          expect(everything.includes(value), `${kind} contains ${name}`).toBe(false);
        }
        expect(everything.includes('reportina@example.se'), `${kind} contains the reporter's address`).toBe(false);
        expect(everything.includes('20150312'), `${kind} contains a birth date`).toBe(false);
      }
    }
  });
});

describe('mailer: headers cannot be injected', () => {
  it('strips CR, LF and control characters from header values', () => {
    expect(headerSafe('Hello\r\nBcc: x@example.com')).toBe('Hello Bcc: x@example.com');
    expect(headerSafe('a\u0000b\u0085c\u2028d\te')).toBe('a b c d e');
    expect(headerSafe('x'.repeat(300))).toHaveLength(200);
  });

  it('accepts only plain addresses and quotes or encodes display names', () => {
    expect(assertPlainAddress('a.b@example.se')).toBe('a.b@example.se');
    for (const bad of ['a@b.se\r\nBcc: c@d.se', 'A <a@b.se>', 'a@b.se, c@d.se', 'no-at-sign']) {
      expect(() => assertPlainAddress(bad)).toThrow();
    }
    expect(formatMailbox('no-reply@x.se', 'Ekdala "kommun"\r\nBcc: y@z.se')).toBe('"Ekdala kommun Bcc: y@z.se" <no-reply@x.se>');
    expect(formatMailbox('no-reply@x.se', 'Socialtjänsten')).toBe(`=?UTF-8?B?${Buffer.from('Socialtjänsten').toString('base64')}?= <no-reply@x.se>`);
  });

  it('sends one SES SendEmail per recipient with a clean subject and the configuration set', async () => {
    const sent: SendEmailCommand[] = [];
    const client = { send: async (command: SendEmailCommand) => (sent.push(command), { MessageId: 'm-1' }) } as unknown as SESClient;
    const mailer = new SesMailer({ client, sender: 'no-reply@x.se', senderName: 'Ekdala', configurationSet: 'notify' });
    const result = await mailer.send({ to: 'a@b.se', subject: 'Hi\r\nBcc: c@d.se', text: 't', html: '<p>h</p>', kind: 'alert' });
    expect(result.messageId).toBe('m-1');
    const input = sent[0]!.input;
    expect(input.Source).toBe('"Ekdala" <no-reply@x.se>');
    expect(input.Destination).toEqual({ ToAddresses: ['a@b.se'] });
    expect(input.Message?.Subject).toEqual({ Data: 'Hi Bcc: c@d.se', Charset: 'UTF-8' });
    expect(input.ConfigurationSetName).toBe('notify');
    expect(input.Tags).toEqual([{ Name: 'email', Value: 'alert' }]);
    await expect(mailer.send({ to: 'a@b.se\nBcc: c@d.se', subject: 's', text: 't', html: 'h' })).rejects.toThrow();
  });
});
