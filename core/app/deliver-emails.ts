// Use case: deliver the emails that report changes owe (alert, receipt, out-of-hours alert, outcome), and the
// sweep's digests (reminders and escalations, one email per person per sweep: deliver-digest.ts).
//   1. Per change, the domain says which emails it owes (core/domain/notifications.ts), each with a ledger key.
//   2. Per email, through the shared ledger loop (send-through-ledger.ts): claim (skip if sent, closed, gone;
//      retry later if another consumer holds it) → send → record (retried in place: the one step that must not
//      be lost), or release when the send failed.
//   3. The changes of one report in their order, reports side by side: after a failure, that report's later
//      changes wait for the retry (a reporter never gets the outcome before the receipt); other reports go on.
//   4. Answer which changes failed, so the caller delivers them again.
import type { Directory } from '../directory/directory.ts';
import type { DeadlinePolicy } from '../domain/deadlines.ts';
import { decide, type PlannedEmail, type ReportChange } from '../domain/notifications.ts';
import type { Report } from '../domain/report.ts';
import { signStatusToken, type StatusKeyring } from '../domain/status-token.ts';
import type { Digest } from '../domain/digest.ts';
import { outOfHoursAlertEmail } from '../email/time-emails.ts';
import { callOutOfHoursText } from '../markup/call-out-of-hours.ts';
import { questionEmail, receiptWithoutLinkEmail, reporterMessageEmail, statusLinkEmail } from '../email/reporter-notices.ts';
import {
  alertEmail,
  emailFacts,
  outcomeEmail,
  receiptEmail,
  type EmailContent,
  type EmailFacts,
  type Links,
} from '../email/templates.ts';
import { teamNoticeEmail } from '../email/team-notices.ts';
import { errorSummary } from '../observability/error-summary.ts';
import { logger } from '../observability/logger.ts';
import type { Clock } from './ports/clock.ts';
import type { DirectorySource } from './ports/directory.ts';
import type { EmailLedger } from './ports/email-ledger.ts';
import type { Mailer } from './ports/mailer.ts';
import { deliverDigest } from './deliver-digest.ts';
import { sendThroughLedger, type Outcome } from './send-through-ledger.ts';

// The shared ledger loop, where the report and consultation emails have always found it.
export { sendThroughLedger, type Outcome };

export interface DeliverEmailsDependencies {
  mailer: Mailer;
  ledger: EmailLedger;
  /** The ledger on digest items (by digest id); the report ledger when one ledger keeps both (the in-memory one). */
  digestLedger?: EmailLedger;
  clock: Clock;
  directory: DirectorySource;
  /** The status-link keyring: new links are signed with its current key. */
  statusKeys: () => Promise<StatusKeyring>;
  publicUrl: string;
  policy: DeadlinePolicy;
  /** Reports handled at once (changes of one report are always handled in order). */
  concurrency: number;
  /** Attempts at recording a sent email before giving up (the one step that must not be lost). */
  recordAttempts: number;
}

export interface ChangeRecord {
  /** The record's id, answered back when it failed (a stream sequence number). */
  id: string;
  /** Which item changed: records of one item are handled in order. */
  itemKey: string;
  /** Null when the record is not about a report. */
  change: ReportChange | null;
  /** A digest the sweep wrote (its INSERT): sent as one email. */
  digest?: Digest | null;
}

