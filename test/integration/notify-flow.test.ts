// Notify on the local stack: the table's stream → the poller → the handler → the local SES, as in AWS.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFeedback } from '../../core/domain/report.ts';
import { concernReportDeadlines as policy } from '../../forms/concern-report/policy.ts';
import { startTestStack, submit, sweepAt, validSubmission, type TestStack } from '../support/local-stack.ts';
import { about, recipients, streamRecordsOf, uniqueReporter, waitForEmails } from './notify-support.ts';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function newReport(overrides: Record<string, unknown> = {}) {
  const reporter = uniqueReporter();
  const response = await submit(stack.url, validSubmission({ reporter: { email: reporter }, ...overrides }), { key: randomUUID() });
  expect(response.status).toBe(201);
  return { ...(response.json as { id: string; reference: string; acknowledgeBy: string; feedbackBy: string }), reporter };
}

describe('notify on the local stack', () => {
  it('a new report: an alert to every contact of the routed team and a receipt to the reporter, within seconds', async () => {
    const started = Date.now();
    const report = await newReport();
    const emails = await waitForEmails(stack.sesEndpoint, about(report.reference), 3);
    const elapsed = Date.now() - started;
    expect(recipients(emails)).toEqual(['johan.ek@ekdala.example', report.reporter, 'sara.lindqvist@ekdala.example'].sort());
    const receipt = emails.find((e) => e.destination.to[0] === report.reporter)!;
    expect(receipt.subject).toBe(`Vi har tagit emot din orosanmälan ${report.reference}`);
    expect(receipt.body.text).toMatch(new RegExp(`/status/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+`));
    const alert = emails.find((e) => e.destination.to[0] === 'sara.lindqvist@ekdala.example')!;
    expect(alert.subject).toBe(`Ny orosanmälan ${report.reference} – Ekbackens skola`);
    expect(alert.body.text).toContain(`/cases/${report.id}`);
    // Measured, not asserted: this machine is shared and noisy.
    console.log(`submit → alert and receipt in the mailbox: ${elapsed} ms`);
    await expect
      .poll(async () => [...(await stack.repository.get(report.id))!.report.sentEmails].sort(), { timeout: 15_000 })
      .toEqual(['alert:johan.ek@ekdala.example', 'alert:sara.lindqvist@ekdala.example', 'receipt']);
  });

  it('an unknown school: the fallback team’s contacts get the alert, flagged', async () => {
    const report = await newReport({ schoolId: 'no-such-school' });
    const emails = await waitForEmails(stack.sesEndpoint, about(report.reference), 3);
    expect(recipients(emails)).toEqual(['lina.berg@ekdala.example', 'omar.nilsson@ekdala.example', report.reporter].sort());
    const alert = emails.find((e) => e.destination.to[0] === 'lina.berg@ekdala.example')!;
    expect(alert.subject).toContain('okänd skola');
    expect(alert.body.text).toContain('reservteamet Mottagningsgruppen Centrum');
  });

  it('an English report gets an English receipt; the team’s alert stays Swedish', async () => {
    const report = await newReport({ language: 'en' });
    const emails = await waitForEmails(stack.sesEndpoint, about(report.reference), 3);
    expect(emails.find((e) => e.destination.to[0] === report.reporter)?.subject).toBe(`We have received your concern report ${report.reference}`);
    expect(emails.find((e) => e.destination.to[0] === 'johan.ek@ekdala.example')?.subject).toMatch(/^Ny orosanmälan/);
  });

  it('the same stream records delivered again (twice, and by two consumers at once) send no second email', async () => {
    const report = await newReport();
    await waitForEmails(stack.sesEndpoint, about(report.reference), 3);
    const records = await streamRecordsOf(stack.dynamoEndpoint, stack.tableName, report.id);
    expect(records[0]?.eventName).toBe('INSERT');
    const { handler } = await import('../../functions/notify/handler.ts');
    const { lambdaContext } = await import('../../local/http-server.ts');
    const deliver = () => handler({ Records: records }, lambdaContext('notify'));
    expect(await deliver()).toEqual({ batchItemFailures: [] });
    expect(await deliver()).toEqual({ batchItemFailures: [] });
    await Promise.all([deliver(), deliver()]);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // give a wrong extra email time to arrive
    expect(await waitForEmails(stack.sesEndpoint, about(report.reference), 4, 0)).toHaveLength(3);
  });

  it('feedback: a notice (neither the outcome nor the note) to the reporter, once', async () => {
    const report = await newReport();
    await waitForEmails(stack.sesEndpoint, about(report.reference), 3);
    const stored = (await stack.repository.get(report.id))!;
    const change = recordFeedback(stored.report, { outcome: 'investigation-not-opened', note: 'NOTE-MUST-NOT-LEAK' }, 'sara.lindqvist@ekdala.example', new Date(), policy);
    if (change.kind !== 'changed') throw new Error('expected a change');
    expect(await stack.repository.saveChange(stored, change.report, change.audit)).toBe(true);
    const outcome = await waitForEmails(stack.sesEndpoint, (e) => about(report.reference)(e) && e.subject.includes('återkoppling'), 1);
    expect(outcome).toHaveLength(1);
    expect(outcome[0]!.destination.to).toEqual([report.reporter]);
    // Issue 13 / DESIGN.md "Privacy rules": a notice with the status link; the outcome is only on the status page.
    expect(outcome[0]!.subject).toBe(`Socialtjänsten har lämnat återkoppling på ${report.reference}`);
    expect(JSON.stringify(outcome[0])).not.toContain('Utredning inleds inte');
    expect(outcome[0]!.body.text).toMatch(/\/status\/k1\./);
    expect(JSON.stringify(outcome[0])).not.toContain('NOTE-MUST-NOT-LEAK');
  });

  // Sweeps move the whole table's clock forward: this test runs last in the file.
  // Contract change (issue 14, DESIGN.md "Digests"): these now come as one digest per person per sweep, which
  // names the report in its text (its subject counts the reports).
  it('the sweep’s reminder goes to the team contacts and its escalations to the lead, in their digests', async () => {
    const report = await newReport();
    await waitForEmails(stack.sesEndpoint, about(report.reference), 3);
    // The acknowledge deadline passes unacknowledged: escalation #1 to the lead of mottagning-norr.
    await sweepAt(stack.url, new Date(new Date(report.acknowledgeBy).getTime() + 60_000));
    const first = await waitForEmails(stack.sesEndpoint, (e) => about(report.reference)(e) && e.subject.startsWith('Eskalering'), 1);
    expect(recipients(first)).toEqual(['karin.norberg@ekdala.example']);
    expect(first[0]!.subject).toMatch(/^Eskalering: \d+ (orosanmälan|orosanmälningar) behöver åtgärd$/);
    expect(first[0]!.body.text).toMatch(new RegExp(`${report.reference}: Ekbackens skola: kvittens försenad sedan .* \\(har väntat 0 timmar \\(0 arbetsdagar\\)\\)`));
    // Two days before feedback is due: the reminder to the contacts, and escalation #2 (still unacknowledged).
    const stored = (await stack.repository.get(report.id))!.report;
    await sweepAt(stack.url, new Date(new Date(stored.reminderAt!).getTime() + 60_000));
    const reminders = await waitForEmails(stack.sesEndpoint, (e) => about(report.reference)(e) && e.subject.startsWith('Påminnelse'), 2);
    expect(recipients(reminders)).toEqual(['johan.ek@ekdala.example', 'sara.lindqvist@ekdala.example']);
    const escalations = await waitForEmails(stack.sesEndpoint, (e) => about(report.reference)(e) && e.subject.startsWith('Eskalering'), 2);
    expect(escalations).toHaveLength(2);
    // The ledger records an email just after SES took it: wait for the record rather than race it.
    await expect
      .poll(async () => (await stack.repository.get(report.id))!.report.sentEmails, { timeout: 15_000 })
      .toEqual(expect.arrayContaining(['escalation#1', 'escalation#2', 'reminder:sara.lindqvist@ekdala.example']));
  });
});
