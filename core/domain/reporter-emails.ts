// Which emails the reporter's side owes (issue 13). Pure: the old and new report and the directory in.
// DESIGN.md, "Privacy rules": a reporter is trusted with the status link, the thread and the outcome only for an
// exact school domain or once a team member verified them (reporter-trust.ts); the outcome email is a notice
// with the status link, never the outcome; thread emails are notices, never the text (notices.ts owns the keys).
//
//   INSERT, trusted reporter            → "receipt" (with the status link)
//   INSERT, untrusted reporter          → "receipt" as kind receipt-without-link (arrived + out-of-hours number)
//   MODIFY reporterVerified became set  → "status-link" to a reporter the domain did not trust
//   MODIFY closed, trusted, told a word → "outcome" (a notice: feedback is behind the link)
//   MODIFY thread grew                  → "question#n" to the reporter, "reporter-message#n" to assignee or team
import type { Directory, Team } from '../directory/directory.ts';
import type { EmailKind } from '../email/templates.ts';
import { noticesOf } from './notices.ts';
import { reporterOutcome } from './outcomes.ts';
import type { Report } from './report.ts';
import { isTrusted, reporterTrust, type ReporterTrust } from './reporter-trust.ts';

export interface ReporterSideEmail {
  key: string;
  kind: EmailKind;
  to: string;
}

type TrustFacts = Pick<Report, 'schoolId' | 'reporterVerified'> & { submission: { reporter: { email: string } } };

/** The reporter's trust now: the directory's current domains, and a team member's verification. */
export function trustOfReport(report: TrustFacts, directory: Directory): ReporterTrust {
  const school = directory.schools.find((s) => s.id === report.schoolId);
  return reporterTrust(report.submission.reporter.email, { municipality: directory.municipality, ...(school ? { school } : {}) }, report.reporterVerified);
}

/** The receipt: with the status link only for a trusted reporter. */
export function receiptFor(report: Report, directory: Directory): ReporterSideEmail {
  const trusted = isTrusted(trustOfReport(report, directory));
  return { key: 'receipt', kind: trusted ? 'receipt' : 'receipt-without-link', to: report.submission.reporter.email };
}

/** The emails a MODIFY owes the reporter's side (team = the report's current team from the directory). */
export function reporterSideEmails(previous: Report, next: Report, directory: Directory, team: Team | undefined): ReporterSideEmail[] {
  const emails: ReporterSideEmail[] = [];
  const reporter = next.submission.reporter.email;
  const trusted = isTrusted(trustOfReport(next, directory));

  // Verified after a phone call: the link the receipt withheld. A school-domain reporter has it already.
  if (!previous.reporterVerified && next.reporterVerified && trustOfReport({ ...next, reporterVerified: undefined }, directory) === 'untrusted') {
    emails.push({ key: 'status-link', kind: 'status-link', to: reporter });
  }

  // Feedback withheld as inappropriate tells the reporter nothing, not even by a notice.
  const told = reporterOutcome(next);
  if (previous.status !== 'closed' && next.status === 'closed' && trusted && told !== null && told !== 'closed') {
    emails.push({ key: 'outcome', kind: 'outcome', to: reporter });
  }

  // Only the entries this change added (a retried record re-plans the same keys; the ledger sends each once).
  const before = previous.thread?.length ?? 0;
  const added = noticesOf(next).filter((notice) => {
    const match = /^(?:question|reporter-message)#(\d+)$/.exec(notice.key);
    return match !== null && Number(match[1]) > before;
  });
  for (const notice of added) {
    if (notice.subject === 'question' && trusted) emails.push({ key: notice.key, kind: 'question', to: reporter });
    if (notice.subject === 'reporter-message') {
      for (const to of assigneeOrTeam(next, team)) emails.push({ key: `${notice.key}:${to}`, kind: 'reporter-message', to });
    }
  }
  return emails;
}

/** The assignee, else the team's contacts (DESIGN.md, "Second slice": "the team (assignee, else contacts)"). */
function assigneeOrTeam(report: Report, team: Team | undefined): string[] {
  if (report.assignee?.email) return [report.assignee.email.toLowerCase()];
  return [...new Set((team?.contacts ?? []).map((c) => c.email.trim().toLowerCase()))];
}
