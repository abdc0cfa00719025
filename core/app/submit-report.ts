// Use case: submit a concern report (public).
//   1. The honeypot: a bot that filled it gets a plausible receipt; nothing is stored or logged of what it sent.
//   2. Validate: the submission id (a UUID, the idempotency key) and the body with the form's zod schema.
//   3. Route the report (school → area → team, from the current directory) and compute its deadlines at the
//      team's office hours (and whether the out-of-hours service must see it).
//   4. Store the report, its first audit event and its receipt in one conditional write keyed by the id.
//   5. Answer with the receipt: the same id sent again gets the same receipt (one report, never two); the same id
//      with other content, or an id whose receipt has expired, is a conflict.
import { createHash, randomUUID } from 'node:crypto';
import { computeDeadlines } from '../domain/deadlines.ts';
import { referenceFor } from '../domain/reference.ts';
import { createReport } from '../domain/report.ts';
import { routeReport } from '../domain/routing.ts';
import { findTeam } from '../directory/directory.ts';
import type { OutOfHoursContact } from '../markup/call-out-of-hours.ts';
import { logger } from '../observability/logger.ts';
import { HONEYPOT_TRIGGERED } from '../observability/log-events.ts';
import { concernReportDeadlines } from '../../forms/concern-report/policy.ts';
import { concernReportSchema } from '../../forms/concern-report/schema.ts';
import { ConflictError, fieldErrors, InvalidInputError, type FieldError } from './errors.ts';
import { isUuid } from './ids.ts';
import { HONEYPOT_FIELD } from '../../forms/concern-report/fields.ts';
import type { Clock } from './ports/clock.ts';
import type { DirectorySource } from './ports/directory.ts';
import type { ReportStore, SubmissionReceipt } from './ports/report-store.ts';

export { HONEYPOT_FIELD };

export interface SubmitReportDependencies {
  reports: ReportStore;
  directory: DirectorySource;
  clock: Clock;
}

export interface SubmitReportInput {
  /** The idempotency key (header or the form's field); validated here. */
  submissionId: string | undefined;
  /** The body's fields as sent (the honeypot and the submission id field included). */
  fields: Record<string, unknown>;
  /** How it came (for the honeypot's log line only). */
  channel: 'json' | 'form';
}

/**
 * What the submitter is told: no personal data. `callOutOfHours` when the report is urgent and its hours reach
 * outside the team's office hours: the receipt says to call the out-of-hours service now.
 */
export type Receipt = Omit<SubmissionReceipt, 'bodyHash' | 'outOfHoursService'> & { callOutOfHours?: OutOfHoursContact };

export type SubmitReportResult = { kind: 'stored' | 'already-stored' | 'decoy'; receipt: Receipt };

/** Thrown as the conflict's message, and shown next to the form's field when the form is sent again. */
export const REUSED_ID_MESSAGE = 'this submission id was already used for a different report; reload the form to start a new one';

export async function submitReport(deps: SubmitReportDependencies, input: SubmitReportInput): Promise<SubmitReportResult> {
  const { submissionId: _idField, [HONEYPOT_FIELD]: honeypot, ...fields } = input.fields;
  if (honeypot !== undefined && honeypot !== null && String(honeypot).trim() !== '') {
    logger.info(HONEYPOT_TRIGGERED, { kind: input.channel });
    return { kind: 'decoy', receipt: decoyReceipt(input.submissionId ?? '', fields.urgency, deps.clock.now()) };
  }

  const problems: FieldError[] = [];
  if (!input.submissionId || !isUuid(input.submissionId)) {
    problems.push({ path: 'Idempotency-Key', message: 'must be a UUID that identifies this submission (send the same one when you retry)' });
  }
  const parsed = concernReportSchema.safeParse(fields);
  if (!parsed.success) problems.push(...fieldErrors(parsed.error.issues));
  if (problems.length || !parsed.success) throw new InvalidInputError(problems);

  const submission = parsed.data;
  const bodyHash = createHash('sha256').update(JSON.stringify(submission)).digest('hex');
  const directory = await deps.directory.current();
  const route = routeReport(directory, submission.schoolId);
  const officeHours = findTeam(directory, route.teamId)?.officeHours;
  const { report, audit } = createReport({
    submissionId: input.submissionId!.toLowerCase(),
    submission,
    bodyHash,
    route,
    policy: concernReportDeadlines,
    now: deps.clock.now(),
    ...(officeHours ? { officeHours } : {}),
  });
  const result = await deps.reports.create(report, audit);
  if (result.kind === 'taken' || (result.kind === 'exists' && result.receipt.bodyHash !== bodyHash)) {
    throw new ConflictError(REUSED_ID_MESSAGE);
  }
  if (result.kind === 'created') {
    logger.info('report created', { reportId: report.id, teamId: report.teamId, urgency: report.urgency, routedToFallback: report.routedToFallback });
  } else {
    logger.info('report already existed', { reportId: result.receipt.id });
  }
  const { bodyHash: _hash, outOfHoursService, ...receipt } = result.receipt;
  const { name, phone } = directory.outOfHours;
  const callOutOfHours = outOfHoursService && submission.urgency === 'urgent' ? { callOutOfHours: { name, phone } } : {};
  return { kind: result.kind === 'created' ? 'stored' : 'already-stored', receipt: { ...receipt, ...callOutOfHours } };
}

/** What a successful submission answers, for a bot that filled the honeypot: a plausible reference, nothing stored. */
function decoyReceipt(submissionId: string, urgency: unknown, now: Date): Receipt {
  const id = isUuid(submissionId) ? submissionId.toLowerCase() : randomUUID();
  const { acknowledgeBy, feedbackBy } = computeDeadlines(now, urgency === 'urgent' ? 'urgent' : 'normal', concernReportDeadlines);
  return { id, reference: referenceFor(id, now), status: 'received', acknowledgeBy, feedbackBy };
}
