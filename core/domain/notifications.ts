// What a change of a report means in emails. Pure: the old and new report (from the stream's images) and
// the directory in, the emails to send out, each with the key the ledger records it under.
//
//   INSERT                                   → "alert:<contact>" to each team contact, "receipt" to the reporter
//   MODIFY reminderSentAt became set          → "reminder:<contact>" to each team contact (unless pointless)
//   MODIFY escalationCount increased to n     → "escalation#<n>" to the team lead
//   the reporter's side (receipt with or without the status link, "status-link", "outcome" notice, thread
//   notices): reporter-emails.ts
//
// One email per recipient: a bad address or a failed send affects one person's email, and a retry re-sends
// only what is missing.
import type { Directory, Team } from '../directory/directory.ts';
import { workingDaysBetween } from './calendar.ts';
import type { DeadlinePolicy } from './deadlines.ts';
import { actionsDue, type OverdueDeadline } from './follow-up.ts';
import type { Report } from './report.ts';
import { receiptFor, reporterSideEmails } from './reporter-emails.ts';
import type { EmailKind, EscalationFacts } from '../email/templates.ts';

export interface ReportChange {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  oldReport?: Report;
  newReport?: Report;
}

export interface PlannedEmail {
  /** The ledger key: the same email always gets the same key, so it is sent at most once. */
  key: string;
  kind: EmailKind;
  to: string;
  /** Only for escalations: what was overdue and how long the report waited. */
  escalation?: EscalationFacts;
}

export interface Decision {
  emails: PlannedEmail[];
  /** The team the emails go to (the fallback team when the report's team is no longer in the directory). */
  team: Team | undefined;
  /** True when the report's team was not found and the fallback team was used. */
  teamMissing: boolean;
}

/** The report's team from the directory, or the fallback team if the directory no longer has it. */
export function teamOf(directory: Directory, teamId: string): { team: Team | undefined; missing: boolean } {
  const team = directory.teams.find((t) => t.id === teamId);
  if (team) return { team, missing: false };
  return { team: directory.teams.find((t) => t.id === directory.fallbackTeamId), missing: true };
}

export function decide(change: ReportChange, directory: Directory, policy: DeadlinePolicy): Decision {
  const next = change.newReport;
  if (!next || change.eventName === 'REMOVE') return { emails: [], team: undefined, teamMissing: false };
  const { team, missing } = teamOf(directory, next.teamId);
  const emails: PlannedEmail[] = [];
  const contacts = team ? uniqueAddresses(team.contacts.map((c) => c.email)) : [];

  if (change.eventName === 'INSERT') {
    for (const to of contacts) emails.push({ key: `alert:${to}`, kind: 'alert', to });
    emails.push(receiptFor(next, directory));
  } else {
    const previous = change.oldReport;
    if (!previous) return { emails: [], team, teamMissing: missing };

    if (!previous.reminderSentAt && next.reminderSentAt && reminderStillUseful(next)) {
      for (const to of contacts) emails.push({ key: `reminder:${to}`, kind: 'reminder', to });
    }

    const count = next.escalationCount ?? 0;
    if (count > (previous.escalationCount ?? 0) && team && next.status !== 'closed') {
      emails.push({
        key: `escalation#${count}`,
        kind: 'escalation',
        to: team.lead.email,
        escalation: escalationFacts(previous, next, policy),
      });
    }

    emails.push(...reporterSideEmails(previous, next, directory, team));
  }
  return { emails, team, teamMissing: missing };
}

/**
 * The sweep also marks a reminder done when it became pointless (feedback already late, or given): then
 * it must not be sent. It is useful only if it was marked before the feedback deadline, on an open report.
 */
function reminderStillUseful(report: Report): boolean {
  return report.status !== 'closed' && new Date(report.reminderSentAt!).getTime() < new Date(report.feedbackBy).getTime();
}

/**
 * What the escalation was about, as the sweep saw it: the follow-up rules applied to the report before the
 * change, at the moment of the escalation. If that does not reproduce it (another policy, odd state), the
 * deadlines passed at that moment, read from the report after the change.
 */
export function escalationFacts(previous: Report, next: Report, policy: DeadlinePolicy): EscalationFacts {
  const at = new Date(next.lastEscalationAt ?? next.nextActionAt ?? next.feedbackBy);
  const due = actionsDue(previous, at, policy).find((action) => action.kind === 'escalation');
  if (due && due.kind === 'escalation' && due.overdue.length > 0) {
    return { overdue: due.overdue, hoursWaited: due.hoursWaited, workingDaysWaited: due.workingDaysWaited };
  }
  const overdue: OverdueDeadline[] = [];
  if (next.status === 'received' && new Date(next.acknowledgeBy) <= at) overdue.push('acknowledge');
  if (next.status !== 'closed' && new Date(next.feedbackBy) <= at) overdue.push('feedback');
  const submittedAt = new Date(next.submittedAt);
  return {
    overdue,
    hoursWaited: Math.max(0, Math.floor((at.getTime() - submittedAt.getTime()) / 3_600_000)),
    workingDaysWaited: workingDaysBetween(submittedAt, at),
  };
}

function uniqueAddresses(addresses: string[]): string[] {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const address of addresses) {
    const key = address.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(key);
  }
  return unique;
}
