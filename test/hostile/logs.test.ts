// Logs carry ids, never personal data. A whole flow with distinctive personal values (submit, a retry, a refused
// submit, form posts, the emails, the portal: list, view, acknowledge, the thread (a question, the reporter's
// answer by JSON and by the status page's form post, a refused blank one), feedback; the reporter's status page; a
// reminder sweep) runs in this process while everything it writes to stdout and stderr is captured. None of the
// values may appear in any log line or email; every request's log lines carry its own correlation id.
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEmail } from '../../local/ses.ts';
import { newFigures, recordFigures } from '../support/hostile-figures.ts';
import { personalNumber } from '../support/hostile-inputs.ts';
import { captureOutput, postForm, postSubmission, rawRequest, startHostileStack, waitFor, type HostileStack, type OutputCapture } from '../support/hostile-stack.ts';
import { signIn, sweepAt } from '../support/local-stack.ts';

const figures = newFigures();
const tag = randomUUID().slice(0, 6);
const person = {
  reporterName: `Birgitta Xylofondotter${tag}`,
  reporterRole: `Specialpedagog Ypsilonia${tag}`,
  // A school-domain address: trusted with the status link, the thread and the outcome notice (issue 13).
  reporterEmail: `birgitta.xylofon.${tag}@skola.ekdala.example`,
  reporterPhone: '070-987 65 43',
  firstName: `Zlatanina${tag}`,
  lastName: `Qwertyström${tag}`,
  personalNumber: fc.sample(personalNumber, { seed: 4711, numRuns: 1 })[0]!,
  grade: `Klass Ödla${tag}`,
  description: `Unik beskrivning Kvastgubbe${tag} sågs på skolgården.`,
  childsOwnWords: `Barnets ord Snickarglädje${tag}`,
  actionsTaken: `Åtgärd Fönsterputs${tag}`,
  reason: `Skäl Tandkrämstub${tag}`,
  note: `Anteckning Trollslända${tag}`,
  question: `Fråga Gnagarmössa${tag} om syskonen`,
  answer: `Svar Blåbärssoppa${tag}: en bror`,
  addition: `Tillägg Kanelbulle${tag} från veckan efter`,
};
/** Every value, and the forms it could take in a log (digits of the personal number, lower case). */
const secrets = [
  ...Object.values(person),
  person.personalNumber.replace(/\D/g, ''),
  person.reporterEmail.split('@')[0]!,
  `Xylofondotter${tag}`,
  `Qwertystr`, // also the start of the name, in case it was cut or escaped after the ö
  `Kvastgubbe${tag}`,
  `Trollslända${tag}`,
  `Trollsl\\u00e4nda${tag}`,
  `Gnagarm`,
  `Blåbärssoppa${tag}`,
  `Kanelbulle${tag}`,
].filter((value) => value.length >= 6);

let stack: HostileStack;
let output: OutputCapture;

function body() {
  return {
    schoolId: 'ekbacken',
    urgency: 'normal',
    language: 'sv',
    reporter: { name: person.reporterName, role: person.reporterRole, email: person.reporterEmail, phone: person.reporterPhone },
    child: { firstName: person.firstName, lastName: person.lastName, personalNumber: person.personalNumber, grade: person.grade },
    concern: { categories: ['home-situation'], description: person.description, childsOwnWords: person.childsOwnWords, actionsTaken: person.actionsTaken },
    guardiansInformed: 'no',
    guardiansNotInformedReason: person.reason,
  };
}

beforeAll(async () => {
  output = captureOutput({ quiet: true });
  stack = await startHostileStack();
});
afterAll(async () => {
  output?.stop();
  await stack?.stop();
  await recordFigures('logs', figures);
});

