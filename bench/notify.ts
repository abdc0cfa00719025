// Notify throughput: the notify handler (the deployed middy pipeline, the real DynamoDB email ledger and SES
// mailer) given a batch of stream records (INSERT images of stored reports: an alert to each of the team's
// contacts and a receipt each), against the same number of plain SendEmail calls to the same local SES, with
// the same concurrency (notify works on `concurrency` reports at a time), in alternating rounds.
import { SendEmailCommand, SESClient } from '@aws-sdk/client-ses';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { runtimeConfig } from '../core/config/runtime.ts';
import type { Directory } from '../core/directory/directory.ts';
import { alertEmail, emailFacts } from '../core/email/templates.ts';
import { handler as notifyHandler, notifyLedger, notifySettings } from '../functions/notify/handler.ts';
import { teamOf } from '../core/domain/notifications.ts';
import { lambdaContext } from '../local/http-server.ts';
import { mailbox } from '../local/ses.ts';
import { batchWrite, makeReport, reportItem } from './fixtures/reports.ts';

export interface NotifyFigures {
  rounds: number;
  recordsPerBatch: number;
  emailsPerBatch: number;
  concurrency: number;
  /** Emails per second through the notify handler (claim → send → record per email). */
  handlerEmailsPerSecond: number;
  /** Emails per second of plain SendEmail calls, as many, as concurrent. */
  directEmailsPerSecond: number;
  /** The ledger's calls alone (claim → SendEmail → record, the same calls the handler makes, without the handler). */
  ledgerEmailsPerSecond: number;
  /** handler / direct: what exactly-once costs in all. */
  ratio: number;
  /** ledger calls alone / direct: the share of that cost that is the ledger's two writes per email. */
  ledgerRatio: number;
  /** handler / ledger calls alone: the handler's own work (decoding, deciding, rendering, logging). */
  handlerOverLedgerRatio: number;
  /** Milliseconds per email (total time / emails). */
  handlerMsPerEmail: number;
  ledgerMsPerEmail: number;
  directMsPerEmail: number;
  /** CPU milliseconds of this process per email (user + system), steadier than wall time on a busy machine. */
  handlerCpuMsPerEmail: number;
  ledgerCpuMsPerEmail: number;
  directCpuMsPerEmail: number;
}

