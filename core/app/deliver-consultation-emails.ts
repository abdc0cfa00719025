// Use case: deliver the notices consultation changes owe (core/domain/consultation-notices.ts), each through the
// ledger kept on the consultation item (claim → send → record, as every email: sendThroughLedger). The texts
// never carry the question, the answer or the asker's name; log lines carry the consultation's id only.
// Answers the ids of the records to deliver again.
import type { Directory } from '../directory/directory.ts';
import { consultationNotices, type ConsultationChange, type PlannedConsultationEmail } from '../domain/consultation-notices.ts';
import type { Consultation } from '../domain/consultation.ts';
import { signConsultationToken } from '../domain/status-token.ts';
import { consultationAlertEmail, consultationAnsweredEmail, type ConsultationEmailFacts } from '../email/consultation-templates.ts';
import { errorSummary } from '../observability/error-summary.ts';
import { logger } from '../observability/logger.ts';
import { sendThroughLedger, type DeliverEmailsDependencies, type Outcome } from './deliver-emails.ts';
import type { EmailLedger } from './ports/email-ledger.ts';

export interface DeliverConsultationEmailsDependencies
  extends Pick<DeliverEmailsDependencies, 'mailer' | 'clock' | 'directory' | 'publicUrl' | 'recordAttempts'> {
  /** The secret consultation links are signed with (core/config/secrets.ts, statusLinkSecret). */
  statusSecret: () => Promise<string>;
  /** The ledger on consultation items. */
  consultationLedger: EmailLedger;
}

export interface ConsultationChangeRecord {
  id: string;
  /** Null when the record is not about a consultation. */
  change: ConsultationChange | null;
}

export async function deliverConsultationEmails(deps: DeliverConsultationEmailsDependencies, records: ConsultationChangeRecord[]): Promise<string[]> {
  const relevant = records.filter((record) => record.change?.newConsultation);
  if (relevant.length === 0) return [];
  let directory: Directory;
  try {
    directory = await deps.directory.current();
  } catch (error) {
    logger.error('directory unavailable', { error: errorSummary(error) });
    return relevant.map((r) => r.id);
  }
  const failed: string[] = [];
  // Few and independent: one at a time, in stream order.
  for (const record of relevant) {
    const consultation = record.change!.newConsultation!;
    for (const planned of consultationNotices(record.change!, directory)) {
      let outcome: Outcome;
      try {
        outcome = await sendNotice(deps, consultation, directory, planned);
      } catch (error) {
        logger.warn('email ledger unavailable; will retry', { consultationId: consultation.id, email: planned.kind, error: errorSummary(error) });
        outcome = 'failed';
      }
      if (outcome === 'failed') {
        failed.push(record.id);
        break;
      }
    }
  }
  return failed;
}

async function sendNotice(deps: DeliverConsultationEmailsDependencies, consultation: Consultation, directory: Directory, planned: PlannedConsultationEmail): Promise<Outcome> {
  const facts: ConsultationEmailFacts = {
    language: consultation.language,
    schoolName: directory.schools.find((s) => s.id === consultation.schoolId)?.name ?? consultation.schoolId,
    askedAt: consultation.askedAt,
  };
  const content =
    planned.kind === 'consultation-alert'
      ? consultationAlertEmail(facts, deps.publicUrl)
      : consultationAnsweredEmail(facts, deps.publicUrl, signConsultationToken(consultation.id, await deps.statusSecret()));
  const ids = { consultationId: consultation.id, email: planned.kind };
  return sendThroughLedger(deps, deps.consultationLedger, consultation.id, planned.key, { to: planned.to, ...content, kind: planned.kind }, ids);
}
