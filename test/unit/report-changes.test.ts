// The second slice's report state changes (core/domain/report.ts, team-work.ts, thread.ts, notices.ts),
// run on reports made by createReport from the design's example submission.
import { describe, expect, it } from 'vitest';
import { atLocalTime } from '../../core/domain/calendar.ts';
import { leadAlertOwed, owedNotices } from '../../core/domain/notices.ts';
import type { StaffActor } from '../../core/domain/change.ts';
import { closingOutcomeOf, countedAs, recordOutcome, reporterOutcome } from '../../core/domain/outcomes.ts';
import {
  acknowledge,
  createReport,
  recordFeedback,
  type Change,
  type Report,
} from '../../core/domain/report.ts';
import {
  addNote,
  assign,
  forward,
  recordCaseSystemRef,
  retentionStartsAt,
  take,
  unassign,
  verifyReporter,
  type TeamRoster,
} from '../../core/domain/team-work.ts';
import { askReporter, reporterWrites, threadForReporter } from '../../core/domain/thread.ts';
import { exampleSubmission } from '../../forms/concern-report/example.ts';
import { concernReportDeadlines as policy } from '../../forms/concern-report/policy.ts';
import { concernReportSchema } from '../../forms/concern-report/schema.ts';

const submittedAt = atLocalTime('2026-11-25', '10:00');
const later = (minutes: number) => new Date(submittedAt.getTime() + minutes * 60_000);

const roster: TeamRoster = {
  lead: { email: 'lead@ekdala.example' },
  contacts: [{ email: 'sara@ekdala.example' }, { email: 'omar@ekdala.example' }],
};
const lead: StaffActor = { email: 'lead@ekdala.example', isLead: true };
const sara: StaffActor = { email: 'sara@ekdala.example', isLead: false };
const omar: StaffActor = { email: 'omar@ekdala.example', isLead: false };

function newReport(): Report {
  return createReport({
    submissionId: '0b9c7c1e-4a5b-4c8d-9e0f-1a2b3c4d5e6f',
    submission: concernReportSchema.parse(exampleSubmission()),
    bodyHash: 'x',
    route: { teamId: 'mottagning-norr', areaId: 'norr', schoolName: 'Ekbackens skola', routedToFallback: false },
    policy,
    now: submittedAt,
  }).report;
}

function changed(change: Change): Extract<Change, { kind: 'changed' }> {
  if (change.kind !== 'changed') throw new Error(`expected a change, got ${JSON.stringify(change)}`);
  return change;
}

function acknowledged(result: 'no-immediate-risk' | 'immediate-protection-needed' = 'no-immediate-risk'): Report {
  return changed(acknowledge(newReport(), sara.email, later(30), policy, { result, note: ' called the school ' })).report;
}

/** Audit details carry ids, categories and counts only: never free text a person typed. */
function expectNoFreeText(change: Extract<Change, { kind: 'changed' }>, ...texts: string[]) {
  const audit = JSON.stringify(change.audit);
  for (const text of texts) expect(audit).not.toContain(text);
}

describe('acknowledging records the protection assessment', () => {
  it('records the result, the note, who and when; the audit names the result only', () => {
    const change = changed(acknowledge(newReport(), sara.email, later(30), policy, { result: 'no-immediate-risk', note: ' spoke to the nurse ' }));
    expect(change.report.status).toBe('acknowledged');
    expect(change.report.protectionAssessment).toEqual({ result: 'no-immediate-risk', note: 'spoke to the nurse', at: later(30).toISOString(), by: sara.email });
    expect(change.audit).toMatchObject({ action: 'acknowledged', detail: { protectionAssessment: 'no-immediate-risk' } });
    expectNoFreeText(change, 'nurse');
  });

  it('the old signature still acknowledges without an assessment', () => {
    const change = changed(acknowledge(newReport(), sara.email, later(30), policy));
    expect(change.report.status).toBe('acknowledged');
    expect(change.report.protectionAssessment).toBeUndefined();
    expect(change.audit.detail).toBeUndefined();
  });

  it('a second acknowledgement is harmless; the first assessment stands', () => {
    const report = acknowledged();
    const again = acknowledge(report, omar.email, later(60), policy, { result: 'immediate-protection-needed' });
    expect(again).toEqual({ kind: 'unchanged', report });
  });

  it('a report acknowledged without an assessment gets it recorded later', () => {
    const report = changed(acknowledge(newReport(), sara.email, later(30), policy)).report;
    const change = changed(acknowledge(report, omar.email, later(60), policy, { result: 'immediate-protection-needed' }));
    expect(change.report.acknowledgedBy).toBe(sara.email);
    expect(change.report.protectionAssessment).toMatchObject({ result: 'immediate-protection-needed', by: omar.email });
    expect(change.audit).toMatchObject({ action: 'protection-assessed', detail: { result: 'immediate-protection-needed' } });
  });

  it.each([
    ['no-immediate-risk', false],
    ['immediate-protection-needed', true],
  ] as const)('%s: the lead alert is owed = %s, until notify records it as sent', (result, owed) => {
    const report = acknowledged(result);
    expect(leadAlertOwed(report)).toBe(owed);
    expect(leadAlertOwed({ ...report, sentEmails: ['lead-alert:protection'] })).toBe(false);
  });
});

