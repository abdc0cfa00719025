// In-memory ConsultationStore: the same contract as the DynamoDB adapter (create never overwrites, one answer).
import type { ConsultationStore } from '../../../core/app/ports/consultation-store.ts';
import type { Consultation } from '../../../core/domain/consultation.ts';

export class MemoryConsultationStore implements ConsultationStore {
  readonly items = new Map<string, Consultation>();

  async create(consultation: Consultation): Promise<void> {
    if (this.items.has(consultation.id)) throw new Error(`consultation ${consultation.id} exists`);
    this.items.set(consultation.id, structuredClone(consultation));
  }

  async get(id: string): Promise<Consultation | null> {
    return structuredClone(this.items.get(id) ?? null);
  }

  async listOpen(teamId: string): Promise<Consultation[]> {
    return [...this.items.values()].filter((c) => c.teamId === teamId && !c.answer).map((c) => structuredClone(c));
  }

  async saveAnswer(answered: Consultation): Promise<boolean> {
    const stored = this.items.get(answered.id);
    if (!stored || stored.answer) return false;
    this.items.set(answered.id, structuredClone(answered));
    return true;
  }
}