/** Delivers what the records owe; answers the ids of the records to deliver again. */
export async function deliverEmails(deps: DeliverEmailsDependencies, records: ChangeRecord[]): Promise<string[]> {
  let directory: Directory;
  try {
    directory = await deps.directory.current();
  } catch (error) {
    logger.error('directory unavailable', { error: errorSummary(error) });
    return records.map((r) => r.id);
  }
  const links: Links = { publicUrl: deps.publicUrl };
  const failed = new Set<string>();

  const byItem = new Map<string, ChangeRecord[]>();
  for (const record of records) byItem.set(record.itemKey, [...(byItem.get(record.itemKey) ?? []), record]);
  const queues = [...byItem.values()];
  const worker = async () => {
    for (let queue = queues.shift(); queue; queue = queues.shift()) {
      let blocked = false;
      for (const record of queue) {
        // After a failure, this report's later records wait for the retry (which delivers them again).
        const deliver = () => (record.digest ? deliverDigest(deps, record.digest, links) : deliverChange(deps, record.change, directory, links));
        if (blocked || (await deliver()) === 'failed') {
          blocked = true;
          failed.add(record.id);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(deps.concurrency, queues.length)) }, worker));
  return records.map((r) => r.id).filter((id) => failed.has(id));
}

async function deliverChange(deps: DeliverEmailsDependencies, change: ReportChange | null, directory: Directory, links: Links): Promise<Outcome> {
  const report = change?.newReport;
  if (!change || !report) return 'done';
  const decision = decide(change, directory, deps.policy);
  if (decision.emails.length === 0) return 'done';
  if (decision.teamMissing) {
    logger.warn('report team not in the directory; using the fallback team', { reportId: report.id, teamId: report.teamId });
  }
  const facts = emailFacts(report, decision.team?.name ?? report.teamId);
  for (const planned of decision.emails) {
    // Already recorded when this image was written: skip without touching the ledger.
    if (report.sentEmails?.includes(planned.key)) continue;
    let outcome: Outcome;
    try {
      outcome = await sendOnce(deps, report, facts, planned, links, directory);
    } catch (error) {
      logger.warn('email ledger unavailable; will retry', { reportId: report.id, email: planned.kind, error: errorSummary(error) });
      outcome = 'failed';
    }
    // One failure (SES or DynamoDB struggling, an email held by another consumer) is enough to retry the
    // record later: trying its other emails now would only add slow attempts, and with a slow SES risk the
    // function's timeout for the whole batch. The retry sends what is still missing.
    if (outcome === 'failed') return 'failed';
  }
  return 'done';
}

async function render(deps: DeliverEmailsDependencies, planned: PlannedEmail, facts: EmailFacts, links: Links, directory: Directory): Promise<EmailContent> {
  const withStatusLink = async (): Promise<Links> => ({ ...links, statusToken: signStatusToken(facts.id, (await deps.statusKeys()).current) });
  switch (planned.kind) {
    case 'alert':
      return alertEmail(facts, links);
    case 'out-of-hours-alert':
      return outOfHoursAlertEmail(facts, planned.outOfHours!, links);
    case 'receipt': {
      const callNow = planned.outOfHours ? callOutOfHoursText(facts.language, planned.outOfHours) : undefined;
      return receiptEmail(facts, await withStatusLink(), callNow);
    }
    case 'outcome':
      return outcomeEmail(facts, await withStatusLink());
    case 'notice':
      if (!planned.notice) throw new Error('a notice needs its subject');
      return teamNoticeEmail(planned.notice, facts, links);
    case 'receipt-without-link':
      return receiptWithoutLinkEmail(facts, directory.outOfHours.phone);
    case 'status-link':
      return statusLinkEmail(facts, await withStatusLink());
    case 'question':
      return questionEmail(facts, await withStatusLink());
    case 'reporter-message':
      return reporterMessageEmail(facts, links);
  }
}

async function sendOnce(
  deps: DeliverEmailsDependencies,
  report: Report,
  facts: EmailFacts,
  planned: PlannedEmail,
  links: Links,
  directory: Directory,
): Promise<Outcome> {
  const ids = { reportId: report.id, email: planned.kind };
  // Rendered before the claim (it may fetch the status secret): the lease covers only send and record.
  const content = await render(deps, planned, facts, links, directory);
  return sendThroughLedger(deps, deps.ledger, report.id, planned.key, { to: planned.to, ...content, kind: planned.kind }, ids);
}