describe('assign, take, unassign', () => {
  type Case = [name: string, start: string | undefined, by: StaffActor, to: string | null, expected: string | { code: string }];
  const cases: Case[] = [
    ['a member takes an unassigned report', undefined, sara, sara.email, sara.email],
    ['a member takes it with their address in other case', undefined, sara, 'SARA@Ekdala.example', sara.email],
    ['a member cannot give it to a colleague', undefined, sara, omar.email, { code: 'forbidden' }],
    ["a member cannot take a colleague's report", omar.email, sara, sara.email, { code: 'forbidden' }],
    ["a member cannot drop a colleague's report", omar.email, sara, null, { code: 'forbidden' }],
    ['the assignee drops their own report', sara.email, sara, null, 'none'],
    ['the lead gives it to a member', undefined, lead, omar.email, omar.email],
    ['the lead moves it between members', sara.email, lead, omar.email, omar.email],
    ["the lead drops a member's report", sara.email, lead, null, 'none'],
    ['the lead takes it', undefined, lead, lead.email, lead.email],
    ['nobody can give it outside the team', undefined, lead, 'someone@elsewhere.example', { code: 'invalid' }],
    ['a member takes the report of someone who left the team', 'left@ekdala.example', sara, sara.email, sara.email],
    ['a member drops the report of someone who left the team', 'left@ekdala.example', sara, null, 'none'],
  ];
  it.each(cases)('%s', (_name, start, by, to, expected) => {
    let report = newReport();
    const withLeaver = { ...roster, contacts: [...roster.contacts, { email: 'left@ekdala.example' }] };
    if (start) report = changed(assign(report, start, lead, withLeaver, later(1))).report;
    const change = assign(report, to, by, roster, later(5));
    if (typeof expected === 'object') {
      expect(change).toMatchObject({ kind: 'refused', code: expected.code });
      if (change.kind === 'refused') expect(change.reason.length).toBeGreaterThan(20);
      if (expected.code === 'invalid') expect(change).toMatchObject({ field: 'assignee' });
      return;
    }
    const result = changed(change);
    expect(result.report.assignee?.email ?? 'none').toBe(expected);
    expect(result.audit.action).toBe(expected === 'none' ? 'unassigned' : 'assigned');
  });

  it('taking what one already has, or dropping an unassigned report, changes nothing', () => {
    const report = changed(take(newReport(), sara, roster, later(1))).report;
    expect(take(report, sara, roster, later(2)).kind).toBe('unchanged');
    expect(unassign(newReport(), sara, roster, later(2)).kind).toBe('unchanged');
  });

  it('a closed report is not assigned', () => {
    const closed = changed(recordFeedback(acknowledged(), { outcome: 'already-ongoing', note: '' }, sara.email, later(90), policy)).report;
    expect(take(closed, sara, roster, later(100))).toMatchObject({ kind: 'refused', code: 'conflict' });
  });

  it('the assignee gets a notice when the lead gives the report, not when they take it themselves', () => {
    const taken = changed(take(newReport(), sara, roster, later(1))).report;
    expect(owedNotices(taken).filter((n) => n.subject === 'assigned')).toEqual([]);
    const given = changed(assign(taken, omar.email, lead, roster, later(2))).report;
    expect(changed(assign(taken, omar.email, lead, roster, later(2))).audit.detail).toEqual({ assignee: omar.email, self: false });
    expect(owedNotices(given).filter((n) => n.subject === 'assigned')).toEqual([
      { key: `assigned:${omar.email}:${later(2).toISOString()}`, subject: 'assigned', to: { kind: 'staff', email: omar.email } },
    ]);
  });
});

