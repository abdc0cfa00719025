// The result of every change to a report, shared by report.ts, outcomes.ts, team-work.ts and thread.ts: the new
// report with its audit event, nothing to do (a harmless repeat), or a refusal a person can act on.
import type { DeadlinePolicy } from './deadlines.ts';
import { nextActionAt } from './follow-up.ts';
import type { AuditEvent, Report } from './report.ts';

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

/** Sets or clears nextActionAt from the follow-up rules. */
export function withNextAction(report: Report, policy: DeadlinePolicy): Report {
  const next = nextActionAt(report, policy);
  const { nextActionAt: _previous, ...rest } = report;
  return next ? { ...rest, nextActionAt: next.toISOString() } : rest;
}
