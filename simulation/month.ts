// A month, simulated: reports arrive over 30 days, teams behave (prompt, late, silent), the reminder sweep runs
// every simulated hour. Runs the real handlers and repository against DynamoDB Local with a simulated clock,
// then checks the promises: every report ends with feedback or was escalated on every working day it was
// overdue; no reminder twice or after feedback.
import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ReportRepository } from '../core/adapters/dynamodb/report-repository.ts';
import { fixedClock } from '../core/app/ports/clock.ts';
import { fixedDirectorySource } from '../core/directory/source.ts';
import { parseDirectory, type Directory } from '../core/directory/directory.ts';
import { atLocalTime, isWorkingDay, localDayOf, addLocalDays } from '../core/domain/calendar.ts';
import type { AuditEvent, Report } from '../core/domain/report.ts';
import type { HttpEvent, ParsedHttpEvent } from '../core/http/event.ts';
import { concernReportForm } from '../forms/concern-report/index.ts';
import { createCasesHandler } from '../functions/cases/handler.ts';
import { sweepDue as sweep } from '../core/app/sweep-due.ts';
import { digestFigures, readDigests, type DigestFigures } from './digest-figures.ts';
import { createSubmitHandler } from '../functions/submit/handler.ts';

export type Behaviour = 'prompt' | 'late' | 'silent';

export interface MonthOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  directory: Directory;
  reports?: number;
  days?: number;
  start?: Date;
  seed?: number;
  /** Which behaviour each team shows; by default the sample's three teams get one each. */
  behaviourOf?: (teamId: string, index: number) => Behaviour;
}

export interface MonthFigures {
  reports: number;
  sweeps: number;
  simulatedDays: number;
  withFeedback: number;
  feedbackDueInWindow: number;
  feedbackInTime: number;
  shareFeedbackInTime: number;
  medianHoursToAcknowledge: number | null;
  reminders: number;
  escalations: number;
  byBehaviour: Record<Behaviour, { reports: number; escalations: number; feedbackInTime: number }>;
  violations: string[];
  /** Follow-up emails per person per day, before (one per reminder/escalation) and after (digests), per behaviour. */
  emails: DigestFigures<Behaviour>;
  wallSeconds: number;
}