describe('forwarding to another team', () => {
  it('changes the team, keeps the deadlines, drops the assignee, keeps a history, audits ids only', () => {
    const report = changed(take(acknowledged(), sara, roster, later(40))).report;
    const change = changed(forward(report, { teamId: 'mottagning-syd', reason: 'the family lives in Syd' }, sara, later(50)));
    expect(change.report.teamId).toBe('mottagning-syd');
    expect(change.report.acknowledgeBy).toBe(report.acknowledgeBy);
    expect(change.report.feedbackBy).toBe(report.feedbackBy);
    expect(change.report.nextActionAt).toBe(report.nextActionAt);
    expect(change.report.assignee).toBeUndefined();
    expect(change.report.forwardedFrom).toEqual([{ teamId: 'mottagning-norr', reason: 'the family lives in Syd', at: later(50).toISOString(), by: sara.email }]);
    expect(change.audit).toEqual({
      reportId: report.id,
      at: later(50).toISOString(),
      actor: { kind: 'staff', id: sara.email },
      action: 'forwarded',
      detail: { fromTeamId: 'mottagning-norr', toTeamId: 'mottagning-syd' },
    });
    expectNoFreeText(change, 'family');
  });

  it('alerts each new team once: a notice per forwarding, to the team it went to', () => {
    const once = changed(forward(newReport(), { teamId: 'syd', reason: 'r' }, sara, later(5))).report;
    const twice = changed(forward({ ...once, sentEmails: ['forwarded#1'] }, { teamId: 'vast', reason: 'r' }, sara, later(9))).report;
    expect(noticesAbout(twice, 'forwarded')).toEqual([{ key: 'forwarded#2', subject: 'forwarded', to: { kind: 'team', teamId: 'vast' } }]);
    expect(noticesAbout(once, 'forwarded')).toEqual([{ key: 'forwarded#1', subject: 'forwarded', to: { kind: 'team', teamId: 'syd' } }]);
  });

  it.each([
    ['the same team', { teamId: 'mottagning-norr', reason: 'x' }, 'teamId'],
    ['no team', { teamId: ' ', reason: 'x' }, 'teamId'],
    ['no reason', { teamId: 'syd', reason: '  ' }, 'reason'],
  ])('refuses %s, naming the field', (_name, to, field) => {
    expect(forward(newReport(), to, sara, later(5))).toMatchObject({ kind: 'refused', code: 'invalid', field });
  });
});

function noticesAbout(report: Report, subject: string) {
  return owedNotices(report).filter((n) => n.subject === subject);
}

