// Use case: sweep what is due (the reminder schedule, every few minutes). "Now" is the scheduled event's time,
// so a test can sweep at any moment of a simulated month.
//   1. Read the reports whose next action time has passed (the store's due index: the cost follows the number
//      of due reports, not of all reports), a page at a time, and the current directory.
//   2. For each, let the domain say which reminders and escalations are owed at the team's office hours
//      (core/domain/follow-up.ts) and when the next action is.
//   3. Group what is owed into one digest per person (core/domain/digest.ts: reminders to the assignee else the
//      contacts, escalations to the lead or the out-of-hours on-call lead).
//   4. Write the reports' changes, their audit events and the digests in one transaction per chunk, each report
//      claimed by its version: two sweeps at once never both win a report, and a digest is written only with
//      the reports it lists. A chunk stays within DynamoDB's 100 items; a person owed more than one chunk's
//      reports gets one digest per chunk (part 2, 3… of the same sweep time).
//   5. Repeat until a page is short or nothing was won. Notify emails each digest from its stream record.
import type { Directory } from '../directory/directory.ts';
import { digestId, digestsForSweep, type Digest, type FollowUpPeople, type OwedFollowUp } from '../domain/digest.ts';
import { actionsDue, afterActions, type FollowUpAction } from '../domain/follow-up.ts';
import { teamOf } from '../domain/notifications.ts';
import { DEFAULT_OFFICE_HOURS } from '../domain/office-hours.ts';
import { withNextAction, type AuditEvent } from '../domain/report.ts';
import { logger } from '../observability/logger.ts';
import { concernReportDeadlines } from '../../forms/concern-report/policy.ts';
import type { DirectorySource } from './ports/directory.ts';
import { MAX_ITEMS_PER_SWEEP_WRITE, type ReportStore, type StoredReport, type SweepChange } from './ports/report-store.ts';

export interface SweepDependencies {
  reports: ReportStore;
  directory: DirectorySource;
}

export interface SweepResult {
  now: string;
  due: number;
  reminders: number;
  escalations: number;
  /** Digests written: one email each. */
  digests: number;
  /** Reports another sweep changed first: skipped here, handled there. */
  lostClaims: number;
  consumedCapacity: number;
}

/** Bounded passes guard against a pathological race; each pass moves every report it wins out of the due window. */
const MAX_PASSES = 50;
/** Attempts at one chunk's write (each after dropping the reports another sweep won, or renumbering digests). */
const MAX_WRITE_ATTEMPTS = 10;

interface Planned extends SweepChange {
  actions: FollowUpAction[];
  /** Null when nothing is owed (only rescheduled) or the report's team is not in the directory. */
  owed: OwedFollowUp | null;
}

export async function sweepDue(deps: SweepDependencies, now: Date, pageSize = 100): Promise<SweepResult> {
  const result: SweepResult = { now: now.toISOString(), due: 0, reminders: 0, escalations: 0, digests: 0, lostClaims: 0, consumedCapacity: 0 };
  // A person's digests of this sweep time are numbered: the first is DIGEST#<recipient>#<time>, then #2, #3…
  const parts = new Map<string, number>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const page = await deps.reports.due(now, pageSize);
    result.consumedCapacity += page.consumedCapacity;
    if (page.reports.length === 0) break;
    const directory = await deps.directory.current();
    const planned = page.reports.map((stored) => plan(stored, directory, now));
    let changed = 0;
    for (const chunk of chunks(planned)) changed += await writeChunk(deps.reports, chunk, now, parts, result);
    if (page.reports.length < pageSize || changed === 0) break;
  }
  return result;
}

