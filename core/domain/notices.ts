// The notices a report owes after the second slice's changes, each with a key that notify records in
// `sentEmails` once sent, so a retried stream batch never sends one twice (DESIGN.md, "The flow", 3).
// A notice carries no report content: the email says something happened and links to the portal or the
// status page (DESIGN.md, "Privacy rules"; "Emails about it are notices with the link, never the text").
// Pure: notify turns each recipient kind into addresses from the directory.
import type { Report } from './report.ts';

export type NoticeRecipient =
  /** The current team's lead, at once (an assessment found that the child needs protection now). */
  | { kind: 'lead' }
  /** One staff member by email (a report given to them by the lead). */
  | { kind: 'staff'; email: string }
  /** A team's contacts: a forwarded report's new team. */
  | { kind: 'team'; teamId: string }
  /** The assignee, else the current team's contacts: the reporter wrote. */
  | { kind: 'assignee-or-team' }
  /** The reporter, with the status link. */
  | { kind: 'reporter' };

export type NoticeSubject = 'immediate-protection-needed' | 'assigned' | 'forwarded' | 'question' | 'reporter-message';

export interface Notice {
  /** Unique over the report's life; recorded in `sentEmails` once sent. */
  key: string;
  subject: NoticeSubject;
  to: NoticeRecipient;
}

type NoticeState = Pick<Report, 'teamId' | 'protectionAssessment' | 'assignee' | 'forwardedFrom' | 'thread' | 'sentEmails'>;

/** Every notice this state of the report calls for, whether sent or not. */
export function noticesOf(report: NoticeState): Notice[] {
  const notices: Notice[] = [];
  if (report.protectionAssessment?.result === 'immediate-protection-needed') {
    notices.push({ key: 'lead-alert:protection', subject: 'immediate-protection-needed', to: { kind: 'lead' } });
  }
  // Given by someone else: a person who took the report themselves needs no email about it.
  const assignee = report.assignee;
  if (assignee && assignee.by.toLowerCase() !== assignee.email.toLowerCase()) {
    notices.push({ key: `assigned:${assignee.email}:${assignee.at}`, subject: 'assigned', to: { kind: 'staff', email: assignee.email } });
  }
  const hops = report.forwardedFrom ?? [];
  hops.forEach((_hop, i) => {
    // Each forwarding went to the team that appears next in the history, the last to the current team.
    const teamId = hops[i + 1]?.teamId ?? report.teamId;
    notices.push({ key: `forwarded#${i + 1}`, subject: 'forwarded', to: { kind: 'team', teamId } });
  });
  (report.thread ?? []).forEach((entry, i) => {
    notices.push(
      entry.from === 'team'
        ? { key: `question#${i + 1}`, subject: 'question', to: { kind: 'reporter' } }
        : { key: `reporter-message#${i + 1}`, subject: 'reporter-message', to: { kind: 'assignee-or-team' } },
    );
  });
  return notices;
}

/** The notices not yet sent. */
export function owedNotices(report: NoticeState): Notice[] {
  const sent = new Set(report.sentEmails);
  return noticesOf(report).filter((notice) => !sent.has(notice.key));
}

/** Whether the lead must be alerted at once: an immediate-protection assessment whose alert is not yet sent. */
export function leadAlertOwed(report: NoticeState): boolean {
  return owedNotices(report).some((notice) => notice.subject === 'immediate-protection-needed');
}