describe('working notes, the case-system reference and retention', () => {
  it('keeps several notes in order; the audit counts them without their text', () => {
    const first = changed(addNote(newReport(), 'Mother called back', sara, later(5)));
    const second = changed(addNote(first.report, 'School nurse says more', omar, later(6)));
    expect(second.report.notes).toEqual([
      { text: 'Mother called back', by: sara.email, at: later(5).toISOString() },
      { text: 'School nurse says more', by: omar.email, at: later(6).toISOString() },
    ]);
    expect(second.audit).toMatchObject({ action: 'note-added', detail: { note: 2 } });
    expectNoFreeText(second, 'nurse');
    expect(addNote(newReport(), '   ', sara, later(5))).toMatchObject({ kind: 'refused', field: 'text' });
  });

  it('retention starts only when the report is closed and has a case-system reference, at the later of the two', () => {
    const open = acknowledged();
    expect(retentionStartsAt(open)).toBeNull();
    const withRef = changed(recordCaseSystemRef(open, ' 2026-SOC-1234 ', sara, later(60))).report;
    expect(withRef.caseSystemRef).toEqual({ ref: '2026-SOC-1234', at: later(60).toISOString(), by: sara.email });
    expect(retentionStartsAt(withRef)).toBeNull();
    const closed = changed(recordFeedback(withRef, { outcome: 'investigation-opened', note: '' }, sara.email, later(120), policy)).report;
    expect(retentionStartsAt(closed)).toBe(later(120).toISOString());

    const closedFirst = changed(recordFeedback(open, { outcome: 'investigation-opened', note: '' }, sara.email, later(120), policy)).report;
    expect(retentionStartsAt(closedFirst)).toBeNull();
    const registeredLater = changed(recordCaseSystemRef(closedFirst, 'REF-9', sara, later(300))).report;
    expect(retentionStartsAt(registeredLater)).toBe(later(300).toISOString());
    expect(recordCaseSystemRef(registeredLater, 'REF-9', sara, later(400)).kind).toBe('unchanged');
    expect(recordCaseSystemRef(registeredLater, '', sara, later(400))).toMatchObject({ kind: 'refused', field: 'ref' });
  });

  it('verifies the reporter once, with who and when', () => {
    const change = changed(verifyReporter(newReport(), sara, later(5)));
    expect(change.report.reporterVerified).toEqual({ by: sara.email, at: later(5).toISOString() });
    expect(change.audit.action).toBe('reporter-verified');
    expect(verifyReporter(change.report, omar, later(6)).kind).toBe('unchanged');
  });
});

describe("the reporter's thread", () => {
  it('the team may not ask an untrusted reporter', () => {
    const change = askReporter(newReport(), 'Which days was he absent?', sara, later(5), { reporterTrusted: false });
    expect(change).toMatchObject({ kind: 'refused', code: 'conflict' });
    if (change.kind === 'refused') expect(change.reason).toMatch(/verified/);
  });

  it('question and answer alternate; each owes one notice, the reporter sees no staff names', () => {
    const asked = changed(askReporter(newReport(), 'Which days?', sara, later(5), { reporterTrusted: true }));
    expect(asked.audit).toMatchObject({ action: 'question-asked', detail: { entry: 1 } });
    expectNoFreeText(asked, 'Which days');
    const answered = changed(reporterWrites(asked.report, 'Monday and Tuesday', later(50)));
    expect(answered.audit).toMatchObject({ actor: { kind: 'reporter' }, action: 'reporter-wrote', detail: { entry: 2 } });
    expect(threadForReporter(answered.report)).toEqual([
      { from: 'team', text: 'Which days?', at: later(5).toISOString() },
      { from: 'reporter', text: 'Monday and Tuesday', at: later(50).toISOString() },
    ]);
    expect(owedNotices({ ...answered.report, sentEmails: ['question#1'] })).toEqual([
      { key: 'reporter-message#2', subject: 'reporter-message', to: { kind: 'assignee-or-team' } },
    ]);
  });

  it('a closed report takes no more messages from the reporter: make a new report', () => {
    const closed = changed(recordFeedback(acknowledged(), { outcome: 'already-ongoing', note: '' }, sara.email, later(90), policy)).report;
    const change = reporterWrites(closed, 'One more thing', later(100));
    expect(change).toMatchObject({ kind: 'refused', code: 'conflict' });
    if (change.kind === 'refused') expect(change.reason).toMatch(/make a new report/);
  });

  it('an empty message names the field', () => {
    expect(reporterWrites(newReport(), ' \n ', later(5))).toMatchObject({ kind: 'refused', code: 'invalid', field: 'text' });
  });
});

