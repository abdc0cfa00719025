// How a report is closed. DESIGN.md, "Second slice", POST …/feedback: the three feedback outcomes (with
// `deliveredVia`), `forwarded-to-other-municipality` ("a recorded protection assessment required; the reporter
// is not told which", counted as forwarded, not as feedback) and `not-given-inappropriate` ("the lead only,
// `reason` required"); "a second feedback with the same outcome keeps both notes".
import { refused, withNextAction, type Change, type StaffActor } from './change.ts';
import type { DeadlinePolicy } from './deadlines.ts';
import type { Actor, AuditEvent, Report } from './report.ts';

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
    const as = recorded ? ` as "${recorded}"` : '';
    return refused('conflict', `the report was already closed${as}; a different outcome cannot be recorded`);
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
