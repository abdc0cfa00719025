// Use case: the reporter answers a question or adds what they learned later, on the status page.
//   1. The status link proves who they are (reporter-status.ts): a bad or expired link is "not found".
//   2. Validate the text (threadMessageBodySchema: the form's rules for a person's text); each error names `text`.
//   3. Let the domain decide (thread.ts): a closed report refuses ("make a new report") → conflict.
//   4. Save with its audit event under the optimistic lock, re-reading on a concurrent change. Notify then tells
//      the assignee, else the team, by a notice without the text (core/domain/reporter-emails.ts).
import { threadMessageBodySchema } from '../domain/case-inputs.ts';
import { reporterWrites } from '../domain/thread.ts';
import { logger } from '../observability/logger.ts';
import { ConflictError, fieldErrors, InvalidInputError } from './errors.ts';
import type { Clock } from './ports/clock.ts';
import { reportByStatusToken, statusOf, type ReporterStatus, type ReporterStatusDependencies } from './reporter-status.ts';

export interface ReporterMessageDependencies extends ReporterStatusDependencies {
  clock: Clock;
}

const ATTEMPTS = 5;

/** `readInput` is called only once the link is known good: a stranger learns nothing about the body's rules. */
export async function addReporterMessage(deps: ReporterMessageDependencies, token: string, readInput: () => unknown): Promise<ReporterStatus> {
  await reportByStatusToken(deps, token);
  const parsed = threadMessageBodySchema.safeParse(readInput());
  if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error.issues));
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const stored = await reportByStatusToken(deps, token);
    const result = reporterWrites(stored.report, parsed.data.text, deps.clock.now());
    if (result.kind === 'refused') {
      if (result.code === 'invalid') throw new InvalidInputError([{ path: result.field ?? 'text', message: result.reason }]);
      throw new ConflictError(result.reason);
    }
    if (result.kind === 'unchanged') return statusOf(result.report);
    if (await deps.reports.saveChange(stored, result.report, result.audit)) {
      logger.info('reporter wrote', { reportId: result.report.id });
      return statusOf(result.report);
    }
  }
  throw new ConflictError('the report is being changed by someone else; try again');
}
