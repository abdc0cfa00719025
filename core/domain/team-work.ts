// Team work on a report: who works on it, forwarding to another team, working notes, the case-system reference,
// and verifying the reporter. DESIGN.md, "Team work": "a report has an assignee (taken by a team member or given
// by the lead …), working notes (team only) … and can be forwarded to another team (the new team is alerted,
// the old team loses access, the clock keeps running from submission)". Pure: each change takes "now" and
// returns the same `Change` as report.ts, with an audit event carrying ids only (never a note's text).
import { refused, type Change, type StaffActor } from './change.ts';
import type { Actor, AuditEvent, Report } from './report.ts';

export interface Assignee {
  email: string;
  at: string;
  by: string;
}

export interface Forwarding {
  teamId: string;
  /** Why the report was forwarded, in the forwarding member's words: shown to staff only, never in the audit. */
  reason: string;
  at: string;
  by: string;
}

export interface WorkingNote {
  text: string;
  by: string;
  at: string;
}

export interface CaseSystemRef {
  ref: string;
  at: string;
  by: string;
}

export interface ReporterVerification {
  by: string;
  at: string;
}

/** The people of the report's current team, from the current directory (a directory team fits this shape). */
export interface TeamRoster {
  lead: { email: string };
  contacts: ReadonlyArray<{ email: string }>;
}

/** Item size stays well inside DynamoDB's 400 KB: a report holds at most this many notes. */
export const MAX_NOTES = 200;
export const MAX_NOTE_LENGTH = 5_000;
export const MAX_CASE_SYSTEM_REF_LENGTH = 100;

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function isTeamMember(roster: TeamRoster, email: string): boolean {
  return same(roster.lead.email, email) || roster.contacts.some((contact) => same(contact.email, email));
}

function change(report: Report, next: Report, by: string, at: string, action: AuditEvent['action'], detail?: AuditEvent['detail']): Change {
  const actor: Actor = { kind: 'staff', id: by };
  const audit: AuditEvent = detail ? { reportId: report.id, at, actor, action, detail } : { reportId: report.id, at, actor, action };
  return { kind: 'changed', report: next, audit };
}

/**
 * Sets who works on the report (`null` drops it). A member may take it (assign themselves) or drop their own;
 * the lead may give it to anyone in the team or take it from anyone. `by.isLead` and the roster come from the
 * current directory.
 */
export function assign(report: Report, assignee: string | null, by: StaffActor, roster: TeamRoster, now: Date): Change {
  const at = now.toISOString();
  if (report.status === 'closed') return refused('conflict', 'the report is closed; it no longer needs an assignee');
  const current = report.assignee?.email;
  if (assignee === null) {
    if (!current) return { kind: 'unchanged', report };
    if (!by.isLead && !same(current, by.email) && isTeamMember(roster, current)) {
      return refused('forbidden', `the report is assigned to ${current}; only they or the team's lead can drop it`);
    }
    const { assignee: _dropped, ...rest } = report;
    return change(report, rest, by.email, at, 'unassigned', { previous: current.toLowerCase() });
  }
  const email = assignee.trim().toLowerCase();
  if (!isTeamMember(roster, email)) return refused('invalid', `${assignee} is not a member of the report's team`, 'assignee');
  if (!by.isLead && !same(email, by.email)) {
    return refused('forbidden', "you may take the report yourself; only the team's lead can give it to a colleague");
  }
  if (current && same(current, email)) return { kind: 'unchanged', report };
  // A colleague's report is theirs to drop, unless they have left the team: then anyone may take it.
  if (current && !by.isLead && !same(current, by.email) && isTeamMember(roster, current)) {
    return refused('forbidden', `the report is already assigned to ${current}; ask them or the team's lead`);
  }
  const next: Report = { ...report, assignee: { email, at, by: by.email } };
  return change(report, next, by.email, at, 'assigned', { assignee: email, self: same(email, by.email) });
}

