// The design's privacy rule, tested on a whole flow: submit, staff view and acknowledge, the sweep's
// escalation and reminder, feedback. None of the submitted personal values may appear in any email
// (subject, text, HTML, sender) or in any log line: the handlers run in this test worker, so their
// stdout and stderr are captured here, with the local server's own log lines.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPersonalNumber } from '../../core/domain/personal-number.ts';
import { recordFeedback } from '../../core/domain/report.ts';
import { concernReportDeadlines as policy } from '../../forms/concern-report/policy.ts';
import type { StoredEmail } from '../../local/ses.ts';
import { signIn, startTestStack, submit, sweepAt, validSubmission, type TestStack } from '../support/local-stack.ts';
import { about, waitForEmails } from './notify-support.ts';

const marker = randomUUID().slice(0, 8);
const personalNumber = (() => {
  for (let d = 0; d <= 9; d++) if (checkPersonalNumber(`20160229-123${d}`) === null) return `20160229-123${d}`;
  throw new Error('no check digit');
})();

const PERSONAL: Record<string, string> = {
  childFirstName: 'Zlatanina',
  childLastName: 'Qwertyson',
  personalNumber,
  personalNumberDigits: personalNumber.replace('-', ''),
  personalNumberShort: personalNumber.slice(2),
  birthDate: '2016-02-29',
  description: `Beskrivning-${marker} med detaljer om hemmet`,
  childsOwnWords: `Barnets-ord-${marker}`,
  actionsTaken: `Atgarder-${marker}`,
  notInformedReason: `Skal-${marker}`,
  reporterName: `Reportina Uniqueperson${marker}`,
  reporterRole: `Rektor-${marker}`,
  reporterPhone: '070-999 88 77',
  // A school-domain address: trusted, so the flow includes the status link and the outcome notice (issue 13).
  reporterEmail: `priv-${marker}@skola.ekdala.example`,
  feedbackNote: `Anteckning-${marker}`,
};

let stack: TestStack;
const captured: string[] = [];
const originals = { stdout: process.stdout.write, stderr: process.stderr.write };

function capture(stream: NodeJS.WriteStream, original: typeof process.stdout.write) {
  stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof process.stdout.write;
}

beforeAll(async () => {
  capture(process.stdout, originals.stdout);
  capture(process.stderr, originals.stderr);
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
  process.stdout.write = originals.stdout;
  process.stderr.write = originals.stderr;
});

describe('privacy: a whole flow leaks no personal value into emails or logs', () => {
  it('submit → alert and receipt; view and acknowledge; escalation and reminder; feedback → outcome', async () => {
    const body = validSubmission({
      urgency: 'normal',
      reporter: { name: PERSONAL.reporterName, role: PERSONAL.reporterRole, email: PERSONAL.reporterEmail, phone: PERSONAL.reporterPhone },
      child: { firstName: PERSONAL.childFirstName, lastName: PERSONAL.childLastName, personalNumber: PERSONAL.personalNumber, birthDate: PERSONAL.birthDate, grade: '3' },
      concern: {
        categories: ['violence-or-abuse-suspected'],
        description: PERSONAL.description,
        childsOwnWords: PERSONAL.childsOwnWords,
        actionsTaken: PERSONAL.actionsTaken,
      },
      guardiansInformed: 'no',
      guardiansNotInformedReason: PERSONAL.notInformedReason,
    });
    const response = await submit(stack.url, body, { key: randomUUID() });
    expect(response.status).toBe(201);
    const { id, reference, acknowledgeBy } = response.json as { id: string; reference: string; acknowledgeBy: string };
    const mine = about(reference);
    await waitForEmails(stack.sesEndpoint, mine, 3);

    // Staff open the report (the portal's API), then the acknowledge deadline passes: escalation #1.
    const token = await signIn(stack.url, 'sara.lindqvist@ekdala.example');
    const view = await fetch(`${stack.url}/api/cases/${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(view.status).toBe(200);
    await sweepAt(stack.url, new Date(new Date(acknowledgeBy).getTime() + 60_000));
    await waitForEmails(stack.sesEndpoint, (e) => mine(e) && e.subject.startsWith('Eskalering'), 1);
    const acknowledged = await fetch(`${stack.url}/api/cases/${id}/acknowledge`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ protectionAssessment: { result: 'no-immediate-risk' } }) });
    expect(acknowledged.status).toBe(200);

    // Two days before feedback is due: the reminder.
    const { reminderAt } = (await stack.repository.get(id))!.report;
    await sweepAt(stack.url, new Date(new Date(reminderAt!).getTime() + 60_000));
    await waitForEmails(stack.sesEndpoint, (e) => mine(e) && e.subject.startsWith('Påminnelse'), 2);

    // Feedback through the domain and the repository, as the portal does.
    const stored = (await stack.repository.get(id))!;
    const change = recordFeedback(stored.report, { outcome: 'investigation-opened', note: PERSONAL.feedbackNote! }, 'sara.lindqvist@ekdala.example', new Date(), policy);
    if (change.kind !== 'changed') throw new Error('expected a change');
    expect(await stack.repository.saveChange(stored, change.report, change.audit)).toBe(true);
    await waitForEmails(stack.sesEndpoint, (e) => mine(e) && e.subject.startsWith('Återkoppling'), 1);

    const emails: StoredEmail[] = await waitForEmails(stack.sesEndpoint, mine, 0, 0);
    // alert ×2, receipt, escalation, reminder ×2, outcome: every kind was checked
    expect(emails.length).toBe(7);
    const logs = [...captured, ...stack.logLines].join('\n');
    // The capture works: the handlers' own log lines are in it.
    expect(logs).toContain('"message":"email sent"');
    expect(logs).toContain(id);

    for (const [name, value] of Object.entries(PERSONAL)) {
      for (const email of emails) {
        const content = [email.subject, email.body.text ?? '', email.body.html ?? '', email.from].join('\n');
        expect(content.includes(value), `${name} in the email "${email.subject}"`).toBe(false);
      }
      expect(logs.includes(value), `${name} in a log line`).toBe(false);
    }
  });
});