interface Round {
  emails: number;
  ms: number;
  /** CPU time of this process during the round. */
  cpuMs: number;
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** A stream record as Lambda delivers it for a new report item (INSERT, NEW_AND_OLD_IMAGES). */
function insertRecord(item: Record<string, unknown>, sequence: number): DynamoDBRecord {
  return {
    eventID: `bench-${sequence}`,
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-north-1',
    eventSourceARN: 'arn:aws:dynamodb:eu-north-1:000000000000:table/bench/stream/bench',
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
      Keys: marshall({ pk: item.pk, sk: item.sk }) as never,
      NewImage: marshall(item, { removeUndefinedValues: true }) as never,
      SequenceNumber: String(sequence).padStart(21, '0'),
      SizeBytes: JSON.stringify(item).length,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

export async function benchNotify(
  options: { client: DynamoDBDocumentClient; directory: Directory; sesEndpoint: string; rounds: number; records: number },
  progress: (line: string) => void,
): Promise<NotifyFigures> {
  const config = runtimeConfig();
  const { client, directory } = options;
  const concurrency = notifySettings.concurrency;
  const context = lambdaContext('notify');
  // The same client settings as the mailer's (core/adapters/ses/mailer.ts).
  const ses = new SESClient({
    region: config.AWS_REGION,
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000 },
    endpoint: options.sesEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  // What a direct send carries: a real alert's content.
  const sample = makeReport(directory, new Date());
  const content = alertEmail(emailFacts(sample, 'Mottagning'), { publicUrl: config.PUBLIC_URL });
  const contacts = directory.teams.flatMap((team) => team.contacts.map((c) => c.email));
  let sequence = 0;

  /** `records` new reports, stored as submit stores them. */
  async function freshReports(): Promise<Record<string, unknown>[]> {
    const items = Array.from({ length: options.records }, (_, n) => reportItem(makeReport(directory, new Date(), n)));
    await batchWrite(client, config.TABLE_NAME, items);
    return items;
  }

  /** A fresh batch: new stored reports and their INSERT records. */
  async function freshBatch(): Promise<DynamoDBStreamEvent> {
    const items = await freshReports();
    return { Records: items.map((item) => insertRecord(item, ++sequence)) };
  }

  const send = (to: string) =>
    ses.send(
      new SendEmailCommand({
        Source: config.SENDER_ADDRESS,
        Destination: { ToAddresses: [to] },
        Message: {
          Subject: { Data: content.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: content.text, Charset: 'UTF-8' }, Html: { Data: content.html, Charset: 'UTF-8' } },
        },
      }),
    );

  /** The handler's storage and SES calls alone, for fresh reports: per email claim → send → record, reports `concurrency` at a time. */
  const ledger = notifyLedger();
  async function ledgerRound(): Promise<Round> {
    const items = await freshReports();
    const plans = items.map((item) => {
      const { team } = teamOf(directory, String(item.teamId));
      const reporter = (item.submission as { reporter: { email: string } }).reporter.email;
      return {
        id: String(item.id),
        emails: [...(team?.contacts ?? []).map((c) => ({ key: `alert:${c.email}`, to: c.email })), { key: 'receipt', to: reporter }],
      };
    });
    const emails = plans.reduce((sum, plan) => sum + plan.emails.length, 0);
    const worker = async () => {
      for (let plan = plans.shift(); plan; plan = plans.shift()) {
        for (const email of plan.emails) {
          const claim = await ledger.claim(plan.id, email.key, new Date());
          if (claim.kind !== 'claimed') throw new Error(`ledger claim: ${claim.kind}`);
          await send(email.to);
          await ledger.record(plan.id, email.key, claim.claim);
        }
      }
    };
    const cpu = process.cpuUsage();
    const start = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { emails, ms: performance.now() - start, cpuMs: cpuSince(cpu) };
  }

  async function handlerRound(): Promise<Round> {
    const event = await freshBatch();
    const before = (await mailbox(options.sesEndpoint)).length;
    const cpu = process.cpuUsage();
    const start = performance.now();
    const response = (await notifyHandler(event, context)) as DynamoDBBatchResponse;
    const ms = performance.now() - start;
    const cpuMs = cpuSince(cpu);
    if (response.batchItemFailures.length) throw new Error(`notify failed ${response.batchItemFailures.length} records`);
    const emails = (await mailbox(options.sesEndpoint)).length - before;
    return { emails, ms, cpuMs };
  }

  async function directRound(count: number): Promise<Round> {
    let next = 0;
    const worker = async () => {
      while (next < count) await send(contacts[next++ % contacts.length]!);
    };
    const cpu = process.cpuUsage();
    const start = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { emails: count, ms: performance.now() - start, cpuMs: cpuSince(cpu) };
  }

  // Warm-up (connections, JIT, the directory and status secret), not counted.
  const warm = await handlerRound();
  await directRound(warm.emails);
  await ledgerRound();

  const totals = { handler: { emails: 0, ms: 0, cpuMs: 0 }, direct: { emails: 0, ms: 0, cpuMs: 0 }, ledger: { emails: 0, ms: 0, cpuMs: 0 } };
  let emailsPerBatch = warm.emails;
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? (['handler', 'direct', 'ledger'] as const) : (['direct', 'ledger', 'handler'] as const);
    for (const which of order) {
      const result = which === 'handler' ? await handlerRound() : which === 'ledger' ? await ledgerRound() : await directRound(emailsPerBatch);
      totals[which].emails += result.emails;
      totals[which].ms += result.ms;
      totals[which].cpuMs += result.cpuMs;
      if (which === 'handler') emailsPerBatch = result.emails;
    }
    progress(`notify: round ${round + 1}/${options.rounds}`);
  }
  ses.destroy();
  const { handler, direct } = totals;
  const handlerRate = (handler.emails / handler.ms) * 1000;
  const directRate = (direct.emails / direct.ms) * 1000;
  const ledgerRate = (totals.ledger.emails / totals.ledger.ms) * 1000;
  return {
    rounds: options.rounds,
    recordsPerBatch: options.records,
    emailsPerBatch,
    concurrency,
    handlerEmailsPerSecond: Math.round(handlerRate),
    directEmailsPerSecond: Math.round(directRate),
    ledgerEmailsPerSecond: Math.round(ledgerRate),
    ratio: Math.round((handlerRate / directRate) * 100) / 100,
    ledgerRatio: Math.round((ledgerRate / directRate) * 100) / 100,
    handlerOverLedgerRatio: Math.round((handlerRate / ledgerRate) * 100) / 100,
    handlerMsPerEmail: Math.round((handler.ms / handler.emails) * 100) / 100,
    ledgerMsPerEmail: Math.round((totals.ledger.ms / totals.ledger.emails) * 100) / 100,
    directMsPerEmail: Math.round((direct.ms / direct.emails) * 100) / 100,
    handlerCpuMsPerEmail: Math.round((handler.cpuMs / handler.emails) * 100) / 100,
    ledgerCpuMsPerEmail: Math.round((totals.ledger.cpuMs / totals.ledger.emails) * 100) / 100,
    directCpuMsPerEmail: Math.round((direct.cpuMs / direct.emails) * 100) / 100,
  };
}
