// A concern report and the changes of its state. Pure: every function takes "now" and returns new values.
// Acknowledging records the protection assessment (DESIGN.md, "Deadlines": "acknowledging a report is recording
// its protection assessment"); closing records one of the outcomes of "Second slice", POST …/feedback.
// Team work (assignee, forwarding, notes) lives in team-work.ts, the reporter's thread in thread.ts.
import type { ConcernReportSubmission, Language } from '../../forms/concern-report/schema.ts';
import { computeDeadlines, type DeadlinePolicy, type Urgency } from './deadlines.ts';
import { nextActionAt } from './follow-up.ts';
import { referenceFor } from './reference.ts';
import type { Route } from './routing.ts';
import type { Assignee, CaseSystemRef, Forwarding, ReporterVerification, WorkingNote } from './team-work.ts';
import type { ThreadEntry } from './thread.ts';

export const OUTCOMES = ['investigation-opened', 'investigation-not-opened', 'already-ongoing'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * Every way a report can be closed: the three feedback outcomes, a report forwarded to the municipality
 * responsible (counted as forwarded, not as feedback), and feedback withheld as inappropriate (the lead only).
 * `Outcome` stays the three feedback outcomes: the reporter's emails and status page name only those.
 */
export const CLOSING_OUTCOMES = [...OUTCOMES, 'forwarded-to-other-municipality', 'not-given-inappropriate'] as const;
export type ClosingOutcome = (typeof CLOSING_OUTCOMES)[number];

export const DELIVERY_CHANNELS = ['status-page', 'phone', 'letter'] as const;
export type DeliveredVia = (typeof DELIVERY_CHANNELS)[number];

export const PROTECTION_ASSESSMENT_RESULTS = ['no-immediate-risk', 'immediate-protection-needed'] as const;
export type ProtectionAssessmentResult = (typeof PROTECTION_ASSESSMENT_RESULTS)[number];

/** The skyddsbedömning, recorded with the acknowledgement. `immediate-protection-needed` alerts the lead at once. */
export interface ProtectionAssessment {
  result: ProtectionAssessmentResult;
  note?: string;
  at: string;
  by: string;
}

/** A further note given with the same feedback outcome (a second feedback keeps both notes). */
export interface FeedbackNote {
  note: string;
  at: string;
  by: string;
  deliveredVia?: DeliveredVia;
}

/** A report closed without feedback to the reporter. The municipality is never shown to the reporter. */
export type ClosedWithoutFeedback =
  | { outcome: 'forwarded-to-other-municipality'; municipality: string; note: string; at: string; by: string }
  | { outcome: 'not-given-inappropriate'; reason: string; note: string; at: string; by: string };

/** received → acknowledged → closed (feedback given). Feedback may also close a report never acknowledged. */
export type ReportStatus = 'received' | 'acknowledged' | 'closed';

export interface Actor {
  kind: 'reporter' | 'staff' | 'system';
  /** A staff member's email or a system part's name; never the reporter's personal data. */
  id?: string;
}

export interface Report {
  id: string;
  reference: string;
  formId: 'concern-report';
  submittedAt: string;
  language: Language;
  urgency: Urgency;
  schoolId: string;
  schoolName: string | null;
  areaId: string | null;
  teamId: string;
  routedToFallback: boolean;
  acknowledgeBy: string;
  feedbackBy: string;
  reminderAt?: string;
  status: ReportStatus;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  protectionAssessment?: ProtectionAssessment;
  feedback?: {
    outcome: Outcome;
    note: string;
    at: string;
    by: string;
    deliveredVia?: DeliveredVia;
    /** Notes of later feedback with the same outcome, oldest first. */
    furtherNotes?: FeedbackNote[];
  };
  /** Set instead of `feedback` when the report was closed without feedback. */
  closedWithoutFeedback?: ClosedWithoutFeedback;
  closedAt?: string;
  /** Who works on the report; reminders go to the assignee, else to the team's contacts. */
  assignee?: Assignee;
  /** Teams that had the report before its current team, oldest first. */
  forwardedFrom?: Forwarding[];
  /** The team's working notes: never shown to the reporter. */
  notes?: WorkingNote[];
  /** The report's reference in social services' case system: retention starts once it is also closed. */
  caseSystemRef?: CaseSystemRef;
  /** A team member confirmed the reporter by calling the school's switchboard. */
  reporterVerified?: ReporterVerification;
  /** Questions from the team and the reporter's answers and additions, oldest first. */
  thread?: ThreadEntry[];
  /** Set when the sweep wrote the reminder: notify emails it. */
  reminderSentAt?: string;
  /** Set instead when the reminder was no longer useful (feedback already late). */
  reminderSkippedAt?: string;
  lastEscalationAt?: string;
  escalationCount: number;
  /** When the reminder sweep must look at this report next; absent once nothing is left to do. */
  nextActionAt?: string;
  /** Keys of the emails already sent for this report ("alert:<address>", "receipt", "outcome", "reminder:<address>", "escalation#1"…). */
  sentEmails: string[];
  /** A hash of the submitted body: the same submission id with another body is a conflict, not a retry. */
  bodyHash: string;
  submission: ConcernReportSubmission;
}

export type AuditAction =
  | 'submitted'
  | 'viewed'
  | 'acknowledged'
  | 'feedback-recorded'
  | 'reminder-sent'
  | 'escalated'
  | 'rescheduled'
  | 'email-sent'
  | 'protection-assessed'
  | 'closed-without-feedback'
  | 'assigned'
  | 'unassigned'
  | 'forwarded'
  | 'note-added'
  | 'case-system-ref-recorded'
  | 'reporter-verified'
  | 'question-asked'
  | 'reporter-wrote';

export interface AuditEvent {
  reportId: string;
  at: string;
  actor: Actor;
  action: AuditAction;
  /** Ids and categories only, never personal data. */
  detail?: Record<string, string | number | boolean>;
}

export interface NewReportInput {
  submissionId: string;
  submission: ConcernReportSubmission;
  bodyHash: string;
  route: Route;
  policy: DeadlinePolicy;
  now: Date;
}

export function createReport(input: NewReportInput): { report: Report; audit: AuditEvent } {
  const { submissionId, submission, route, now } = input;
  const deadlines = computeDeadlines(now, submission.urgency, input.policy);
  const draft: Report = {
    id: submissionId,
    reference: referenceFor(submissionId, now),
    formId: 'concern-report',
    submittedAt: now.toISOString(),
    language: submission.language,
    urgency: submission.urgency,
    schoolId: submission.schoolId,
    schoolName: route.schoolName,
    areaId: route.areaId,
    teamId: route.teamId,
    routedToFallback: route.routedToFallback,
    ...deadlines,
    status: 'received',
    escalationCount: 0,
    sentEmails: [],
    bodyHash: input.bodyHash,
    submission,
  };
  const report = withNextAction(draft, input.policy);
  const audit: AuditEvent = {
    reportId: report.id,
    at: report.submittedAt,
    actor: { kind: 'reporter' },
    action: 'submitted',
    detail: { teamId: report.teamId, urgency: report.urgency, routedToFallback: report.routedToFallback },
  };
  return { report, audit };
}

export type Change =
  | { kind: 'changed'; report: Report; audit: AuditEvent }
  | { kind: 'unchanged'; report: Report }
  | {
      kind: 'refused';
      /** A sentence the person can act on. */
      reason: string;
      /** How the API answers: 403 forbidden, 409 conflict (the report's state), 400 invalid (then `field`). */
      code?: 'forbidden' | 'conflict' | 'invalid';
      field?: string;
    };

/** Who makes a change in the portal: the use case decides from the current directory whether they lead the team. */
export interface StaffActor {
  email: string;
  isLead: boolean;
}

export function refused(code: 'forbidden' | 'conflict' | 'invalid', reason: string, field?: string): Change {
  return field ? { kind: 'refused', reason, code, field } : { kind: 'refused', reason, code };
}

/**
 * Acknowledges the report and records its protection assessment. Without an assessment (the first slice's
 * callers) it only acknowledges. A second acknowledgement is harmless; one that brings the assessment a report
 * acknowledged without one still lacks records it. The first recorded assessment stands.
 */
export function acknowledge(
  report: Report,
  staffEmail: string,
  now: Date,
  policy: DeadlinePolicy,
  assessment?: { result: ProtectionAssessmentResult; note?: string },
): Change {
  const at = now.toISOString();
  const recorded = assessment && !report.protectionAssessment ? protectionAssessment(assessment, at, staffEmail) : undefined;
  const actor: Actor = { kind: 'staff', id: staffEmail };
  if (report.status !== 'received') {
    if (!recorded || report.status === 'closed') return { kind: 'unchanged', report };
    return {
      kind: 'changed',
      report: { ...report, protectionAssessment: recorded },
      audit: { reportId: report.id, at, actor, action: 'protection-assessed', detail: { result: recorded.result } },
    };
  }
  const acknowledged: Report = { ...report, status: 'acknowledged', acknowledgedAt: at, acknowledgedBy: staffEmail };
  const next = withNextAction(recorded ? { ...acknowledged, protectionAssessment: recorded } : acknowledged, policy);
  return {
    kind: 'changed',
    report: next,
    audit: recorded
      ? { reportId: report.id, at, actor, action: 'acknowledged', detail: { protectionAssessment: recorded.result } }
      : { reportId: report.id, at, actor, action: 'acknowledged' },
  };
}

function protectionAssessment(
  given: { result: ProtectionAssessmentResult; note?: string },
  at: string,
  by: string,
): ProtectionAssessment {
  const note = given.note?.trim();
  return note ? { result: given.result, note, at, by } : { result: given.result, at, by };
}

/** The first slice's feedback: one of the three feedback outcomes, by a team member. */
export function recordFeedback(
  report: Report,
  feedback: { outcome: Outcome; note: string },
  staffEmail: string,
  now: Date,
  policy: DeadlinePolicy,
): Change {
  return recordOutcome(report, feedback, { email: staffEmail, isLead: false }, now, policy);
}

/** What POST …/feedback may carry (validated by the API's zod schema before it gets here). */
export type OutcomeInput =
  | { outcome: Outcome; note?: string; deliveredVia?: DeliveredVia }
  | { outcome: 'forwarded-to-other-municipality'; municipality: string; note?: string }
  | { outcome: 'not-given-inappropriate'; reason: string; note?: string };

/**
 * Closes the report with an outcome. Repeating the outcome the report was closed with is harmless, and a new
 * note with the same feedback outcome is kept beside the first; another outcome after closing is refused.
 */
export function recordOutcome(report: Report, input: OutcomeInput, by: StaffActor, now: Date, policy: DeadlinePolicy): Change {
  const at = now.toISOString();
  const note = input.note?.trim() ?? '';
  const actor: Actor = { kind: 'staff', id: by.email };
  if (report.status === 'closed') return repeatOutcome(report, input, note, by, at);

  let closedWith: Pick<Report, 'feedback' | 'closedWithoutFeedback'>;
  let audit: AuditEvent;
  if (input.outcome === 'forwarded-to-other-municipality') {
    const municipality = input.municipality.trim();
    if (!municipality) return refused('invalid', 'name the municipality the report was forwarded to', 'municipality');
    if (!report.protectionAssessment) {
      return refused('conflict', 'record the protection assessment before forwarding the report to another municipality');
    }
    closedWith = { closedWithoutFeedback: { outcome: input.outcome, municipality, note, at, by: by.email } };
    audit = { reportId: report.id, at, actor, action: 'closed-without-feedback', detail: { outcome: input.outcome } };
  } else if (input.outcome === 'not-given-inappropriate') {
    if (!by.isLead) return refused('forbidden', "only the team's lead may decide that feedback would be inappropriate");
    const reason = input.reason.trim();
    if (!reason) return refused('invalid', 'say why giving feedback would be inappropriate', 'reason');
    closedWith = { closedWithoutFeedback: { outcome: input.outcome, reason, note, at, by: by.email } };
    audit = { reportId: report.id, at, actor, action: 'closed-without-feedback', detail: { outcome: input.outcome } };
  } else {
    const deliveredVia = 'deliveredVia' in input ? input.deliveredVia : undefined;
    closedWith = {
      feedback: { outcome: input.outcome, note, at, by: by.email, ...(deliveredVia ? { deliveredVia } : {}) },
    };
    audit = {
      reportId: report.id,
      at,
      actor,
      action: 'feedback-recorded',
      detail: deliveredVia ? { outcome: input.outcome, deliveredVia } : { outcome: input.outcome },
    };
  }
  const closed: Report = {
    ...report,
    status: 'closed',
    acknowledgedAt: report.acknowledgedAt ?? at,
    acknowledgedBy: report.acknowledgedBy ?? by.email,
    ...closedWith,
    closedAt: at,
  };
  return { kind: 'changed', report: withNextAction(closed, policy), audit };
}

function repeatOutcome(report: Report, input: OutcomeInput, note: string, by: StaffActor, at: string): Change {
  const recorded = closingOutcomeOf(report);
  if (recorded !== input.outcome) {
    return refused('conflict', `the report was already closed as "${recorded}"; a different outcome cannot be recorded`);
  }
  const feedback = report.feedback;
  if (!feedback || feedback.outcome !== input.outcome) return { kind: 'unchanged', report };
  const known = [feedback.note, ...(feedback.furtherNotes ?? []).map((n) => n.note)];
  if (note === '' || known.includes(note)) return { kind: 'unchanged', report }; // a retry, or nothing new
  const deliveredVia = 'deliveredVia' in input ? input.deliveredVia : undefined;
  const further: FeedbackNote = { note, at, by: by.email, ...(deliveredVia ? { deliveredVia } : {}) };
  return {
    kind: 'changed',
    report: { ...report, feedback: { ...feedback, furtherNotes: [...(feedback.furtherNotes ?? []), further] } },
    audit: {
      reportId: report.id,
      at,
      actor: { kind: 'staff', id: by.email },
      action: 'feedback-recorded',
      detail: { outcome: feedback.outcome, furtherNote: true },
    },
  };
}

/** The outcome a closed report was closed with; null while it is open (or for a legacy item without one). */
export function closingOutcomeOf(report: Pick<Report, 'feedback' | 'closedWithoutFeedback'>): ClosingOutcome | null {
  return report.feedback?.outcome ?? report.closedWithoutFeedback?.outcome ?? null;
}

/** How the figures count a closed report: forwarded reports are not feedback (DESIGN.md, "Team work"). */
export function countedAs(report: Pick<Report, 'feedback' | 'closedWithoutFeedback'>): 'feedback' | 'forwarded' | 'withheld' | null {
  switch (closingOutcomeOf(report)) {
    case null:
      return null;
    case 'forwarded-to-other-municipality':
      return 'forwarded';
    case 'not-given-inappropriate':
      return 'withheld';
    default:
      return 'feedback';
  }
}

/**
 * What the reporter may be told: a feedback outcome; that the report went to the municipality responsible,
 * never which one (it can reveal where a child with protected personal data lives); or only that it is closed.
 */
export type ReporterOutcome = Outcome | 'forwarded-to-responsible-municipality' | 'closed' | null;

export function reporterOutcome(report: Pick<Report, 'status' | 'feedback' | 'closedWithoutFeedback'>): ReporterOutcome {
  if (report.status !== 'closed') return null;
  if (report.feedback) return report.feedback.outcome;
  return report.closedWithoutFeedback?.outcome === 'forwarded-to-other-municipality' ? 'forwarded-to-responsible-municipality' : 'closed';
}

/** Sets or clears nextActionAt from the follow-up rules. */
export function withNextAction(report: Report, policy: DeadlinePolicy): Report {
  const next = nextActionAt(report, policy);
  const { nextActionAt: _previous, ...rest } = report;
  return next ? { ...rest, nextActionAt: next.toISOString() } : rest;
}