/** A small deterministic random source (mulberry32), so a run can be repeated. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3_600_000;

interface Planned {
  id: string;
  teamId: string;
  behaviour: Behaviour;
  acknowledgeAt: Date | null;
  feedbackAt: Date | null;
}

function staffEvent(routeKey: string, id: string, email: string, body?: unknown): HttpEvent {
  return {
    version: '2.0',
    routeKey,
    rawPath: routeKey.split(' ')[1]!.replace('{id}', id),
    rawQueryString: '',
    headers: body ? { 'content-type': 'application/json' } : {},
    pathParameters: { id },
    body: body ? JSON.stringify(body) : undefined,
    isBase64Encoded: false,
    requestContext: { authorizer: { jwt: { claims: { email, email_verified: 'true', sub: email }, scopes: [] } } } as never,
  } as HttpEvent;
}

export async function simulateMonth(options: MonthOptions): Promise<MonthFigures> {
  const started = Date.now();
  const rand = random(options.seed ?? 20261125);
  const count = options.reports ?? 200;
  const days = options.days ?? 30;
  const start = options.start ?? atLocalTime('2026-11-02', '00:00');
  const end = new Date(start.getTime() + days * 24 * HOUR);
  const directory = options.directory;
  const teams = directory.teams.map((t) => t.id);
  const behaviourOf = options.behaviourOf ?? ((teamId: string) => (['prompt', 'late', 'silent'] as const)[teams.indexOf(teamId) % 3]!);
  const policy = concernReportForm.deadlines;

  let now = start;
  const clock = () => now;
  const repository = new ReportRepository({ client: options.client, tableName: options.tableName, retentionDays: 90, now: clock });
  const dependencies = { reports: repository, directory: fixedDirectorySource(directory), clock: fixedClock(clock) };
  const submitHandler = createSubmitHandler(dependencies);
  const casesHandler = createCasesHandler({ ...dependencies, cursorSecret: async () => 'simulation-list-cursor-secret' });

  // Arrivals: mostly office hours on working days, some evenings and weekends; 10% urgent.
  const arrivals = Array.from({ length: count }, () => {
    const day = Math.floor(rand() * days);
    const offHours = rand() < 0.15;
    const hour = offHours ? Math.floor(rand() * 24) : 8 + Math.floor(rand() * 9);
    return { at: new Date(start.getTime() + day * 24 * HOUR + hour * HOUR + Math.floor(rand() * 60) * 60_000), urgent: rand() < 0.1, school: directory.schools[Math.floor(rand() * directory.schools.length)]!.id };
  }).sort((a, b) => a.at.getTime() - b.at.getTime());

  const planned: Planned[] = [];
  const figures: MonthFigures = {
    reports: 0, sweeps: 0, simulatedDays: days, withFeedback: 0, feedbackDueInWindow: 0, feedbackInTime: 0, shareFeedbackInTime: 0,
    medianHoursToAcknowledge: null, reminders: 0, escalations: 0,
    byBehaviour: { prompt: { reports: 0, escalations: 0, feedbackInTime: 0 }, late: { reports: 0, escalations: 0, feedbackInTime: 0 }, silent: { reports: 0, escalations: 0, feedbackInTime: 0 } },
    violations: [], emails: digestFigures([], () => undefined, ['prompt', 'late', 'silent'] as const), wallSeconds: 0,
  };

  const contactOf = (teamId: string) => directory.teams.find((t) => t.id === teamId)!.contacts[0]!.email;
  let nextArrival = 0;

  for (let tick = start; tick <= end; tick = new Date(tick.getTime() + HOUR)) {
    // Arrivals during the past hour, each at its own moment.
    while (nextArrival < arrivals.length && arrivals[nextArrival]!.at <= tick) {
      const arrival = arrivals[nextArrival++]!;
      now = arrival.at;
      const id = randomUUID();
      const body = {
        schoolId: arrival.school, urgency: arrival.urgent ? 'urgent' : 'normal', language: 'sv',
        reporter: { name: 'Sim Reporter', role: 'Lärare', email: 'sim.reporter@example.se' },
        child: { firstName: 'Sim', lastName: 'Child' },
        concern: { categories: ['absence'], description: 'Simulated concern.' },
        guardiansInformed: 'yes',
      };
      const response = await submitHandler({ headers: { 'idempotency-key': id }, parsedBody: { kind: 'json', value: body } } as unknown as ParsedHttpEvent);
      if (response.statusCode !== 201) throw new Error(`simulated submission failed: ${response.statusCode} ${response.body}`);
      const report = (await repository.get(id))!.report;
      const behaviour = behaviourOf(report.teamId, planned.length);
      const submitted = arrival.at.getTime();
      const ackDeadline = new Date(report.acknowledgeBy).getTime();
      const plan: Planned = { id, teamId: report.teamId, behaviour, acknowledgeAt: null, feedbackAt: null };
      if (behaviour === 'prompt') {
        // Prompt means before anyone is alerted: before the deadline, and before an urgent report's warning
        // to the lead (the report's first follow-up, 30 minutes before its 2 hours run out).
        const firstFollowUp = Math.min(ackDeadline, Date.parse(report.nextActionAt ?? report.acknowledgeBy));
        plan.acknowledgeAt = new Date(Math.min(submitted + (0.5 + rand() * 3) * HOUR, firstFollowUp - 60_000));
        plan.feedbackAt = new Date(submitted + (3 + rand() * 8) * 24 * HOUR);
      } else if (behaviour === 'late') {
        plan.acknowledgeAt = new Date(ackDeadline + (1 + rand() * 40) * HOUR);
        plan.feedbackAt = new Date(new Date(report.feedbackBy).getTime() + (1 + rand() * 4) * 24 * HOUR);
      }
      planned.push(plan);
      figures.reports++;
      figures.byBehaviour[behaviour].reports++;
    }
    // The teams act on what they planned to do by now.
    for (const plan of planned) {
      if (plan.acknowledgeAt && plan.acknowledgeAt <= tick) {
        now = plan.acknowledgeAt;
        const response = await casesHandler(staffEvent('POST /api/cases/{id}/acknowledge', plan.id, contactOf(plan.teamId), { protectionAssessment: { result: 'no-immediate-risk' } }));
        if (response.statusCode !== 200) throw new Error(`acknowledge failed: ${response.statusCode}`);
        plan.acknowledgeAt = null;
      }
      if (plan.feedbackAt && plan.feedbackAt <= tick) {
        now = plan.feedbackAt;
        const response = await casesHandler(staffEvent('POST /api/cases/{id}/feedback', plan.id, contactOf(plan.teamId), { outcome: 'investigation-not-opened' }));
        if (response.statusCode !== 200) throw new Error(`feedback failed: ${response.statusCode}`);
        plan.feedbackAt = null;
      }
    }
    now = tick;
    await sweep({ reports: repository, directory: dependencies.directory }, tick);
    figures.sweeps++;
  }

  // Check every report against the promises, from its stored state and audit trail.
  const hoursToAck: number[] = [];
  for (const plan of planned) {
    const report = (await repository.get(plan.id))!.report;
    const audit = await repository.auditTrail(plan.id);
    checkReport(report, audit, end, policy.escalationTime, figures.violations);
    const escalations = audit.filter((e) => e.action === 'escalated').length;
    const reminders = audit.filter((e) => e.detail?.reminder === true).length;
    figures.escalations += escalations;
    figures.reminders += reminders;
    figures.byBehaviour[plan.behaviour].escalations += escalations;
    if (report.acknowledgedAt) hoursToAck.push((Date.parse(report.acknowledgedAt) - Date.parse(report.submittedAt)) / HOUR);
    if (report.feedback) figures.withFeedback++;
    if (Date.parse(report.feedbackBy) <= end.getTime()) {
      figures.feedbackDueInWindow++;
      if (report.feedback && Date.parse(report.feedback.at) <= Date.parse(report.feedbackBy)) {
        figures.feedbackInTime++;
        figures.byBehaviour[plan.behaviour].feedbackInTime++;
      }
    }
  }
  const behaviourOfReport = new Map(planned.map((p) => [p.id, p.behaviour]));
  figures.emails = digestFigures(await readDigests(options.client, options.tableName), (id) => behaviourOfReport.get(id), ['prompt', 'late', 'silent'] as const);
  if (figures.emails.duplicates > 0) figures.violations.push(`${figures.emails.duplicates} reminders or escalations in more than one digest`);
  hoursToAck.sort((a, b) => a - b);
  figures.medianHoursToAcknowledge = hoursToAck.length ? Math.round(hoursToAck[Math.floor(hoursToAck.length / 2)]! * 10) / 10 : null;
  figures.shareFeedbackInTime = figures.feedbackDueInWindow ? Math.round((figures.feedbackInTime / figures.feedbackDueInWindow) * 1000) / 10 : 0;
  figures.wallSeconds = Math.round((Date.now() - started) / 100) / 10;
  return figures;
}

/** The promises for one report, as violations (empty when kept). */
function checkReport(report: Report, audit: AuditEvent[], end: Date, escalationTime: `${number}:${number}`, violations: string[]): void {
  const reminders = audit.filter((e) => e.detail?.reminder === true);
  if (reminders.length > 1) violations.push(`${report.reference}: ${reminders.length} reminders`);
  const closedAt = report.closedAt ? Date.parse(report.closedAt) : Infinity;
  for (const event of audit) {
    if ((event.action === 'escalated' || event.detail?.reminder === true) && Date.parse(event.at) > closedAt) {
      violations.push(`${report.reference}: ${event.action} after feedback`);
    }
  }
  const escalationDays = new Set(audit.filter((e) => e.action === 'escalated').map((e) => localDayOf(new Date(e.at))));
  // Every working day on which, at the escalation time, a deadline was overdue and no feedback given yet.
  for (let day = localDayOf(new Date(report.submittedAt)); day <= localDayOf(end); day = addLocalDays(day, 1)) {
    const moment = atLocalTime(day, escalationTime);
    if (!isWorkingDay(day) || moment > end || moment.getTime() >= closedAt) continue;
    const ackOverdue = Date.parse(report.acknowledgeBy) < moment.getTime() && (!report.acknowledgedAt || Date.parse(report.acknowledgedAt) > moment.getTime());
    const feedbackOverdue = Date.parse(report.feedbackBy) < moment.getTime();
    if ((ackOverdue || feedbackOverdue) && !escalationDays.has(day)) {
      violations.push(`${report.reference}: overdue on ${day} but not escalated that day`);
    }
  }
}

export function sampleDirectory(json: unknown): Directory {
  return parseDirectory(json);
}
