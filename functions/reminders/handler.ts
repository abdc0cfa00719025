// The reminder sweep (EventBridge schedule, every few minutes). "Now" is the scheduled event's time, so a
// test can sweep at any moment of a simulated month. It reads only the sparse "due" index, claims each report
// with a conditional write (version check: two sweeps at once never both win), and records the reminder or
// escalation on the report. The emails themselves go out from notify, which sees the change on the stream:
// one place sends email, with its exactly-once ledger, retries and dead-letter queue.
import type { ScheduledEvent } from 'aws-lambda';
import { reportRepository, type ReportRepository } from '../../core/adapters/dynamodb/report-repository.ts';
import { actionsDue, afterActions } from '../../core/domain/follow-up.ts';
import { withNextAction, type AuditEvent } from '../../core/domain/report.ts';
import { logger } from '../../core/observability/logger.ts';
import { concernReportForm } from '../../forms/concern-report/index.ts';

export interface SweepResult {
  now: string;
  due: number;
  reminders: number;
  escalations: number;
  /** Reports another sweep changed first: skipped here, handled there. */
  lostClaims: number;
  consumedCapacity: number;
}

export async function sweep(repository: ReportRepository, now: Date, pageSize = 100): Promise<SweepResult> {
  const policy = concernReportForm.deadlines;
  const result: SweepResult = { now: now.toISOString(), due: 0, reminders: 0, escalations: 0, lostClaims: 0, consumedCapacity: 0 };
  // Each pass moves every report it wins out of the due window, so the loop ends; reports lost to another
  // sweep are left to it (bounded passes guard against a pathological race).
  for (let pass = 0; pass < 50; pass++) {
    const { reports, consumedCapacity } = await repository.due(now, pageSize);
    result.consumedCapacity += consumedCapacity;
    let changed = 0;
    for (const stored of reports) {
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
      if (await repository.saveChange(stored, next, audit)) {
        changed++;
        result.due++;
        if (reminder) result.reminders++;
        if (escalation) result.escalations++;
        logger.info('follow-up recorded', { reportId: stored.report.id, actions: actions.map((a) => a.kind).join(','), nextActionAt: next.nextActionAt ?? 'none' });
      } else {
        result.lostClaims++;
      }
    }
    if (reports.length < pageSize || changed === 0) break;
  }
  return result;
}

export async function handler(event: Pick<ScheduledEvent, 'time'>): Promise<SweepResult> {
  const result = await sweep(reportRepository(), new Date(event.time));
  logger.info('sweep finished', { ...result });
  return result;
}
