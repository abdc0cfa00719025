// POST /api/forms/concern-report/submissions — public. Validate → route → deadlines → one conditional
// transaction → 201 with the reference. A form post without JavaScript gets the receipt page or the form again.
import middy from '@middy/core';
import { createHash, randomUUID } from 'node:crypto';
import { reportRepository, type ReportRepository } from '../../core/adapters/dynamodb/report-repository.ts';
import type { Directory } from '../../core/directory/directory.ts';
import { directorySource } from '../../core/directory/source.ts';
import { computeDeadlines } from '../../core/domain/deadlines.ts';
import { referenceFor } from '../../core/domain/reference.ts';
import { createReport } from '../../core/domain/report.ts';
import { routeReport } from '../../core/domain/routing.ts';
import { badRequest, conflict, fieldErrors, type FieldError } from '../../core/http/errors.ts';
import { header, type ParsedHttpEvent } from '../../core/http/event.ts';
import { httpErrors, parseBody, requestLogging } from '../../core/http/middleware.ts';
import { html, json, type HttpResponse } from '../../core/http/responses.ts';
import { logger } from '../../core/observability/logger.ts';
import { concernReportForm, MAX_BODY_BYTES, type Language } from '../../forms/concern-report/index.ts';
import { renderFormPage } from '../../web/pages/form-page.ts';
import { renderReceiptPage } from '../../web/pages/receipt-page.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The honeypot: a field the form page renders but hides from people (web/pages/form-page.ts). Only bots fill it. */
export const HONEYPOT_FIELD = 'website';

export interface SubmitDependencies {
  repository: () => ReportRepository;
  directory: () => Directory | Promise<Directory>;
  now: () => Date;
}

const defaults: SubmitDependencies = {
  repository: reportRepository,
  directory: () => directorySource().current(),
  now: () => new Date(),
};

export function createSubmitHandler(deps: SubmitDependencies = defaults) {
  return async (event: ParsedHttpEvent): Promise<HttpResponse> => {
    const { kind, value } = event.parsedBody;
    const isFormPost = kind === 'form';
    const body = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const lang: Language = body.language === 'en' ? 'en' : 'sv';
    // The honeypot, before anything else: a bot gets the answer a person gets, and nothing is stored or logged
    // of what it sent. It never reaches the schema.
    const { submissionId: _id, [HONEYPOT_FIELD]: honeypot, ...fields } = body;
    if (honeypot !== undefined && honeypot !== null && String(honeypot).trim() !== '') {
      logger.info('honeypot triggered', { kind });
      return decoyAnswer(isFormPost, lang, header(event, 'idempotency-key') ?? String(body.submissionId ?? ''), body.urgency, deps.now());
    }

    // The form page posts its submission id as a field; API clients send the Idempotency-Key header.
    const submissionId = header(event, 'idempotency-key') ?? (isFormPost ? String(body.submissionId ?? '') : undefined);
    const problems: FieldError[] = [];
    if (!submissionId || !UUID.test(submissionId)) {
      problems.push({ path: 'Idempotency-Key', message: 'must be a UUID that identifies this submission (send the same one when you retry)' });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw badRequest([{ path: '', message: 'the body must be a JSON object' }]);
    }
    const parsed = concernReportForm.schema.safeParse(fields);
    if (!parsed.success) problems.push(...fieldErrors(parsed.error.issues));
    if (problems.length || !parsed.success) {
      if (isFormPost) {
        return html(400, renderFormPage({ lang, directory: await deps.directory(), submissionId: submissionId ?? '', values: body, errors: problems }));
      }
      throw badRequest(problems);
    }

    const submission = parsed.data;
    const bodyHash = createHash('sha256').update(JSON.stringify(submission)).digest('hex');
    const { report, audit } = createReport({
      submissionId: submissionId!.toLowerCase(),
      submission,
      bodyHash,
      route: routeReport(await deps.directory(), submission.schoolId),
      policy: concernReportForm.deadlines,
      now: deps.now(),
    });
    const result = await deps.repository().create(report, audit);
    if (result.kind === 'taken' || (result.kind === 'exists' && result.receipt.bodyHash !== bodyHash)) {
      if (isFormPost) {
        // The page without JavaScript: the form again with everything typed, and a fresh submission id, so
        // sending it again makes a new report.
        const message = 'this form was already sent with other content; check the text and send it again to make a new report';
        return html(409, renderFormPage({ lang, directory: await deps.directory(), submissionId: randomUUID(), values: body, errors: [{ path: 'submissionId', message }] }));
      }
      throw conflict('this submission id was already used for a different report; reload the form to start a new one');
    }
    const stored = result.receipt;
    if (result.kind === 'created') {
      logger.info('report created', { reportId: report.id, teamId: report.teamId, urgency: report.urgency, routedToFallback: report.routedToFallback });
    } else {
      logger.info('report already existed', { reportId: stored.id });
    }
    if (isFormPost) {
      return html(201, renderReceiptPage({ lang, ...stored }));
    }
    // A retry with the same id gets the same answer as the first request.
    return json(201, {
      id: stored.id,
      reference: stored.reference,
      status: stored.status,
      acknowledgeBy: stored.acknowledgeBy,
      feedbackBy: stored.feedbackBy,
    });
  };
}

/** What a successful submission answers, for a bot that filled the honeypot: a plausible reference, nothing stored. */
function decoyAnswer(isFormPost: boolean, lang: Language, submissionId: string, urgency: unknown, now: Date): HttpResponse {
  const id = UUID.test(submissionId) ? submissionId.toLowerCase() : randomUUID();
  const { acknowledgeBy, feedbackBy } = computeDeadlines(now, urgency === 'urgent' ? 'urgent' : 'normal', concernReportForm.deadlines);
  const reference = referenceFor(id, now);
  if (isFormPost) return html(201, renderReceiptPage({ lang, reference, acknowledgeBy, feedbackBy }));
  return json(201, { id, reference, status: 'received', acknowledgeBy, feedbackBy });
}

/** The handler with its middleware pipeline; tests pass other dependencies (a storage that is down). */
export function buildSubmitHandler(deps: SubmitDependencies = defaults) {
  return middy<ParsedHttpEvent, HttpResponse>()
    .use(requestLogging())
    .use(httpErrors())
    .use(parseBody({ maxBytes: MAX_BODY_BYTES, accept: ['json', 'form'] }))
    .handler(createSubmitHandler(deps));
}

export const handler = buildSubmitHandler();
