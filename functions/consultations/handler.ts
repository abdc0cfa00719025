// Consultations after they are asked: the school's team lists the open ones and answers (GET /api/consultations,
// POST /api/consultations/{id}/answer, staff), and the asker reads question and answer by the signed link in the
// notice (GET /consultations/{token} the page, GET /api/consultations/{token} JSON).
import { consultationRepository } from '../../core/adapters/dynamodb/consultation-repository.ts';
import { answerTeamConsultation, listOpenConsultations, type TeamConsultationsDependencies } from '../../core/app/consultations/answer.ts';
import { consultationByLink, type ConsultationByLinkDependencies } from '../../core/app/consultations/read-by-link.ts';
import { systemClock } from '../../core/app/ports/clock.ts';
import { statusLinkSecret } from '../../core/config/secrets.ts';
import { directorySource } from '../../core/directory/source.ts';
import { notFound } from '../../core/http/errors.ts';
import type { HttpEvent } from '../../core/http/event.ts';
import { httpHandler, readBody } from '../../core/http/middleware.ts';
import { html, json, type HttpResponse } from '../../core/http/responses.ts';
import { staffIdentity } from '../../core/identity/staff.ts';
import { renderConsultationNotFound, renderConsultationPage } from '../../web/pages/consultation-page.ts';
import { NotFoundError } from '../../core/app/errors.ts';

export type ConsultationsDependencies = TeamConsultationsDependencies & ConsultationByLinkDependencies;

const defaults = (): ConsultationsDependencies => ({
  consultations: consultationRepository(),
  directory: directorySource(),
  clock: systemClock,
  statusSecret: statusLinkSecret,
});

export function createConsultationsHandler(given?: ConsultationsDependencies) {
  let deps = given;
  return async (event: HttpEvent): Promise<HttpResponse> => {
    deps ??= defaults();
    switch (event.routeKey) {
      case 'GET /consultations/{token}':
        try {
          return html(200, renderConsultationPage(await consultationByLink(deps, event.pathParameters?.token ?? '')));
        } catch (error) {
          // A person opened a link: a page, not JSON.
          if (error instanceof NotFoundError) return html(404, renderConsultationNotFound());
          throw error;
        }
      case 'GET /api/consultations/{token}':
        return json(200, await consultationByLink(deps, event.pathParameters?.token ?? ''));
      case 'GET /api/consultations': {
        const staff = staffIdentity(event, await deps.directory.current());
        return json(200, await listOpenConsultations(deps, staff, event.queryStringParameters?.status));
      }
      case 'POST /api/consultations/{id}/answer': {
        const staff = staffIdentity(event, await deps.directory.current());
        const body = () => readBody(event, { maxBytes: 16 * 1024, accept: ['json'] }).value;
        return json(200, await answerTeamConsultation(deps, staff, event.pathParameters?.id, body()));
      }
      default:
        throw notFound();
    }
  };
}

/** The asker's page route's 404 for a link the path guard refuses: the same page as for a link that opens nothing. */
const consultationNotFoundPage = (event: HttpEvent): HttpResponse | undefined =>
  event.routeKey === 'GET /consultations/{token}' ? html(404, renderConsultationNotFound()) : undefined;

export function buildConsultationsHandler(deps?: ConsultationsDependencies) {
  return httpHandler(createConsultationsHandler(deps), { notFoundPage: consultationNotFoundPage });
}

export const handler = buildConsultationsHandler();
