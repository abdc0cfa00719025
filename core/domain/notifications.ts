// What a change of a report means in emails. Pure: the old and new report (from the stream's images) and
// the directory in, the emails to send out, each with the key the ledger records it under.
//
//   INSERT                                   → "alert:<contact>" to each team contact, "receipt" to the reporter,
//                                              and "out-of-hours-alert" to the out-of-hours service when the report
//                                              needs it (the receipt then says to call its number now, if urgent)
//   MODIFY a team-work notice became owed      → "notice" (team-notice-emails.ts: given to someone, forwarded, lead alert)
//   Reminders go to the assignee when there is one, else to the team's contacts (DESIGN.md, "Team work").
//
// Reminders and escalations are not planned here: the sweep writes them as digests (one email per person per
// sweep, core/domain/digest.ts), sent from the digest item's own stream record (core/app/deliver-digest.ts).
//   the reporter's side (receipt with or without the status link, "status-link", "outcome" notice, thread
//   notices): reporter-emails.ts
//
// One email per recipient: a bad address or a failed send affects one person's email, and a retry re-sends
// only what is missing.
import type { Directory, Team } from '../directory/directory.ts';
import type { DeadlinePolicy } from './deadlines.ts';
import type { Report } from './report.ts';
import type { EmailKind } from '../email/templates.ts';
import type { TeamNoticeSubject } from '../email/team-notices.ts';
import { teamNoticeEmails } from './team-notice-emails.ts';
import { receiptFor, reporterSideEmails } from './reporter-emails.ts';

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
  /** The out-of-hours service: named in its alert, and in an urgent report's receipt ("call it now"). */
  outOfHours?: { name: string; phone: string };
  /** Only for notices: which one. */
  notice?: TeamNoticeSubject;
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

export function decide(change: ReportChange, directory: Directory, _policy: DeadlinePolicy): Decision {
  const next = change.newReport;
  if (!next || change.eventName === 'REMOVE') return { emails: [], team: undefined, teamMissing: false };
  const { team, missing } = teamOf(directory, next.teamId);
  const emails: PlannedEmail[] = [];
  const contacts = team ? uniqueAddresses(team.contacts.map((c) => c.email)) : [];

  if (change.eventName === 'INSERT') {
    for (const to of contacts) emails.push({ key: `alert:${to}`, kind: 'alert', to });
    const service = { name: directory.outOfHours.name, phone: directory.outOfHours.phone };
    if (next.outOfHoursService) {
      emails.push({ key: 'out-of-hours-alert', kind: 'out-of-hours-alert', to: directory.outOfHours.email.trim().toLowerCase(), outOfHours: service });
    }
    const callNow = next.outOfHoursService && next.urgency === 'urgent';
    // The reporter's receipt (with the status link only for a trusted reporter), and "call now" when urgent at night.
    const receipt = receiptFor(next, directory);
    emails.push(callNow ? { ...receipt, outOfHours: service } : receipt);
  } else {
    const previous = change.oldReport;
    if (!previous) return { emails: [], team, teamMissing: missing };

    emails.push(...teamNoticeEmails(previous, next, directory));
    emails.push(...reporterSideEmails(previous, next, directory, team));
  }
  return { emails, team, teamMissing: missing };
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
