// Which team-work notices a change of a report owes, as planned emails (issue 12): the notices that this change
// brought (core/domain/notices.ts noticesOf: in the new image, not in the old one), each to its addresses from the
// current directory. A team's notice goes to each contact with a key of its own ("forwarded#1:<address>"), so a
// failed send to one contact is retried alone; a single recipient's notice keeps the notice's own key. Pure.
import type { Directory } from '../directory/directory.ts';
import { TEAM_NOTICE_SUBJECTS, type TeamNoticeSubject } from '../email/team-notices.ts';
import { noticesOf } from './notices.ts';
import type { PlannedEmail } from './notifications.ts';
import type { Report } from './report.ts';

const isTeamNotice = (subject: string): subject is TeamNoticeSubject => (TEAM_NOTICE_SUBJECTS as readonly string[]).includes(subject);

export function teamNoticeEmails(previous: Report, next: Report, directory: Directory): PlannedEmail[] {
  const before = new Set(noticesOf(previous).map((notice) => notice.key));
  const emails: PlannedEmail[] = [];
  for (const notice of noticesOf(next)) {
    if (before.has(notice.key) || !isTeamNotice(notice.subject)) continue;
    const to = notice.to;
    if (to.kind === 'lead') {
      const lead = directory.teams.find((team) => team.id === next.teamId)?.lead.email;
      if (lead) emails.push({ key: notice.key, kind: 'notice', notice: notice.subject, to: lead.toLowerCase() });
    } else if (to.kind === 'staff') {
      emails.push({ key: notice.key, kind: 'notice', notice: notice.subject, to: to.email.toLowerCase() });
    } else if (to.kind === 'team') {
      const contacts = directory.teams.find((team) => team.id === to.teamId)?.contacts ?? [];
      for (const address of new Set(contacts.map((contact) => contact.email.trim().toLowerCase()))) {
        emails.push({ key: `${notice.key}:${address}`, kind: 'notice', notice: notice.subject, to: address });
      }
    }
  }
  return emails;
}
