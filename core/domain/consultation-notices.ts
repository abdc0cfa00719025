// What a change of a consultation owes in emails. Pure: old and new consultation (the stream's images) and the
// current directory in, the notices out, each with its ledger key (kept on the consultation item):
//   INSERT                  → "consultation-alert:<named contact>" to the school's named contact
//   MODIFY answer became set → "consultation-answered" to the asker
import type { Directory } from '../directory/directory.ts';
import type { Consultation } from './consultation.ts';

export interface ConsultationChange {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  oldConsultation?: Consultation;
  newConsultation?: Consultation;
}

export interface PlannedConsultationEmail {
  key: string;
  kind: 'consultation-alert' | 'consultation-answered';
  to: string;
}

export function consultationNotices(change: ConsultationChange, directory: Directory): PlannedConsultationEmail[] {
  const next = change.newConsultation;
  if (!next || change.eventName === 'REMOVE') return [];
  if (change.eventName === 'INSERT') {
    // The named contact in the current directory; the lead of the consultation's team if the school left it.
    const school = directory.schools.find((s) => s.id === next.schoolId);
    const to = (school?.namedContact ?? directory.teams.find((t) => t.id === next.teamId)?.lead.email)?.trim().toLowerCase();
    return to ? [{ key: `consultation-alert:${to}`, kind: 'consultation-alert', to }] : [];
  }
  if (!change.oldConsultation?.answer && next.answer) {
    return [{ key: 'consultation-answered', kind: 'consultation-answered', to: next.reporter.email }];
  }
  return [];
}
