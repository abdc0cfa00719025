// The team-work use cases (issue 12) against in-memory ports: acknowledge with the protection assessment, take and
// give, forward, notes, the case-system reference, the five closing outcomes, and views audited once an hour.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addNote } from '../../../core/app/cases/add-note.ts';
import { assignReport } from '../../../core/app/cases/assign-report.ts';
import { acknowledgeReport, recordReportFeedback } from '../../../core/app/cases/change-report.ts';
import { forwardReport } from '../../../core/app/cases/forward-report.ts';
import { viewReport } from '../../../core/app/cases/read-reports.ts';
import { recordCaseSystemRef } from '../../../core/app/cases/record-case-system-ref.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../../core/app/errors.ts';
import { submitReport } from '../../../core/app/submit-report.ts';
import { atLocalTime } from '../../../core/domain/calendar.ts';
import type { StaffIdentity } from '../../../core/identity/staff.ts';
import { exampleSubmission } from '../../../forms/concern-report/example.ts';
import { MemoryReportStore, sampleDirectory, sampleDirectorySource } from '../../support/fakes/index.ts';

const sara: StaffIdentity = { id: 'sara.lindqvist@ekdala.example', teamIds: ['mottagning-norr'] };
const johan: StaffIdentity = { id: 'johan.ek@ekdala.example', teamIds: ['mottagning-norr'] };
const karin: StaffIdentity = { id: 'karin.norberg@ekdala.example', teamIds: ['mottagning-norr'] }; // Norr's lead
const maria: StaffIdentity = { id: 'maria.holm@ekdala.example', teamIds: ['mottagning-syd'] };

async function setup() {
  const reports = new MemoryReportStore();
  let now = atLocalTime('2026-11-25', '10:00');
  const clock = { now: () => now };
  const deps = { reports, directory: sampleDirectorySource, clock };
  const id = randomUUID();
  await submitReport(deps, { submissionId: id, fields: exampleSubmission(), channel: 'json' }); // ekbacken → mottagning-norr
  return { reports, deps, id, later: (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000)) };
}

const error = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e);

describe('acknowledge with the protection assessment', () => {
  it('refuses an acknowledgement without the assessment, naming the field, and changes nothing', async () => {
    const { reports, deps, id } = await setup();
    const refused = await error(acknowledgeReport(deps, sara, id, () => ({})));
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect((refused as InvalidInputError).errors.map((e) => e.path)).toEqual(['protectionAssessment']);
    const wrong = await error(acknowledgeReport(deps, sara, id, () => ({ protectionAssessment: { result: 'fine' } })));
    expect((wrong as InvalidInputError).errors.map((e) => e.path)).toEqual(['protectionAssessment.result']);
    expect((await reports.get(id))?.report.status).toBe('received');
  });

  it('records the assessment with the acknowledgement, in the report and the audit', async () => {
    const { reports, deps, id } = await setup();
    const body = { protectionAssessment: { result: 'immediate-protection-needed', note: 'Ringt polisen' } };
    expect((await acknowledgeReport(deps, sara, id, () => body)).status).toBe('acknowledged');
    const stored = (await reports.get(id))!.report;
    expect(stored.protectionAssessment).toMatchObject({ result: 'immediate-protection-needed', note: 'Ringt polisen', by: sara.id });
    expect((await reports.auditTrail(id)).at(-1)).toMatchObject({ action: 'acknowledged', detail: { protectionAssessment: 'immediate-protection-needed' } });
  });
});

describe('take and assign', () => {
  it('a member takes a report; a colleague cannot give it away; the lead gives it to anyone in the team', async () => {
    const { reports, deps, id } = await setup();
    expect((await assignReport(deps, sara, sampleDirectory, id, () => ({ assignee: sara.id }))).id).toBe(id);
    expect((await reports.get(id))?.report.assignee).toMatchObject({ email: sara.id, by: sara.id });
    expect(await error(assignReport(deps, johan, sampleDirectory, id, () => ({ assignee: johan.id })))).toBeInstanceOf(ForbiddenError);
    await assignReport(deps, karin, sampleDirectory, id, () => ({ assignee: johan.id }));
    expect((await reports.get(id))?.report.assignee).toMatchObject({ email: johan.id, by: karin.id });
    const outsider = await error(assignReport(deps, karin, sampleDirectory, id, () => ({ assignee: maria.id })));
    expect((outsider as InvalidInputError).errors.map((e) => e.path)).toEqual(['assignee']);
    const notAnEmail = await error(assignReport(deps, karin, sampleDirectory, id, () => ({ assignee: 'johan' })));
    expect((notAnEmail as InvalidInputError).errors.map((e) => e.path)).toEqual(['assignee']);
    expect((await reports.auditTrail(id)).filter((e) => e.action === 'assigned')).toHaveLength(2);
  });
});

