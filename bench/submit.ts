// Submit overhead: the submit handler (middy pipeline, body parsing, zod validation, routing, deadlines, items,
// logging) invoked in-process with API Gateway v2 events, against the bare TransactWriteItems it performs, with
// the same items shape and the same client (the functions' own documentClient()), in alternating rounds.
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { documentClient } from '../core/adapters/dynamodb/client.ts';
import { newReportTransaction, reportRepository } from '../core/adapters/dynamodb/report-repository.ts';
import { systemClock } from '../core/app/ports/clock.ts';
import type { ReportStore } from '../core/app/ports/report-store.ts';
import { runtimeConfig } from '../core/config/runtime.ts';
import { loadDirectory } from '../core/directory/load.ts';
import { fixedDirectorySource } from '../core/directory/source.ts';
import type { AuditEvent, Report } from '../core/domain/report.ts';
import { buildSubmitHandler } from '../functions/submit/handler.ts';
import { lambdaContext, toEvent } from '../local/http-server.ts';
import { makeNewReport, submissionBody } from './fixtures/reports.ts';
import { median, percentile } from './stats.ts';

export interface LatencyFigures {
  calls: number;
  perSecond: number;
  medianMs: number;
  p99Ms: number;
  /** CPU milliseconds of this process per call (user + system), steadier than wall time on a busy machine. */
  cpuMsPerCall: number;
}

export interface SubmitFigures {
  rounds: number;
  perRound: number;
  handler: LatencyFigures;
  bareWrite: LatencyFigures;
  /** The handler with a repository that stores nothing: its own work alone (parsing, validation, routing, logging). */
  handlerNoStorage: LatencyFigures;
  /** Median handler − median bare write, ms: what the handler adds to each request. */
  overheadMs: number;
  /** handler median latency / bare write median latency. */
  medianRatio: number;
  p99Ratio: number;
  /** handler reports per second / bare writes per second. */
  throughputRatio: number;
}

const ROUTE = 'POST /api/forms/concern-report/submissions';
const URL_ = new URL('http://localhost/api/forms/concern-report/submissions');

/** The event API Gateway would deliver for a JSON submit (the local server's own event builder). */
function submitEvent(): ReturnType<typeof toEvent> {
  const request = {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'user-agent': 'bench' },
    httpVersion: '1.1',
    socket: { remoteAddress: '127.0.0.1' },
  };
  return toEvent(request as never, URL_, JSON.stringify(submissionBody()), ROUTE, {}, null);
}

/** The transaction ReportRepository.create() sends for a new report: the repository's own builder. */
function createTransaction(tableName: string, made: { report: Report; audit: AuditEvent }, retentionDays: number): TransactWriteCommand {
  return new TransactWriteCommand(newReportTransaction(tableName, made.report, made.audit, retentionDays));
}

function figures(samples: number[], cpuMs: number): LatencyFigures {
  const total = samples.reduce((sum, ms) => sum + ms, 0);
  return {
    cpuMsPerCall: Math.round((cpuMs / samples.length) * 1000) / 1000,
    calls: samples.length,
    perSecond: Math.round((samples.length / total) * 1000),
    medianMs: Math.round(median(samples) * 100) / 100,
    p99Ms: Math.round(percentile(samples, 99) * 100) / 100,
  };
}

export async function benchSubmit(options: { rounds: number; perRound: number; warmup: number }, progress: (line: string) => void): Promise<SubmitFigures> {
  const config = runtimeConfig();
  const client = documentClient(); // the client (and settings) the repository below uses
  reportRepository(); // the default repository on that client, as in Lambda
  const directory = loadDirectory();
  const handler = buildSubmitHandler();
  // The same handler over a repository that stores nothing: what is left is the handler's own work.
  // Typed against create() itself, so a change of its answer shows up here at type-check time.
  const create: ReportStore['create'] = async (report) => ({ kind: 'created', receipt: report });
  const nothingStored = { create } as ReportStore;
  const handlerNoStorage = buildSubmitHandler({ reports: nothingStored, directory: fixedDirectorySource(directory), clock: systemClock });
  const context = lambdaContext('submit');

  // Inputs are made before each batch, so that neither the timings nor the CPU figures include them.
  async function oneSubmit(event: ReturnType<typeof submitEvent>, which: typeof handler = handler): Promise<number> {
    const start = performance.now();
    const response = (await which(event as never, context)) as APIGatewayProxyStructuredResultV2;
    const ms = performance.now() - start;
    if (response.statusCode !== 201) throw new Error(`submit answered ${response.statusCode}: ${String(response.body).slice(0, 300)}`);
    return ms;
  }

  async function oneBareWrite(made: { report: Report; audit: AuditEvent }): Promise<number> {
    const start = performance.now();
    await client.send(createTransaction(config.TABLE_NAME, made, config.RETENTION_DAYS));
    return performance.now() - start;
  }

  // Warm all three paths (JIT, connections, the directory cache), not counted.
  for (let i = 0; i < options.warmup; i++) {
    await oneSubmit(submitEvent());
    await oneBareWrite(makeNewReport(directory, new Date()));
    await oneSubmit(submitEvent(), handlerNoStorage);
  }
  const samples = { handler: [] as number[], bare: [] as number[], none: [] as number[] };
  const cpuMs = { handler: 0, bare: 0, none: 0 };
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? (['handler', 'bare', 'none'] as const) : (['bare', 'handler', 'none'] as const);
    for (const which of order) {
      const events = which === 'bare' ? [] : Array.from({ length: options.perRound }, submitEvent);
      const reports = which === 'bare' ? Array.from({ length: options.perRound }, () => makeNewReport(directory, new Date())) : [];
      const cpu = process.cpuUsage();
      for (let i = 0; i < options.perRound; i++) {
        if (which === 'bare') samples.bare.push(await oneBareWrite(reports[i]!));
        else samples[which].push(await oneSubmit(events[i]!, which === 'handler' ? handler : handlerNoStorage));
      }
      const used = process.cpuUsage(cpu);
      cpuMs[which] += (used.user + used.system) / 1000;
    }
    progress(`submit: round ${round + 1}/${options.rounds}`);
  }
  const handlerFigures = figures(samples.handler, cpuMs.handler);
  const bareFigures = figures(samples.bare, cpuMs.bare);
  return {
    rounds: options.rounds,
    perRound: options.perRound,
    handler: handlerFigures,
    bareWrite: bareFigures,
    handlerNoStorage: figures(samples.none, cpuMs.none),
    overheadMs: Math.round((handlerFigures.medianMs - bareFigures.medianMs) * 100) / 100,
    medianRatio: Math.round((handlerFigures.medianMs / bareFigures.medianMs) * 100) / 100,
    p99Ratio: Math.round((handlerFigures.p99Ms / bareFigures.p99Ms) * 100) / 100,
    throughputRatio: Math.round((handlerFigures.perSecond / bareFigures.perSecond) * 100) / 100,
  };
}
