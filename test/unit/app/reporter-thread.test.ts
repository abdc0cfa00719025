// The reporter's side's use cases against in-memory ports (no emulator): verify the reporter, the team's question
// (409 while untrusted), the reporter's message by the status link (a closed report refuses), status with thread.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { recordReportFeedback } from '../../../core/app/cases/change-report.ts';
import { viewReport } from '../../../core/app/cases/read-reports.ts';
import { askReporterQuestion, verifyReporterOfReport } from '../../../core/app/cases/reporter-thread.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../../core/app/errors.ts';
import { addReporterMessage } from '../../../core/app/reporter-message.ts';
import { reporterStatus } from '../../../core/app/reporter-status.ts';
import { submitReport } from '../../../core/app/submit-report.ts';
import { parseStatusKeyring } from '../../../core/config/status-keyring.ts';
import { atLocalTime } from '../../../core/domain/calendar.ts';
import { signStatusToken } from '../../../core/domain/status-token.ts';
import type { StaffIdentity } from '../../../core/identity/staff.ts';
import { fixedClock, MemoryReportStore, sampleDirectory, sampleDirectorySource } from '../../support/fakes/index.ts';
import { validSubmission } from '../../support/submission.ts';

const now = atLocalTime('2026-11-25', '10:00');
const norr: StaffIdentity = { id: 'sara.lindqvist@ekdala.example', teamIds: ['mottagning-norr'] };
const syd: StaffIdentity = { id: 'maria.holm@ekdala.example', teamIds: ['mottagning-syd'] };
const keyring = parseStatusKeyring('unit-test-status-secret-0123456789');

async function setup(reporterEmail: string) {
  const reports = new MemoryReportStore();
  const deps = { reports, directory: sampleDirectorySource, clock: fixedClock(now), statusKeys: async () => keyring };
  const id = randomUUID();
  await submitReport(deps, { submissionId: id, fields: validSubmission({ reporter: { email: reporterEmail } }), channel: 'json' });
  return { reports, deps, id, token: signStatusToken(id, keyring.current) };
}

describe("the reporter's side (use cases)", () => {
  it('an untrusted reporter: flagged in the summary, no question until a team member verifies them by phone', async () => {
    const { deps, id } = await setup('anna.lind@example.se');
    const view = await viewReport(deps, norr, id, sampleDirectory);
    expect(view.summary).toMatchObject({ reporterTrust: 'untrusted', reporterTrusted: false });
    const refused = await askReporterQuestion(deps, norr, sampleDirectory, id, () => ({ text: 'Vilken klass?' })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as Error).message).toMatch(/not verified/);

    const verified = await verifyReporterOfReport(deps, norr, sampleDirectory, id);
    expect(verified).toMatchObject({ reporterTrust: 'verified-by-team', reporterTrusted: true });
    // Twice is harmless.
    expect(await verifyReporterOfReport(deps, norr, sampleDirectory, id)).toMatchObject({ reporterTrusted: true });
    await askReporterQuestion(deps, norr, sampleDirectory, id, () => ({ text: 'Vilken klass?' }));
    const report = (await deps.reports.get(id))!.report;
    expect(report.thread).toEqual([{ from: 'team', text: 'Vilken klass?', at: now.toISOString(), by: norr.id }]);
    expect(report.reporterVerified).toEqual({ by: norr.id, at: now.toISOString() });
  });

  it("another team's report is not found for verify and ask; the body is not even read", async () => {
    const { deps, id } = await setup('anna.lind@skola.ekdala.example');
    let read = false;
    for (const attempt of [
      verifyReporterOfReport(deps, syd, sampleDirectory, id),
      askReporterQuestion(deps, syd, sampleDirectory, id, () => {
        read = true;
        return { text: 'x' };
      }),
    ]) {
      expect(await attempt.catch((e: unknown) => e)).toBeInstanceOf(NotFoundError);
    }
    expect(read).toBe(false);
  });

  it('a question and an answer both land in the thread; the reporter sees no staff name', async () => {
    const { deps, id, token } = await setup('anna.lind@skola.ekdala.example');
    await askReporterQuestion(deps, norr, sampleDirectory, id, () => ({ text: 'Har eleven syskon på skolan?' }));
    const answered = await addReporterMessage(deps, token, () => ({ text: '  Ja, en bror i årskurs 2.  ' }));
    expect(answered.thread.map(({ from, text }) => ({ from, text }))).toEqual([
      { from: 'team', text: 'Har eleven syskon på skolan?' },
      { from: 'reporter', text: 'Ja, en bror i årskurs 2.' },
    ]);
    const status = await reporterStatus(deps, token);
    expect(JSON.stringify(status)).not.toContain(norr.id);
    expect(status).toMatchObject({ acknowledgeBy: expect.any(String), feedbackBy: expect.any(String), outcome: null });
  });

  it('texts are validated like the form: blank to a person, control characters and too long name `text`', async () => {
    const { deps, id, token } = await setup('anna.lind@skola.ekdala.example');
    for (const text of ['', '   ', '\u200b\u200d\u2060', 'a\u0000b', 'x'.repeat(5_001), 42]) {
      const asked = await askReporterQuestion(deps, norr, sampleDirectory, id, () => ({ text })).catch((e: unknown) => e);
      expect(asked).toBeInstanceOf(InvalidInputError);
      expect((asked as InvalidInputError).errors.map((e) => e.path)).toEqual(['text']);
      const wrote = await addReporterMessage(deps, token, () => ({ text })).catch((e: unknown) => e);
      expect(wrote).toBeInstanceOf(InvalidInputError);
    }
    expect((await deps.reports.get(id))!.report.thread).toBeUndefined();
  });

  it('a closed report refuses the reporter ("make a new report"); a bad link is not found', async () => {
    const { deps, id, token } = await setup('anna.lind@skola.ekdala.example');
    await recordReportFeedback(deps, norr, sampleDirectory, id, () => ({ outcome: 'investigation-not-opened' }));
    const refused = await addReporterMessage(deps, token, () => ({ text: 'En sak till.' })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as Error).message).toMatch(/make a new report/);
    expect(await reporterStatus(deps, token)).toMatchObject({ status: 'closed', outcome: 'investigation-not-opened' });
    const bad = await addReporterMessage(deps, `${token.slice(0, -2)}xx`, () => ({ text: 'x' })).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(NotFoundError);
  });

  it('a link stops working when its report expires (reads filter expiresAt)', async () => {
    const { deps, id, token } = await setup('anna.lind@skola.ekdala.example');
    expect(await reporterStatus(deps, token)).toMatchObject({ status: 'received' });
    deps.reports.reports.delete(id); // what the store answers for an expired report: nothing
    expect(await reporterStatus(deps, token).catch((e: unknown) => e)).toBeInstanceOf(NotFoundError);
  });
});
