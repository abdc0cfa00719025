// Digests: what one reminder sweep owes each person, as one email per person instead of one per report
// (DESIGN.md, "Digests"). Pure: the sweep's actions and the people of each report's team in, the digests out.
//
// A digest's id is stable for a recipient and a sweep time (`DIGEST#<recipient>#<sweep time>`), so the
// sweep can write it in the same conditional writes that mark each report's reminder or escalation, and a
// retried sweep or stream batch finds the digest it already wrote. Each entry carries the key its report
// records the email under, so "sent once" holds per report as well as per digest.
import type { FollowUpAction, OverdueDeadline } from './follow-up.ts';
import type { Report } from './report.ts';

/** Who follow-ups of one report go to (addresses from the directory and the report). */
export interface FollowUpPeople {
  /** The report's assignee: gets its reminders instead of the team's contacts. */
  assignee?: string | null;
  contacts: string[];
  lead: string;
  /** The out-of-hours service's on-call lead: gets an urgent report's escalations outside office hours. */
  outOfHoursLead: string;
}

/** One report's part of a sweep: the report as the sweep wrote it, and what the sweep decided for it. */
export interface OwedFollowUp {
  report: Pick<Report, 'id' | 'reference' | 'schoolName' | 'feedbackBy' | 'escalationCount'>;
  actions: FollowUpAction[];
  people: FollowUpPeople;
}

export interface DigestEntry {
  reportId: string;
  reference: string;
  /** Null when the school was not in the directory (the report went to the fallback team). */
  schoolName: string | null;
  kind: 'reminder' | 'escalation';
  /** The deadlines that have passed (escalation); empty for a reminder or an urgent warning. */
  late: OverdueDeadline[];
  /** Since when it is late: the earliest deadline that passed (ISO). Null when nothing is late yet. */
  since: string | null;
  /** What is coming up when nothing is late yet: feedback for a reminder, acknowledgement for a warning. */
  dueSoon?: { deadline: OverdueDeadline; at: string };
  /** The key the report records this email under ("reminder:<address>", "escalation#<n>"). */
  ledgerKey: string;
}

export interface Digest {
  id: string;
  recipient: string;
  sweepAt: string;
  entries: DigestEntry[];
}

export function digestId(recipient: string, sweepAt: Date): string {
  return `DIGEST#${normalAddress(recipient)}#${sweepAt.toISOString()}`;
}

/** Who gets this action: a reminder the assignee (else every contact), an escalation the lead it names. */
export function recipientsOf(action: FollowUpAction, people: FollowUpPeople): string[] {
  if (action.kind === 'escalation') {
    return [action.recipient === 'out-of-hours-lead' ? people.outOfHoursLead : people.lead].map(normalAddress);
  }
  const addresses = people.assignee ? [people.assignee] : people.contacts;
  return [...new Set(addresses.map(normalAddress))];
}

/** One digest per recipient, in a stable order, listing each report the sweep owes that person. */
export function digestsForSweep(sweepAt: Date, owed: OwedFollowUp[]): Digest[] {
  const byRecipient = new Map<string, DigestEntry[]>();
  for (const { report, actions, people } of owed) {
    for (const action of actions) {
      for (const recipient of recipientsOf(action, people)) {
        const entries = byRecipient.get(recipient) ?? [];
        const entry = entryFor(report, action, recipient);
        if (!entries.some((e) => e.reportId === entry.reportId && e.ledgerKey === entry.ledgerKey)) entries.push(entry);
        byRecipient.set(recipient, entries);
      }
    }
  }
  return [...byRecipient.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([recipient, entries]) => ({
      id: digestId(recipient, sweepAt),
      recipient,
      sweepAt: sweepAt.toISOString(),
      entries: entries.sort(byUrgencyOfEntry),
    }));
}

function entryFor(report: OwedFollowUp['report'], action: FollowUpAction, recipient: string): DigestEntry {
  const common = { reportId: report.id, reference: report.reference, schoolName: report.schoolName };
  if (action.kind === 'reminder') {
    return { ...common, kind: 'reminder', late: [], since: null, dueSoon: { deadline: 'feedback', at: report.feedbackBy }, ledgerKey: `reminder:${recipient}` };
  }
  return {
    ...common,
    kind: 'escalation',
    late: action.overdue,
    since: action.since,
    ...(action.dueSoon ? { dueSoon: action.dueSoon } : {}),
    ledgerKey: `escalation#${report.escalationCount}`,
  };
}

/** Escalations before reminders; the longest late first; then by reference, so the same sweep reads the same. */
function byUrgencyOfEntry(a: DigestEntry, b: DigestEntry): number {
  if (a.kind !== b.kind) return a.kind === 'escalation' ? -1 : 1;
  const aAt = a.since ?? a.dueSoon?.at ?? '';
  const bAt = b.since ?? b.dueSoon?.at ?? '';
  return aAt.localeCompare(bAt) || a.reference.localeCompare(b.reference);
}

function normalAddress(address: string): string {
  return address.trim().toLowerCase();
}
