// DynamoDB Stream consumer: turns report changes into emails (alert, receipt, reminder, escalation,
// outcome). The one place that sends email; the reminder sweep only changes state.
//
// Each email goes through the ledger on the report item (claim → send → record), so a retried batch, a
// duplicate record or two consumers at once never send it twice. A record whose email could not be sent
// now is reported in batchItemFailures (partial batch response): the stream delivers it again with
// backoff, then to the dead-letter destination. Later records of the same report wait behind it, so a
// reporter never gets the outcome before the receipt; other reports' records go on.
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { AttributeValue as StreamAttributeValue, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { documentClient } from '../../core/adapters/dynamodb/client.ts';
import { DynamoEmailLedger, type EmailLedger } from '../../core/adapters/dynamodb/email-ledger.ts';
import { fromItem } from '../../core/adapters/dynamodb/report-repository.ts';
import { sesMailer, type Mailer } from '../../core/adapters/ses/mailer.ts';
import { runtimeConfig } from '../../core/config/runtime.ts';
import { statusLinkSecret } from '../../core/config/secrets.ts';
import type { Directory } from '../../core/directory/directory.ts';
import { loadDirectory } from '../../core/directory/load.ts';
import { directorySource } from '../../core/directory/source.ts';
import type { DeadlinePolicy } from '../../core/domain/deadlines.ts';
import type { Report } from '../../core/domain/report.ts';
import { signStatusToken } from '../../core/domain/status-token.ts';
import {
  alertEmail,
  emailFacts,
  escalationEmail,
  outcomeEmail,
  receiptEmail,
  reminderEmail,
  type EmailContent,
  type EmailFacts,
  type Links,
} from '../../core/email/templates.ts';
import { logger } from '../../core/observability/logger.ts';
import { concernReportDeadlines } from '../../forms/concern-report/policy.ts';
import { decide, type PlannedEmail, type ReportChange } from './decide.ts';
import { notifyStreamSettings } from './stream-settings.ts';

export interface NotifyDependencies {
  mailer: () => Mailer;
  ledger: () => EmailLedger;
  clock: () => Date;
  directory: () => Directory | Promise<Directory>;
  statusSecret: () => Promise<string>;
  publicUrl: () => string;
  policy: DeadlinePolicy;
  /** Reports handled at once within a batch (records of one report are always handled in order). */
  concurrency: number;
  /** Attempts at recording a sent email before giving up (the one step that must not be lost). */
  recordAttempts: number;
}

export const defaultNotifyDependencies: NotifyDependencies = {
  mailer: () => sesMailer(loadDirectory().municipality.name),
  ledger: () => {
    const config = runtimeConfig();
    return new DynamoEmailLedger({
      client: documentClient(),
      tableName: config.TABLE_NAME,
      leaseMs: notifyStreamSettings.claimLeaseSeconds * 1000,
    });
  },
  clock: () => new Date(),
  directory: () => directorySource().current(),
  statusSecret: () => statusLinkSecret(),
  publicUrl: () => runtimeConfig().PUBLIC_URL,
  policy: concernReportDeadlines,
  concurrency: 4,
  // About 17 s of retries (backoff capped at 1 s): a DynamoDB blip longer than a second or two between the send
  // and its record would otherwise leave the email unrecorded, and it would go out again after the lease.
  recordAttempts: 20,
};

type Outcome = 'done' | 'failed';

/** A report item's image as a Report (null for other items: audit events). */
export function reportFromImage(image: Record<string, StreamAttributeValue> | undefined): Report | null {
  if (!image) return null;
  const { emailClaims: _claims, ...rest } = image; // the ledger's leases: not part of the report
  const item = unmarshall(rest as never) as Record<string, unknown>;
  if (item.sk !== 'REPORT' || typeof item.pk !== 'string' || !item.pk.startsWith('REPORT#')) return null;
  return fromItem(item).report;
}

/** The change a stream record describes, or null when it is not about a report item. */
export function changeOf(record: DynamoDBRecord): ReportChange | null {
  const sk = record.dynamodb?.Keys?.sk?.S;
  if (sk !== 'REPORT') return null;
  const eventName = record.eventName;
  if (eventName !== 'INSERT' && eventName !== 'MODIFY' && eventName !== 'REMOVE') return null;
  if (eventName === 'REMOVE') return { eventName };
  const newReport = reportFromImage(record.dynamodb?.NewImage) ?? undefined;
  const oldReport = reportFromImage(record.dynamodb?.OldImage) ?? undefined;
  return { eventName, newReport, oldReport };
}

export function createNotifyHandler(overrides: Partial<NotifyDependencies> = {}) {
  const deps: NotifyDependencies = { ...defaultNotifyDependencies, ...overrides };

  async function render(planned: PlannedEmail, facts: EmailFacts, links: Links): Promise<EmailContent> {
    switch (planned.kind) {
      case 'alert':
        return alertEmail(facts, links);
      case 'reminder':
        return reminderEmail(facts, links);
      case 'escalation':
        return escalationEmail(facts, planned.escalation ?? { overdue: [], hoursWaited: 0, workingDaysWaited: 0 }, links);
      case 'receipt':
        return receiptEmail(facts, { ...links, statusToken: signStatusToken(facts.id, await deps.statusSecret()) });
      case 'outcome':
        return outcomeEmail(facts, { ...links, statusToken: signStatusToken(facts.id, await deps.statusSecret()) });
    }
  }

  async function sendOnce(report: Report, facts: EmailFacts, planned: PlannedEmail, links: Links): Promise<Outcome> {
    const ids = { reportId: report.id, email: planned.kind, ...(planned.kind === 'escalation' ? { key: planned.key } : {}) };
    const ledger = deps.ledger();
    // Rendered before the claim (it may fetch the status secret): the lease covers only send and record.
    const content = await render(planned, facts, links);
    const followUp = planned.kind === 'reminder' || planned.kind === 'escalation';
    const claim = await ledger.claim(report.id, planned.key, deps.clock(), { onlyWhileOpen: followUp });
    if (claim.kind === 'already-sent') return 'done';
    if (claim.kind === 'closed') {
      logger.info('follow-up not sent: feedback was given since', ids);
      return 'done';
    }
    if (claim.kind === 'gone') {
      logger.warn('report no longer exists; email not sent', ids);
      return 'done';
    }
    if (claim.kind === 'held') {
      logger.info('email claimed by another consumer; will retry', { ...ids, claimedUntil: claim.until });
      return 'failed';
    }
    let messageId: string;
    try {
      ({ messageId } = await deps.mailer().send({ to: planned.to, ...content, kind: planned.kind }));
    } catch (error) {
      logger.warn('email not sent; will retry', { ...ids, error: errorName(error) });
      await ledger.release(report.id, planned.key, claim.claim).catch((releaseError: unknown) => {
        // The claim then expires by itself; the retry waits for it.
        logger.warn('could not release email claim', { ...ids, error: errorName(releaseError) });
      });
      return 'failed';
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await ledger.record(report.id, planned.key, claim.claim);
        break;
      } catch (error) {
        if (attempt >= deps.recordAttempts) {
          // Sent but not recorded: after the claim expires a retry may send it again. Rare; say so loudly.
          logger.error('email sent but not recorded in the ledger', { ...ids, messageId, error: errorName(error) });
          return 'failed';
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 100 * 2 ** attempt)));
      }
    }
    logger.info('email sent', { ...ids, messageId });
    return 'done';
  }

  async function handleRecord(record: DynamoDBRecord, directory: Directory, links: Links): Promise<Outcome> {
    const change = changeOf(record);
    const report = change?.newReport;
    if (!change || !report) return 'done';
    const decision = decide(change, directory, deps.policy);
    if (decision.emails.length === 0) return 'done';
    if (decision.teamMissing) {
      logger.warn('report team not in the directory; using the fallback team', { reportId: report.id, teamId: report.teamId });
    }
    const facts = emailFacts(report, decision.team?.name ?? report.teamId);
    let outcome: Outcome = 'done';
    for (const planned of decision.emails) {
      // Already recorded when this image was written: skip without touching the ledger.
      if (report.sentEmails?.includes(planned.key)) continue;
      try {
        if ((await sendOnce(report, facts, planned, links)) === 'failed') outcome = 'failed';
      } catch (error) {
        logger.warn('email ledger unavailable; will retry', { reportId: report.id, email: planned.kind, error: errorName(error) });
        outcome = 'failed';
      }
      // One failure (SES or DynamoDB struggling, an email held by another consumer) is enough to retry the
      // record later: trying its other emails now would only add slow attempts, and with a slow SES risk the
      // function's timeout for the whole batch. The retry sends what is still missing.
      if (outcome === 'failed') break;
    }
    return outcome;
  }

  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const records = event.Records ?? [];
    const failed = new Set<string>();
    let directory: Directory;
    try {
      directory = await deps.directory();
    } catch (error) {
      logger.error('directory unavailable', { error: errorName(error) });
      return { batchItemFailures: records.map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? '' })) };
    }
    const links: Links = { publicUrl: deps.publicUrl() };

    // Records of one report in stream order; reports side by side.
    const byReport = new Map<string, DynamoDBRecord[]>();
    for (const record of records) {
      const pk = record.dynamodb?.Keys?.pk?.S ?? '';
      byReport.set(pk, [...(byReport.get(pk) ?? []), record]);
    }
    const queues = [...byReport.values()];
    const worker = async () => {
      for (let queue = queues.shift(); queue; queue = queues.shift()) {
        let blocked = false;
        for (const record of queue) {
          const sequenceNumber = record.dynamodb?.SequenceNumber ?? '';
          // After a failure, this report's later records wait for the retry (which re-delivers them).
          if (blocked || (await handleRecord(record, directory, links)) === 'failed') {
            blocked = true;
            failed.add(sequenceNumber);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(deps.concurrency, queues.length)) }, worker));

    const batchItemFailures = records
      .map((r) => r.dynamodb?.SequenceNumber ?? '')
      .filter((sequenceNumber) => failed.has(sequenceNumber))
      .map((itemIdentifier) => ({ itemIdentifier }));
    if (batchItemFailures.length) logger.info('records to retry', { failed: batchItemFailures.length, of: records.length });
    return { batchItemFailures };
  };
}

/**
 * The error's name and code only: SES puts addresses in its messages ("…identities failed the check:
 * <address>"), and a reporter's address is personal data.
 */
function errorName(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return [error.name, typeof code === 'string' ? code : '', status ? `HTTP ${status}` : ''].filter(Boolean).join(' ');
}

export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger))
  .handler(createNotifyHandler());
