// A concern report and the changes of its state. Pure: every function takes "now" and returns new values.
// Acknowledging records the protection assessment (DESIGN.md, "Deadlines": "acknowledging a report is recording
// its protection assessment"). Closing with an outcome lives in outcomes.ts, team work (assignee, forwarding,
// notes) in team-work.ts, the reporter's thread in thread.ts; the Change they all return in change.ts.
import type { ConcernReportSubmission, Language } from '../../forms/concern-report/schema.ts';
import { withNextAction, type Change } from './change.ts';
import { computeDeadlines, type DeadlinePolicy, type Urgency } from './deadlines.ts';
import type { OfficeHours } from './office-hours.ts';
import { needsOutOfHoursService } from './out-of-hours.ts';
import { recordOutcome, type ClosedWithoutFeedback, type DeliveredVia, type FeedbackNote, type Outcome } from './outcomes.ts';
import { referenceFor } from './reference.ts';
import type { Route } from './routing.ts';
import type { Assignee, CaseSystemRef, Forwarding, ReporterVerification, WorkingNote } from './team-work.ts';
import type { ThreadEntry } from './thread.ts';

// Defined beside the rules that use them; exported here too, where the first slice's callers import them.
export { withNextAction, type Change } from './change.ts';
export { OUTCOMES, type Outcome } from './outcomes.ts';

export const PROTECTION_ASSESSMENT_RESULTS = ['no-immediate-risk', 'immediate-protection-needed'] as const;
export type ProtectionAssessmentResult = (typeof PROTECTION_ASSESSMENT_RESULTS)[number];

/** The skyddsbedömning, recorded with the acknowledgement. `immediate-protection-needed` alerts the lead at once. */
export interface ProtectionAssessment {
  result: ProtectionAssessmentResult;
  note?: string;
  at: string;
  by: string;
}

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
  /** Set when the report also went to the out-of-hours service for its protection assessment (decided at submission). */
  outOfHoursService?: true;
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
  | 'reporter-wrote'
  | 'earlier-reports-looked-up';

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
  /** The routed team's office hours from the directory; the default when absent. */
  officeHours?: OfficeHours;
}

export function createReport(input: NewReportInput): { report: Report; audit: AuditEvent } {
  const { submissionId, submission, route, now } = input;
  const deadlines = computeDeadlines(now, submission.urgency, input.policy, input.officeHours);
  const outOfHours = needsOutOfHoursService(now, submission.urgency, input.policy, input.officeHours);
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
    ...(outOfHours ? { outOfHoursService: true as const } : {}),
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