function plan(stored: StoredReport, directory: Directory, now: Date): Planned {
  const policy = concernReportDeadlines;
  const { team } = teamOf(directory, stored.report.teamId);
  const actions = actionsDue(stored.report, now, policy, team?.officeHours ?? DEFAULT_OFFICE_HOURS);
  const next = withNextAction(afterActions(stored.report, actions, now), policy);
  const escalation = actions.find((a) => a.kind === 'escalation');
  const reminder = actions.some((a) => a.kind === 'reminder');
  const audit: AuditEvent = {
    reportId: stored.report.id,
    at: now.toISOString(),
    actor: { kind: 'system', id: 'reminders' },
    action: escalation ? 'escalated' : 'reminder-sent',
    detail: escalation
      ? { overdue: escalation.overdue.join(','), workingDaysWaited: escalation.workingDaysWaited, escalation: next.escalationCount, reminder, to: escalation.recipient }
      : { reminder },
  };
  if (actions.length === 0) {
    audit.action = 'rescheduled';
    audit.detail = { nextActionAt: next.nextActionAt ?? 'none' };
  }
  if (actions.length > 0 && !team) logger.error('report team and fallback team not in the directory; follow-up recorded, not sent', { reportId: next.id, teamId: next.teamId });
  const people: FollowUpPeople | null = team
    ? {
        assignee: next.assignee?.email ?? null,
        contacts: team.contacts.map((c) => c.email),
        lead: team.lead.email,
        outOfHoursLead: directory.outOfHours.onCallLead.email,
      }
    : null;
  return { stored, next, audit, actions, owed: actions.length > 0 && people ? { report: next, actions, people } : null };
}

/** Recipients a set of planned changes owes digests to. */
function recipientsOf(planned: Planned[], now: Date): Set<string> {
  return new Set(digestsForSweep(now, planned.flatMap((p) => (p.owed ? [p.owed] : []))).map((d) => d.recipient));
}

/** Consecutive groups whose write (two items per report, one per digest) fits one transaction. */
function chunks(planned: Planned[]): Planned[][] {
  const groups: Planned[][] = [];
  let current: Planned[] = [];
  const epoch = new Date(0);
  for (const item of planned) {
    const candidate = [...current, item];
    if (current.length > 0 && 2 * candidate.length + recipientsOf(candidate, epoch).size > MAX_ITEMS_PER_SWEEP_WRITE) {
      groups.push(current);
      current = [item];
    } else {
      current = candidate;
    }
  }
  if (current.length) groups.push(current);
  return groups;
}

function numbered(digest: Digest, now: Date, part: number): Digest {
  return part <= 1 ? digest : { ...digest, id: `${digestId(digest.recipient, now)}#${part}` };
}

/** Writes one chunk; answers how many reports it changed. */
async function writeChunk(reports: ReportStore, chunk: Planned[], now: Date, parts: Map<string, number>, result: SweepResult): Promise<number> {
  let remaining = chunk;
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS && remaining.length > 0; attempt++) {
    const digests = digestsForSweep(now, remaining.flatMap((p) => (p.owed ? [p.owed] : []))).map((d) => numbered(d, now, parts.get(d.recipient) ?? 1));
    const saved = await reports.saveSweep(remaining, digests);
    if (saved.kind === 'lost') {
      const lost = new Set(saved.reportIds);
      result.lostClaims += lost.size;
      remaining = remaining.filter((p) => !lost.has(p.next.id));
      continue;
    }
    if (saved.kind === 'digest-taken') {
      // A sweep of the same time (a retried event) wrote this person's digest already: the next part.
      for (const digest of digests) if (saved.digestIds.includes(digest.id)) parts.set(digest.recipient, (parts.get(digest.recipient) ?? 1) + 1);
      continue;
    }
    for (const digest of digests) parts.set(digest.recipient, (parts.get(digest.recipient) ?? 1) + 1);
    for (const p of remaining) {
      result.due++;
      if (p.actions.some((a) => a.kind === 'reminder')) result.reminders++;
      if (p.actions.some((a) => a.kind === 'escalation')) result.escalations++;
      logger.info('follow-up recorded', { reportId: p.next.id, actions: p.actions.map((a) => a.kind).join(','), nextActionAt: p.next.nextActionAt ?? 'none' });
    }
    result.digests += digests.length;
    for (const digest of digests) logger.info('digest written', { digestEntries: digest.entries.length, sweepAt: digest.sweepAt });
    return remaining.length;
  }
  if (remaining.length > 0) logger.warn('sweep chunk not written after retries; the next sweep takes it', { reports: remaining.length });
  return 0;
}
