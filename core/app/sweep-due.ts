// Use case: sweep what is due (the reminder schedule, every few minutes). "Now" is the scheduled event's time,
// so a test can sweep at any moment of a simulated month.
//   1. Read the reports whose next action time has passed (the store's due index: the cost follows the number
//      of due reports, not of all reports), a page at a time.
//   2. For each, let the domain say which reminders and escalations are owed (core/domain/follow-up.ts) and
//      when the next action is.
//   3. Record them on the report with their audit event, claimed by the report's version: two sweeps at once
//      never both win, and the loser leaves the report to the winner.
//   4. Repeat until a page is short or nothing was won. The emails go out from notify, which sees the change.
import { actionsDue, afterActions } from '../domain/follow-up.ts';
import { withNextAction, type AuditEvent } from '../domain/report.ts';
import { logger } from '../observability/logger.ts';
import { concernReportDeadlines } from '../../forms/concern-report/policy.ts';
import type { ReportStore } from './ports/report-store.ts';

export interface SweepResult {
  now: string;
  due: number;
  reminders: number;
  escalations: number;
  /** Reports another sweep changed first: skipped here, handled there. */
  lostClaims: number;
  consumedCapacity: number;
}

/** Bounded passes guard against a pathological race; each pass moves every report it wins out of the due window. */
const MAX_PASSES = 50;

export async function sweepDue(reports: ReportStore, now: Date, pageSize = 100): Promise<SweepResult> {
  const policy = concernReportDeadlines;
  const result: SweepResult = { now: now.toISOString(), due: 0, reminders: 0, escalations: 0, lostClaims: 0, consumedCapacity: 0 };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const page = await reports.due(now, pageSize);
    result.consumedCapacity += page.consumedCapacity;
    let changed = 0;
    for (const stored of page.reports) {
      const actions = actionsDue(stored.report, now, policy);
      const next = withNextAction(afterActions(stored.report, actions, now), policy);
      const escalation = actions.find((a) => a.kind === 'escalation');
      const reminder = actions.some((a) => a.kind === 'reminder');
      const audit: AuditEvent = {
        reportId: stored.report.id,
        at: now.toISOString(),
        actor: { kind: 'system', id: 'reminders' },
        action: escalation ? 'escalated' : 'reminder-sent',
        detail: escalation
          ? { overdue: escalation.overdue.join(','), workingDaysWaited: escalation.workingDaysWaited, escalation: next.escalationCount, reminder }
          : { reminder },
      };
      if (actions.length === 0) {
        audit.action = 'rescheduled';
        audit.detail = { nextActionAt: next.nextActionAt ?? 'none' };
      }
      if (await reports.saveChange(stored, next, audit)) {
        changed++;
        result.due++;
        if (reminder) result.reminders++;
        if (escalation) result.escalations++;
        logger.info('follow-up recorded', { reportId: stored.report.id, actions: actions.map((a) => a.kind).join(','), nextActionAt: next.nextActionAt ?? 'none' });
      } else {
        result.lostClaims++;
      }
    }
    if (page.reports.length < pageSize || changed === 0) break;
  }
  return result;
}
