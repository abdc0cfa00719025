// Use cases of the school's team (staff of the team serving the consultation's school, in the current directory):
//   list: the open consultations of the caller's teams, oldest first;
//   answer: validate the text (no personal identity number), answer once (a second answer is a 409), store; notify
//   then sends the asker a notice with the signed link (never the text).
// Another team's consultation is "not found", like a report.
import { answerConsultation, answerConsultationSchema, type Consultation } from '../../domain/consultation.ts';
import type { StaffIdentity } from '../../identity/staff.ts';
import { logger } from '../../observability/logger.ts';
import { ConflictError, fieldErrors, firstErrorPerField, InvalidInputError, NotFoundError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import type { Clock } from '../ports/clock.ts';
import type { ConsultationStore } from '../ports/consultation-store.ts';
import type { DirectorySource } from '../ports/directory.ts';

export interface TeamConsultationsDependencies {
  consultations: ConsultationStore;
  directory: DirectorySource;
  clock: Clock;
}

/** What the portal shows of an open consultation. */
export interface OpenConsultation {
  id: string;
  schoolId: string;
  schoolName: string;
  teamId: string;
  askedAt: string;
  reporter: Consultation['reporter'];
  question: string;
}

export async function listOpenConsultations(deps: TeamConsultationsDependencies, staff: StaffIdentity, status: string | undefined): Promise<{ consultations: OpenConsultation[] }> {
  if (status !== undefined && status !== 'open') throw new InvalidInputError([{ path: 'status', message: 'must be "open"' }]);
  const directory = await deps.directory.current();
  const lists = await Promise.all(staff.teamIds.map((teamId) => deps.consultations.listOpen(teamId)));
  const consultations = lists
    .flat()
    .sort((a, b) => a.askedAt.localeCompare(b.askedAt))
    .map(({ id, schoolId, teamId, askedAt, reporter, question }) => ({
      id,
      schoolId,
      schoolName: directory.schools.find((s) => s.id === schoolId)?.name ?? schoolId,
      teamId,
      askedAt,
      reporter,
      question,
    }));
  return { consultations };
}

export async function answerTeamConsultation(
  deps: TeamConsultationsDependencies,
  staff: StaffIdentity,
  id: string | undefined,
  body: unknown,
): Promise<{ id: string; answeredAt: string }> {
  if (!id || !isUuid(id)) throw new NotFoundError('no such consultation');
  const consultation = await deps.consultations.get(id);
  if (!consultation || !staff.teamIds.includes(consultation.teamId)) throw new NotFoundError('no such consultation');
  const parsed = answerConsultationSchema.safeParse(body);
  if (!parsed.success) throw new InvalidInputError(firstErrorPerField(fieldErrors(parsed.error.issues)));
  const answered = answerConsultation(consultation, parsed.data.text, staff.id, deps.clock.now());
  if (!answered || !(await deps.consultations.saveAnswer(answered))) throw new ConflictError('this consultation has already been answered');
  logger.info('consultation answered', { consultationId: id, teamId: consultation.teamId });
  return { id, answeredAt: answered.answer!.at };
}