/** A member takes the report. */
export function take(report: Report, by: StaffActor, roster: TeamRoster, now: Date): Change {
  return assign(report, by.email, by, roster, now);
}

/** The assignee (or the lead) drops the report back to the team. */
export function unassign(report: Report, by: StaffActor, roster: TeamRoster, now: Date): Change {
  return assign(report, null, by, roster, now);
}

/**
 * Forwards a misrouted report to another team. The team id is the access key, so the old team's access ends
 * here; the deadlines stay (the clock runs from submission); the assignee, a member of the old team, is dropped.
 */
export function forward(report: Report, to: { teamId: string; reason: string }, by: StaffActor, now: Date): Change {
  const at = now.toISOString();
  const reason = to.reason.trim();
  if (report.status === 'closed') return refused('conflict', 'the report is closed; a closed report is not forwarded');
  if (!to.teamId.trim()) return refused('invalid', 'choose the team to forward the report to', 'teamId');
  if (to.teamId === report.teamId) return refused('invalid', 'the report is already with this team', 'teamId');
  if (!reason) return refused('invalid', 'say why the report goes to another team', 'reason');
  const history: Forwarding = { teamId: report.teamId, reason, at, by: by.email };
  const { assignee: _old, ...rest } = report;
  const next: Report = { ...rest, teamId: to.teamId, forwardedFrom: [...(report.forwardedFrom ?? []), history] };
  return change(report, next, by.email, at, 'forwarded', { fromTeamId: report.teamId, toTeamId: to.teamId });
}

/** A working note: for the team only, never shown to the reporter. Notes on a closed report are still kept. */
export function addNote(report: Report, text: string, by: StaffActor, now: Date): Change {
  const body = text.trim();
  if (!body) return refused('invalid', 'write the note', 'text');
  if (body.length > MAX_NOTE_LENGTH) return refused('invalid', `must be at most ${MAX_NOTE_LENGTH} characters`, 'text');
  const notes = report.notes ?? [];
  if (notes.length >= MAX_NOTES) return refused('conflict', `the report already has ${MAX_NOTES} notes; keep further notes in the case system`);
  const at = now.toISOString();
  const next: Report = { ...report, notes: [...notes, { text: body, by: by.email, at }] };
  return change(report, next, by.email, at, 'note-added', { note: notes.length + 1 });
}

/** Records where the report is registered in the case system. The same reference again is harmless. */
export function recordCaseSystemRef(report: Report, ref: string, by: StaffActor, now: Date): Change {
  const value = ref.trim();
  if (!value) return refused('invalid', 'give the case-system reference', 'ref');
  if (value.length > MAX_CASE_SYSTEM_REF_LENGTH) {
    return refused('invalid', `must be at most ${MAX_CASE_SYSTEM_REF_LENGTH} characters`, 'ref');
  }
  if (report.caseSystemRef?.ref === value) return { kind: 'unchanged', report };
  const at = now.toISOString();
  const next: Report = { ...report, caseSystemRef: { ref: value, at, by: by.email } };
  return change(report, next, by.email, at, 'case-system-ref-recorded', { replaced: report.caseSystemRef !== undefined });
}

/**
 * When the retention period starts: at closure, but only once the report is also registered in the case system
 * (DESIGN.md, "Retention": until then it is a public record held only here). Null while either is missing.
 */
export function retentionStartsAt(report: Pick<Report, 'status' | 'closedAt' | 'caseSystemRef'>): string | null {
  if (report.status !== 'closed' || !report.closedAt || !report.caseSystemRef) return null;
  return report.closedAt > report.caseSystemRef.at ? report.closedAt : report.caseSystemRef.at;
}

/** A team member called the school's switchboard and confirmed the reporter: the reporter is then trusted. */
export function verifyReporter(report: Report, by: StaffActor, now: Date): Change {
  if (report.reporterVerified) return { kind: 'unchanged', report };
  const at = now.toISOString();
  return change(report, { ...report, reporterVerified: { by: by.email, at } }, by.email, at, 'reporter-verified');
}