describe('forward', () => {
  it('moves the report to the new team with who, when and why; the old team then gets "not found"; deadlines unchanged', async () => {
    const { reports, deps, id } = await setup();
    const before = (await reports.get(id))!.report;
    await assignReport(deps, sara, sampleDirectory, id, () => ({ assignee: sara.id }));
    const answer = await forwardReport(deps, sara, sampleDirectory, id, () => ({ teamId: 'mottagning-syd', reason: 'Eleven bor i Syd' }));
    expect(answer).toEqual({ id, teamId: 'mottagning-syd', teamName: 'Mottagningsgruppen Syd' });
    const after = (await reports.get(id))!.report;
    expect(after).toMatchObject({ teamId: 'mottagning-syd', acknowledgeBy: before.acknowledgeBy, feedbackBy: before.feedbackBy });
    expect(after.assignee).toBeUndefined();
    expect(after.forwardedFrom).toEqual([{ teamId: 'mottagning-norr', reason: 'Eleven bor i Syd', at: expect.any(String), by: sara.id }]);
    const audit = (await reports.auditTrail(id)).at(-1)!;
    expect(audit).toMatchObject({ action: 'forwarded', actor: { id: sara.id }, detail: { fromTeamId: 'mottagning-norr', toTeamId: 'mottagning-syd' } });
    expect(JSON.stringify(audit)).not.toContain('Eleven');
    expect(await error(viewReport(deps, sara, id))).toBeInstanceOf(NotFoundError);
    expect((await viewReport(deps, maria, id)).report.teamId).toBe('mottagning-syd');
  });

  it('names the field for an unknown team, the same team or a missing reason', async () => {
    const { deps, id } = await setup();
    const paths = async (body: unknown) => ((await error(forwardReport(deps, sara, sampleDirectory, id, () => body))) as InvalidInputError).errors.map((e) => e.path);
    expect(await paths({ teamId: 'no-such-team', reason: 'x' })).toEqual(['teamId']);
    expect(await paths({ teamId: 'mottagning-norr', reason: 'x' })).toEqual(['teamId']);
    expect(await paths({ teamId: 'mottagning-syd', reason: '  ' })).toEqual(['reason']);
  });
});

describe('notes and the case-system reference', () => {
  it('keeps notes in order (the audit counts them, never their text) and records the reference once', async () => {
    const { reports, deps, id, later } = await setup();
    await addNote(deps, sara, sampleDirectory, id, () => ({ text: 'Ringde skolan' }));
    later(5);
    const { notes } = await addNote(deps, johan, sampleDirectory, id, () => ({ text: 'Mamman ringer tillbaka' }));
    expect(notes.map((n) => [n.text, n.by])).toEqual([['Ringde skolan', sara.id], ['Mamman ringer tillbaka', johan.id]]);
    const empty = await error(addNote(deps, sara, sampleDirectory, id, () => ({ text: ' ' })));
    expect((empty as InvalidInputError).errors.map((e) => e.path)).toEqual(['text']);
    const noteEvents = (await reports.auditTrail(id)).filter((e) => e.action === 'note-added');
    expect(noteEvents.map((e) => e.detail)).toEqual([{ note: 1 }, { note: 2 }]);
    expect(JSON.stringify(noteEvents)).not.toContain('Ringde');
    expect((await recordCaseSystemRef(deps, sara, sampleDirectory, id, () => ({ ref: 'SoF-2026-123' }))).caseSystemRef).toBe('SoF-2026-123');
    await recordCaseSystemRef(deps, sara, sampleDirectory, id, () => ({ ref: 'SoF-2026-123' }));
    expect((await reports.auditTrail(id)).filter((e) => e.action === 'case-system-ref-recorded')).toHaveLength(1);
  });
});

describe('feedback with the five outcomes', () => {
  it('only the lead may withhold feedback as inappropriate (with a reason)', async () => {
    const { deps, id } = await setup();
    const body = () => ({ outcome: 'not-given-inappropriate', reason: 'Risk för barnet' });
    expect(await error(recordReportFeedback(deps, sara, sampleDirectory, id, body))).toBeInstanceOf(ForbiddenError);
    const noReason = await error(recordReportFeedback(deps, karin, sampleDirectory, id, () => ({ outcome: 'not-given-inappropriate' })));
    expect((noReason as InvalidInputError).errors.map((e) => e.path)).toEqual(['reason']);
    expect(await recordReportFeedback(deps, karin, sampleDirectory, id, body)).toMatchObject({ status: 'closed' });
  });

  it('forwarded to another municipality needs the municipality and a recorded protection assessment', async () => {
    const { reports, deps, id } = await setup();
    const noName = await error(recordReportFeedback(deps, sara, sampleDirectory, id, () => ({ outcome: 'forwarded-to-other-municipality' })));
    expect((noName as InvalidInputError).errors.map((e) => e.path)).toEqual(['municipality']);
    const body = () => ({ outcome: 'forwarded-to-other-municipality', municipality: 'Grannby kommun' });
    expect(await error(recordReportFeedback(deps, sara, sampleDirectory, id, body))).toBeInstanceOf(ConflictError);
    await acknowledgeReport(deps, sara, id, () => ({ protectionAssessment: { result: 'no-immediate-risk' } }));
    await recordReportFeedback(deps, sara, sampleDirectory, id, body);
    expect((await reports.get(id))?.report.closedWithoutFeedback).toMatchObject({ outcome: 'forwarded-to-other-municipality', municipality: 'Grannby kommun' });
  });
});

describe('the report view', () => {
  it('shows the team work, and audits a view once per person and hour', async () => {
    const { reports, deps, id, later } = await setup();
    await addNote(deps, sara, sampleDirectory, id, () => ({ text: 'Ringde skolan' }));
    const view = await viewReport(deps, sara, id);
    expect(view).toMatchObject({ assignee: null, protectionAssessment: null, thread: [], earlierReports: [] });
    expect(view.notes.map((n) => n.text)).toEqual(['Ringde skolan']);
    later(30);
    await viewReport(deps, sara, id);
    await viewReport(deps, johan, id);
    const views = () => reports.auditTrail(id).then((trail) => trail.filter((e) => e.action === 'viewed').map((e) => e.actor.id));
    expect(await views()).toEqual([sara.id, johan.id]);
    later(31);
    await viewReport(deps, sara, id);
    expect(await views()).toEqual([sara.id, johan.id, sara.id]);
  });
});
