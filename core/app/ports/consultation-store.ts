// The consultation store port: consultations as items of their own (core/adapters/dynamodb/consultation-repository.ts).
import type { Consultation } from '../../domain/consultation.ts';

export interface ConsultationStore {
  /** Writes a new consultation (its id is new: a second write of the same id is refused, never an overwrite). */
  create(consultation: Consultation): Promise<void>;
  /** The consultation, or null when there is none (or it has expired). */
  get(id: string): Promise<Consultation | null>;
  /** A team's unanswered consultations, oldest first. */
  listOpen(teamId: string): Promise<Consultation[]>;
  /** Stores the answer; false when the consultation was answered meanwhile (or is gone). */
  saveAnswer(answered: Consultation): Promise<boolean>;
}
