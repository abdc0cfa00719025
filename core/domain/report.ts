// A concern report and the changes of its state. Pure: every function takes "now" and returns new values.
import type { ConcernReportSubmission, Language } from '../../forms/concern-report/schema.ts';
import { computeDeadlines, type DeadlinePolicy, type Urgency } from './deadlines.ts';
import { nextActionAt } from './follow-up.ts';
import type { OfficeHours } from './office-hours.ts';
import { needsOutOfHoursService } from './out-of-hours.ts';
import { referenceFor } from './reference.ts';
import type { Route } from './routing.ts';

export const OUTCOMES = ['investigation-opened', 'investigation-not-opened', 'already-ongoing'] as const;
export type Outcome = (typeof OUTCOMES)[number];

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
  feedback?: { outcome: Outcome; note: string; at: string; by: string };
  closedAt?: string;
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
  | 'email-sent';

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

export type Change =
  | { kind: 'changed'; report: Report; audit: AuditEvent }
  | { kind: 'unchanged'; report: Report }
  | { kind: 'refused'; reason: string };

export function acknowledge(report: Report, staffEmail: string, now: Date, policy: DeadlinePolicy): Change {
  if (report.status !== 'received') return { kind: 'unchanged', report };
  const at = now.toISOString();
  const next = withNextAction({ ...report, status: 'acknowledged', acknowledgedAt: at, acknowledgedBy: staffEmail }, policy);
  return {
    kind: 'changed',
    report: next,
    audit: { reportId: report.id, at, actor: { kind: 'staff', id: staffEmail }, action: 'acknowledged' },
  };
}

export function recordFeedback(
  report: Report,
  feedback: { outcome: Outcome; note: string },
  staffEmail: string,
  now: Date,
  policy: DeadlinePolicy,
): Change {
  if (report.status === 'closed') {
    if (report.feedback?.outcome === feedback.outcome) return { kind: 'unchanged', report };
    return { kind: 'refused', reason: `feedback was already recorded as "${report.feedback?.outcome}"` };
  }
  const at = now.toISOString();
  const closed: Report = {
    ...report,
    status: 'closed',
    acknowledgedAt: report.acknowledgedAt ?? at,
    acknowledgedBy: report.acknowledgedBy ?? staffEmail,
    feedback: { ...feedback, at, by: staffEmail },
    closedAt: at,
  };
  return {
    kind: 'changed',
    report: withNextAction(closed, policy),
    audit: {
      reportId: report.id,
      at,
      actor: { kind: 'staff', id: staffEmail },
      action: 'feedback-recorded',
      detail: { outcome: feedback.outcome },
    },
  };
}

/** Sets or clears nextActionAt from the follow-up rules. */
export function withNextAction(report: Report, policy: DeadlinePolicy): Report {
  const next = nextActionAt(report, policy);
  const { nextActionAt: _previous, ...rest } = report;
  return next ? { ...rest, nextActionAt: next.toISOString() } : rest;
}
