// POST /api/forms/concern-report/submissions — public. Translates the request into the submit use case
// (core/app/submit-report.ts) and its result into JSON, or, for a form post without JavaScript, the receipt page
// or the form again with the messages next to the fields.
import { randomUUID } from 'node:crypto';
import { reportRepository } from '../../core/adapters/dynamodb/report-repository.ts';
import { ConflictError, InvalidInputError } from '../../core/app/errors.ts';
import { systemClock } from '../../core/app/ports/clock.ts';
import { submitReport, type SubmitReportDependencies } from '../../core/app/submit-report.ts';
import { directorySource } from '../../core/directory/source.ts';
import { badRequest } from '../../core/http/errors.ts';
import { header, type ParsedHttpEvent } from '../../core/http/event.ts';
import { httpHandler } from '../../core/http/middleware.ts';
import { html, json, type HttpResponse } from '../../core/http/responses.ts';
import { concernReportSchema, MAX_BODY_BYTES, type Language } from '../../forms/concern-report/schema.ts';

export { HONEYPOT_FIELD } from '../../core/app/submit-report.ts';
export type SubmitDependencies = SubmitReportDependencies;

const defaults = (): SubmitDependencies => ({ reports: reportRepository(), directory: directorySource(), clock: systemClock });

/** What was sent, as the form's schema reads it, for the receipt page's printable copy (none for a body it refuses). */
async function copyOf(deps: SubmitDependencies, lang: Language, fields: Record<string, unknown>) {
  const parsed = concernReportSchema.safeParse(fields);
  if (!parsed.success) return undefined;
  const school = (await deps.directory.current()).schools.find((s) => s.id === parsed.data.schoolId);
  const { receiptCopy } = await import('../../web/pages/receipt-copy.ts');
  return receiptCopy(lang, parsed.data, school?.name ?? (parsed.data.schoolName || null));
}

export function createSubmitHandler(given?: SubmitDependencies) {
  let deps = given;
  return async (event: ParsedHttpEvent): Promise<HttpResponse> => {
    deps ??= defaults();
    const { kind, value } = event.parsedBody;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw badRequest([{ path: '', message: 'the body must be a JSON object' }]);
    }
    const fields = value as Record<string, unknown>;
    const isFormPost = kind === 'form';
    const lang: Language = fields.language === 'en' ? 'en' : 'sv';
    // The form page posts its submission id as a field; API clients send the Idempotency-Key header.
    const headerId = header(event, 'idempotency-key');
    const submissionId = headerId ?? (isFormPost ? String(fields.submissionId ?? '') : undefined);
    try {
      const { receipt } = await submitReport(deps, { submissionId, fields, channel: kind });
      if (isFormPost) {
        // The pages of the post without JavaScript are a rarely used path: loaded on first use, not at cold start.
        const { renderReceiptPage } = await import('../../web/pages/receipt-page.ts');
        return html(201, renderReceiptPage({ lang, ...receipt, copy: await copyOf(deps, lang, fields) }));
      }
      return json(201, receipt);
    } catch (error) {
      if (!isFormPost) throw error;
      // The page without JavaScript: the form again with everything typed and the messages next to the fields.
      const directory = await deps.directory.current();
      const { renderFormPage } = await import('../../web/pages/form-page.ts');
      if (error instanceof InvalidInputError) {
        return html(400, renderFormPage({ lang, directory, submissionId: submissionId ?? '', values: fields, errors: error.errors }));
      }
      if (error instanceof ConflictError) {
        // A fresh submission id, so sending it again makes a new report.
        const message = 'this form was already sent with other content; check the text and send it again to make a new report';
        return html(409, renderFormPage({ lang, directory, submissionId: randomUUID(), values: fields, errors: [{ path: 'submissionId', message }] }));
      }
      throw error;
    }
  };
}

/** The handler with its middleware pipeline; tests pass other dependencies (a storage that is down). */
export function buildSubmitHandler(deps?: SubmitDependencies) {
  return httpHandler(createSubmitHandler(deps), { body: { maxBytes: MAX_BODY_BYTES, accept: ['json', 'form'] } });
}

export const handler = buildSubmitHandler();