describe('a whole flow with distinctive personal values', () => {
  const ids: string[] = [];
  const references: string[] = [];
  const emailsSeen: StoredEmail[] = [];

  it('runs: submit, retry, refused submit, form posts, portal, acknowledge, feedback, status, sweep', async () => {
    // Submit, and the retry a flaky network makes.
    const key = randomUUID();
    const first = await postSubmission(stack.url, body(), { key });
    const retry = await postSubmission(stack.url, body(), { key });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.json.reference).toBe(first.json.reference);
    ids.push(first.json.id);
    references.push(first.json.reference);
    // The same key with other content (a conflict), and a body refused for a bad email and a bad number.
    expect((await postSubmission(stack.url, { ...body(), urgency: 'urgent' }, { key })).status).toBe(409);
    const refused = await postSubmission(stack.url, { ...body(), reporter: { ...body().reporter, email: `${person.reporterName}@` }, child: { ...body().child, personalNumber: `${person.personalNumber.slice(0, -1)}0` } });
    expect(refused.status).toBe(400);
    // Form posts: one with an error (the form comes back with the values), one accepted.
    const form = new URLSearchParams({
      submissionId: randomUUID(),
      language: 'sv',
      schoolId: 'sodervik',
      urgency: 'urgent',
      'reporter.name': person.reporterName,
      'reporter.role': person.reporterRole,
      'reporter.email': 'inte-en-adress',
      'child.firstName': person.firstName,
      'child.lastName': person.lastName,
      'child.personalNumber': person.personalNumber,
      'concern.description': person.description,
      'concern.categories': 'neglect',
      guardiansInformed: 'yes',
    });
    expect((await postForm(stack.url, form)).status).toBe(400);
    form.set('reporter.email', person.reporterEmail);
    const posted = await postForm(stack.url, form);
    expect(posted.status).toBe(201);
    ids.push(form.get('submissionId')!);
    references.push(/ORO-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(posted.text)![0]);
    figures.inputsTried += 7;
    figures.reportsAccepted += 2;

    // The team's alerts and the reporter's receipts.
    const receipts = await waitFor('the receipts', async () => {
      const found = (await stack.emails()).filter((e) => e.destination.to.includes(person.reporterEmail));
      return found.length >= 2 && found;
    });

    // The portal: list, the report in full, the page, acknowledge, feedback.
    const token = await signIn(stack.url, 'sara.lindqvist@ekdala.example');
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    expect((await rawRequest(stack.url, { path: '/api/cases?status=open', headers: auth })).status).toBe(200);
    const full = await rawRequest(stack.url, { path: `/api/cases/${ids[0]}`, headers: auth });
    expect(full.json.report.submission.child.lastName).toBe(person.lastName);
    expect((await rawRequest(stack.url, { path: `/cases/${ids[0]}` })).status).toBe(200);
    // The thread: the team asks, the reporter answers (JSON) and adds more (the page's plain form post).
    const receiptForThread = receipts.find((e) => e.subject.includes(references[0]!) || (e.body.text ?? '').includes(references[0]!))!;
    const statusToken = decodeURIComponent(/\/status\/([A-Za-z0-9_.%-]+)/.exec(receiptForThread.body.text ?? '')![1]!);
    const asked = await rawRequest(stack.url, { method: 'POST', path: `/api/cases/${ids[0]}/questions`, headers: auth, body: JSON.stringify({ text: person.question }) });
    expect(asked.status).toBe(201);
    const messages = `/api/status/${encodeURIComponent(statusToken)}/messages`;
    const json = { 'content-type': 'application/json' };
    expect((await rawRequest(stack.url, { method: 'POST', path: messages, headers: json, body: JSON.stringify({ text: person.answer }) })).status).toBe(201);
    const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };
    expect((await rawRequest(stack.url, { method: 'POST', path: messages, headers: urlencoded, body: new URLSearchParams({ text: person.addition }).toString() })).status).toBe(303);
    expect((await rawRequest(stack.url, { method: 'POST', path: messages, headers: json, body: JSON.stringify({ text: '\u200b ' }) })).status).toBe(400);
    const thread = await rawRequest(stack.url, { path: `/api/cases/${ids[0]}`, headers: auth });
    expect(thread.json.report.thread.map((e: { text: string }) => e.text)).toEqual([person.question, person.answer, person.addition]);
    figures.inputsTried += 4;
    await waitFor('the thread notices', async () => (await stack.emails()).filter((e) => e.subject.includes(references[0]!) && /fråga|Anmälaren har skrivit/.test(e.subject)).length >= 5);
    expect((await rawRequest(stack.url, { method: 'POST', path: `/api/cases/${ids[0]}/acknowledge`, headers: auth, body: JSON.stringify({ protectionAssessment: { result: 'no-immediate-risk' } }) })).status).toBe(200);

    const badFeedback = await rawRequest(stack.url, { method: 'POST', path: `/api/cases/${ids[0]}/feedback`, headers: auth, body: JSON.stringify({ outcome: person.note, note: person.note }) });
    expect(badFeedback.status).toBe(400);
    const feedback = await rawRequest(stack.url, { method: 'POST', path: `/api/cases/${ids[0]}/feedback`, headers: auth, body: JSON.stringify({ outcome: 'investigation-opened', note: person.note }) });
    expect(feedback.status).toBe(200);
    figures.inputsTried += 2;

    // The reporter's status page, from the link in the receipt.
    const receipt = receipts.find((e) => e.subject.includes(references[0]!) || (e.body.text ?? '').includes(references[0]!))!;
    const statusPath = /\/status\/[A-Za-z0-9_.-]+/.exec(receipt.body.text ?? '')![0];
    expect((await rawRequest(stack.url, { path: statusPath })).status).toBe(200);
    expect((await rawRequest(stack.url, { path: statusPath.replace('/status/', '/api/status/') })).status).toBe(200);

    // A sweep three weeks on: the second report is overdue and escalates.
    const swept = await sweepAt(stack.url, new Date(Date.now() + 21 * 86_400_000));
    expect(swept.escalations).toBeGreaterThanOrEqual(1);

    // Every email of the flow, once notify has sent the outcome and the escalation.
    await waitFor('the outcome and escalation emails', async () => {
      const all = (await stack.emails()).filter((e) => references.some((r) => e.subject.includes(r) || (e.body.text ?? '').includes(r)));
      const outcome = all.filter((e) => e.destination.to.includes(person.reporterEmail)).length >= 4; // two receipts, the question, the outcome
      // An urgent report's escalation goes to the team's lead in office hours, else to the out-of-hours service's
      // on-call lead (issue 14, DESIGN.md "Deadlines"): this test runs at whatever time of day it is.
      const escalation = all.some((e) => e.destination.to.some((to) => ['peter.soder@ekdala.example', 'bengt.beredskap@ekdala.example'].includes(to)));
      const threadNotices = all.filter((e) => e.subject.startsWith('Anmälaren har skrivit')).length >= 4; // two messages × two contacts
      return outcome && escalation && threadNotices && all.length >= 12 && (emailsSeen.push(...all), true);
    });
    const stored = await Promise.all(ids.map((id) => stack.repository.get(id)));
    figures.reportsFound += stored.filter(Boolean).length;
  });

  it('put none of the personal values in any log line', () => {
    const logged = output.text() + '\n' + stack.logLines.join('\n');
    expect(output.jsonLines().length, 'the flow was logged').toBeGreaterThan(10);
    for (const secret of secrets) {
      expect(logged.includes(secret), `"${secret}" in the logs`).toBe(false);
      expect(logged.toLowerCase().includes(secret.toLowerCase()), `"${secret}" (any case) in the logs`).toBe(false);
    }
    figures.inputsTried += secrets.length;
  });

  it('put none of them in any email', () => {
    expect(emailsSeen.length).toBeGreaterThanOrEqual(12);
    for (const email of emailsSeen) {
      const text = `${email.subject}\n${email.body.text ?? ''}\n${email.body.html ?? ''}`;
      for (const secret of secrets.filter((s) => s !== person.reporterEmail && !person.reporterEmail.startsWith(s))) {
        expect(text.includes(secret), `"${secret}" in the email "${email.subject}"`).toBe(false);
      }
    }
  });

  it('tag each request\'s log lines with its own correlation id', () => {
    const lines = output.jsonLines();
    const created = lines.filter((l) => l.message === 'report created');
    const changed = lines.filter((l) => l.message === 'report changed');
    expect(created.length).toBeGreaterThanOrEqual(2);
    expect(changed.length).toBeGreaterThanOrEqual(2);
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const line of [...created, ...changed]) {
      expect(line.correlation_id, JSON.stringify(line)).toMatch(uuid);
      expect(line.route).toMatch(/^(GET|POST) \//);
    }
    const ids = [...created, ...changed].map((l) => l.correlation_id);
    expect(new Set(ids).size).toBe(ids.length);
    // A request's keys end with it: nothing of the last request is left on the logger.
    expect(lines.filter((l) => l.message === 'sweep finished').every((l) => l.correlation_id === undefined)).toBe(true);
  });
});
