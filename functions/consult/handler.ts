// The public consultation function: the form pages (GET /consultation, /en/consultation) and the question itself
// (POST /api/consultations, JSON → 201 {id}; a form post without JavaScript → the "sent" page, or the form again
// with the messages next to the fields). It only writes consultations (core/app/consultations/ask.ts); notify alerts
// the school's named contact from the stream.
import { consultationRepository } from '../../core/adapters/dynamodb/consultation-repository.ts';
import { askConsultation, type AskConsultationDependencies } from '../../core/app/consultations/ask.ts';
import { InvalidInputError } from '../../core/app/errors.ts';
import { systemClock } from '../../core/app/ports/clock.ts';
import { directorySource } from '../../core/directory/source.ts';
import { notFound } from '../../core/http/errors.ts';
import type { HttpEvent } from '../../core/http/event.ts';
import { httpHandler, readBody } from '../../core/http/middleware.ts';
import { html, json, type HttpResponse } from '../../core/http/responses.ts';
import { renderConsultationForm, renderConsultationSent } from '../../web/pages/consultation-form-page.ts';

export type ConsultDependencies = AskConsultationDependencies;

/** A question is short; the form's fields fit well inside. */
export const MAX_CONSULTATION_BODY_BYTES = 32 * 1024;

const defaults = (): ConsultDependencies => ({ consultations: consultationRepository(), directory: directorySource(), clock: systemClock });

export function createConsultHandler(given?: ConsultDependencies) {
  let deps = given;
  return async (event: HttpEvent): Promise<HttpResponse> => {
    deps ??= defaults();
    switch (event.routeKey) {
      case 'GET /consultation':
      case 'GET /en/consultation':
        return html(200, renderConsultationForm({ lang: event.routeKey === 'GET /consultation' ? 'sv' : 'en', directory: await deps.directory.current() }));
      case 'POST /api/consultations': {
        const { kind, value } = readBody(event, { maxBytes: MAX_CONSULTATION_BODY_BYTES, accept: ['json', 'form'] });
        const fields = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
        const lang = fields.language === 'en' ? 'en' : 'sv';
        try {
          const answer = await askConsultation(deps, fields);
          return kind === 'form' ? html(201, renderConsultationSent(lang)) : json(201, answer);
        } catch (error) {
          if (kind !== 'form' || !(error instanceof InvalidInputError)) throw error;
          return html(400, renderConsultationForm({ lang, directory: await deps.directory.current(), values: fields, errors: error.errors }));
        }
      }
      default:
        throw notFound();
    }
  };
}

export function buildConsultHandler(deps?: ConsultDependencies) {
  return httpHandler(createConsultHandler(deps));
}

export const handler = buildConsultHandler();