describe('closing outcomes', () => {
  it('feedback records how it was delivered; a second feedback with the same outcome keeps both notes', () => {
    const first = changed(recordOutcome(acknowledged(), { outcome: 'investigation-opened', note: 'first', deliveredVia: 'phone' }, sara, later(90), policy));
    expect(first.report.feedback).toMatchObject({ outcome: 'investigation-opened', note: 'first', deliveredVia: 'phone' });
    expect(first.audit.detail).toEqual({ outcome: 'investigation-opened', deliveredVia: 'phone' });
    const second = changed(recordOutcome(first.report, { outcome: 'investigation-opened', note: 'second', deliveredVia: 'letter' }, omar, later(95), policy));
    expect(second.report.feedback?.note).toBe('first');
    expect(second.report.feedback?.furtherNotes).toEqual([{ note: 'second', at: later(95).toISOString(), by: omar.email, deliveredVia: 'letter' }]);
    expect(second.report.closedAt).toBe(first.report.closedAt);
    // A retry of either note, or no note at all, changes nothing; another outcome is refused.
    expect(recordOutcome(second.report, { outcome: 'investigation-opened', note: 'second' }, omar, later(96), policy).kind).toBe('unchanged');
    expect(recordFeedback(second.report, { outcome: 'investigation-opened', note: '' }, omar.email, later(96), policy).kind).toBe('unchanged');
    expect(recordOutcome(second.report, { outcome: 'already-ongoing' }, omar, later(96), policy)).toMatchObject({ kind: 'refused', code: 'conflict' });
  });

  it('forwarded to another municipality: needs the municipality and a recorded assessment; counted as forwarded; the reporter is not told which', () => {
    const input = { outcome: 'forwarded-to-other-municipality', municipality: 'Grannby kommun' } as const;
    expect(recordOutcome(acknowledged(), { ...input, municipality: ' ' }, sara, later(90), policy)).toMatchObject({ kind: 'refused', field: 'municipality' });
    expect(recordOutcome(newReport(), input, sara, later(90), policy)).toMatchObject({ kind: 'refused', code: 'conflict' });
    const legacyAck = changed(acknowledge(newReport(), sara.email, later(30), policy)).report;
    expect(recordOutcome(legacyAck, input, sara, later(90), policy)).toMatchObject({ kind: 'refused', code: 'conflict' });

    const change = changed(recordOutcome(acknowledged(), input, sara, later(90), policy));
    expect(change.report.status).toBe('closed');
    expect(change.report.nextActionAt).toBeUndefined();
    expect(change.report.feedback).toBeUndefined();
    expect(change.report.closedWithoutFeedback).toMatchObject({ outcome: 'forwarded-to-other-municipality', municipality: 'Grannby kommun' });
    expect(change.audit).toMatchObject({ action: 'closed-without-feedback', detail: { outcome: 'forwarded-to-other-municipality' } });
    expectNoFreeText(change, 'Grannby');
    expect(closingOutcomeOf(change.report)).toBe('forwarded-to-other-municipality');
    expect(countedAs(change.report)).toBe('forwarded');
    expect(reporterOutcome(change.report)).toBe('forwarded-to-responsible-municipality');
    expect(JSON.stringify(reporterOutcome(change.report))).not.toContain('Grannby');
    expect(recordOutcome(change.report, input, sara, later(95), policy).kind).toBe('unchanged');
  });

  it('feedback withheld as inappropriate: the lead only, with a reason', () => {
    const input = { outcome: 'not-given-inappropriate', reason: 'the reporter is a parent of the child' } as const;
    expect(recordOutcome(acknowledged(), input, sara, later(90), policy)).toMatchObject({ kind: 'refused', code: 'forbidden' });
    expect(recordOutcome(acknowledged(), { ...input, reason: '' }, lead, later(90), policy)).toMatchObject({ kind: 'refused', field: 'reason' });
    const change = changed(recordOutcome(acknowledged(), input, lead, later(90), policy));
    expect(change.report.closedWithoutFeedback).toMatchObject({ outcome: 'not-given-inappropriate', reason: input.reason, by: lead.email });
    expectNoFreeText(change, 'parent');
    expect(countedAs(change.report)).toBe('withheld');
    expect(reporterOutcome(change.report)).toBe('closed');
  });

  it.each(['investigation-opened', 'investigation-not-opened', 'already-ongoing'] as const)('%s counts as feedback and is told to the reporter', (outcome) => {
    const closed = changed(recordOutcome(acknowledged(), { outcome }, sara, later(90), policy)).report;
    expect(countedAs(closed)).toBe('feedback');
    expect(reporterOutcome(closed)).toBe(outcome);
    expect(reporterOutcome(acknowledged())).toBeNull();
  });
});
