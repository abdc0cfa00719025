// How every change of a report in the portal is made, one place for all of them:
//   1. Load the report; another team's is "not found".
//   2. Let the domain decide the change: refused → the error its code names (400 with the field, 403, 409),
//      unchanged → the same answer again (a harmless repeat).
//   3. Save it with its audit event if nobody changed the report since it was read (optimistic lock); when
//      someone did, read again and decide again, a few times, then answer "conflict, reload".
import type * as z from 'zod/mini';
import type { Directory, Team } from '../../directory/directory.ts';
import type { Change, StaffActor } from '../../domain/change.ts';
import { teamOf } from '../../domain/notifications.ts';
import type { Report } from '../../domain/report.ts';
import type { StaffIdentity } from '../../identity/staff.ts';
import { logger } from '../../observability/logger.ts';
import { ConflictError, fieldErrors, ForbiddenError, InvalidInputError } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { ReportStore } from '../ports/report-store.ts';
import { loadOwnedReport } from './access.ts';

export interface CaseChangeDependencies {
  reports: ReportStore;
  clock: Clock;
}

/** Concurrent changes are rare (a team of a few people): a few re-reads settle them. */
const ATTEMPTS = 5;

/** Applies a domain change with optimistic locking, re-reading on a concurrent change; answers the saved report. */
export async function applyChange(
  deps: CaseChangeDependencies,
  staff: StaffIdentity,
  id: string | undefined,
  decide: (report: Report) => Change,
  load: typeof loadOwnedReport = loadOwnedReport,
): Promise<Report> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const stored = await load(deps.reports, staff, id);
    const result = decide(stored.report);
    if (result.kind === 'refused') throw refusal(result);
    if (result.kind === 'unchanged') return result.report;
    if (await deps.reports.saveChange(stored, result.report, result.audit)) {
      logger.info('report changed', { reportId: result.report.id, action: result.audit.action });
      return result.report;
    }
  }
  throw new ConflictError('the report is being changed by someone else; reload and try again');
}

function refusal(result: Extract<Change, { kind: 'refused' }>): Error {
  if (result.code === 'invalid') return new InvalidInputError([{ path: result.field ?? '', message: result.reason }]);
  if (result.code === 'forbidden') return new ForbiddenError(result.reason);
  return new ConflictError(result.reason);
}

/**
 * The caller as the domain's team-work rules see them on this report's team: whether they lead it, and the
 * team's people, from the current directory (the report's team is the access key, so the caller belongs to it).
 */
export function actorOnTeam(directory: Directory, staff: StaffIdentity, report: Report): { actor: StaffActor; team: Team } {
  // loadOwnedReport let the caller in through this team, or, when the directory no longer has it, through the
  // fallback team, which takes such reports (the same rule notify and the sweep follow: notifications.ts teamOf).
  const { team } = teamOf(directory, report.teamId);
  if (!team) throw new ConflictError("the report's team is no longer in the directory; reload and try again");
  return { actor: { email: staff.id, isLead: team.lead.email.toLowerCase() === staff.id.toLowerCase() }, team };
}

/** Parses a route's body with its schema, after access was checked: each problem names its field. */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error.issues));
  return parsed.data;
}
