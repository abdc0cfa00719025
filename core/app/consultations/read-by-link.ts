// Use case: the asker reads their consultation and its answer by the signed link in the notice.
//   1. Verify the token with the consultation purpose (a status link never opens a consultation); a wrong,
//      altered or guessed token is "not found", like a missing or expired consultation.
//   2. Answer the question, the answer (without who wrote it) and what "make it a report" fills in.
import type { Consultation } from '../../domain/consultation.ts';
import { verifyConsultationToken } from '../../domain/status-token.ts';
import { NotFoundError } from '../errors.ts';
import type { ConsultationStore } from '../ports/consultation-store.ts';
import type { DirectorySource } from '../ports/directory.ts';

export interface ConsultationByLinkDependencies {
  consultations: ConsultationStore;
  directory: DirectorySource;
  statusSecret: () => Promise<string>;
}

export interface AskerConsultation {
  id: string;
  language: Consultation['language'];
  schoolId: string;
  schoolName: string;
  reporter: Consultation['reporter'];
  question: string;
  askedAt: string;
  answer: { text: string; at: string } | null;
}

export async function consultationByLink(deps: ConsultationByLinkDependencies, token: string): Promise<AskerConsultation> {
  const id = verifyConsultationToken(token, await deps.statusSecret());
  const consultation = id ? await deps.consultations.get(id) : null;
  if (!consultation) throw new NotFoundError('no consultation behind this link (it may have expired)');
  const school = (await deps.directory.current()).schools.find((s) => s.id === consultation.schoolId);
  return {
    id: consultation.id,
    language: consultation.language,
    schoolId: consultation.schoolId,
    schoolName: school?.name ?? consultation.schoolId,
    reporter: consultation.reporter,
    question: consultation.question,
    askedAt: consultation.askedAt,
    answer: consultation.answer ? { text: consultation.answer.text, at: consultation.answer.at } : null,
  };
}
