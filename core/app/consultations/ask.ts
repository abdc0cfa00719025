// Use case: a school's staff member asks the school's named contact a question (POST /api/consultations).
//   1. The honeypot: a bot that filled it is answered as if stored; nothing is stored.
//   2. Validate (zod): every text required where it must be, and no personal identity number in any text (400 names
//      the field: a consultation never identifies the child).
//   3. The school must be one in the directory: its area's team answers, its named contact is alerted (by notify,
//      from the stream: this function only writes).
//   4. Store the consultation as its own item; answer its id.
import { randomUUID } from 'node:crypto';
import { askConsultationSchema, newConsultation } from '../../domain/consultation.ts';
import { routeReport } from '../../domain/routing.ts';
import { HONEYPOT_TRIGGERED } from '../../observability/log-events.ts';
import { logger } from '../../observability/logger.ts';
import { fieldErrors, firstErrorPerField, InvalidInputError } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { ConsultationStore } from '../ports/consultation-store.ts';
import type { DirectorySource } from '../ports/directory.ts';
import { HONEYPOT_FIELD } from '../../../forms/concern-report/fields.ts';

export interface AskConsultationDependencies {
  consultations: ConsultationStore;
  directory: DirectorySource;
  clock: Clock;
  newId?: () => string;
}

export async function askConsultation(deps: AskConsultationDependencies, body: unknown): Promise<{ id: string }> {
  const { [HONEYPOT_FIELD]: honeypot, ...fields } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const id = (deps.newId ?? randomUUID)();
  if (honeypot !== undefined && honeypot !== null && String(honeypot).trim() !== '') {
    logger.info(HONEYPOT_TRIGGERED, { kind: 'consultation' });
    return { id };
  }
  const parsed = askConsultationSchema.safeParse(fields);
  if (!parsed.success) throw new InvalidInputError(firstErrorPerField(fieldErrors(parsed.error.issues)));
  const route = routeReport(await deps.directory.current(), parsed.data.schoolId);
  if (route.routedToFallback || !route.areaId) {
    // Unlike a report, a question needs the school's own named contact: an unknown school has none.
    throw new InvalidInputError([{ path: 'schoolId', message: 'is not a school in the list; choose your school' }]);
  }
  const consultation = newConsultation(parsed.data, { id, teamId: route.teamId, areaId: route.areaId, askedAt: deps.clock.now() });
  await deps.consultations.create(consultation);
  logger.info('consultation asked', { consultationId: id, schoolId: consultation.schoolId, teamId: consultation.teamId });
  return { id };
}
