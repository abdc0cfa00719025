// The team-work notices (issue 12), in Swedish like every staff email: a report given to someone, a report
// forwarded to a team, an assessment that the child needs protection now (to the lead). Built only from
// EmailFacts (core/email/templates.ts), so none carries the child's name, identity number, the concern's text,
// a working note or the forwarding reason: they say what happened and link to the portal.
import type { NoticeSubject } from '../domain/notices.ts';
import { formatLocal } from '../markup/format.ts';
import { portalUrl, render, schoolRow, type EmailContent, type EmailFacts, type Links } from './templates.ts';
import { teamTexts } from './texts.ts';

/** The notices this module writes; the reporter's thread writes its own. */
export const TEAM_NOTICE_SUBJECTS = ['immediate-protection-needed', 'assigned', 'forwarded'] as const satisfies readonly NoticeSubject[];
export type TeamNoticeSubject = (typeof TEAM_NOTICE_SUBJECTS)[number];

export const teamNoticeTexts = {
  'immediate-protection-needed': {
    subject: (ref: string) => `AKUT SKYDDSBEHOV: ${ref}`,
    intro: (team: string) => `I skyddsbedömningen av en orosanmälan till ${team} har barnet bedömts behöva skydd omedelbart.`,
  },
  assigned: {
    subject: (ref: string) => `Du har fått orosanmälan ${ref}`,
    intro: (team: string) => `En orosanmälan till ${team} har lämnats till dig.`,
  },
  forwarded: {
    subject: (ref: string) => `Vidarebefordrad orosanmälan ${ref}`,
    intro: (team: string) => `En orosanmälan har vidarebefordrats till ${team}. Tidsgränserna räknas från när den kom in.`,
  },
} satisfies Record<TeamNoticeSubject, { subject: (ref: string) => string; intro: (team: string) => string }>;

export function teamNoticeEmail(subject: TeamNoticeSubject, facts: EmailFacts, links: Links): EmailContent {
  const t = teamTexts;
  const words = teamNoticeTexts[subject];
  return render({
    lang: 'sv',
    subject: words.subject(facts.reference),
    intro: words.intro(facts.teamName),
    rows: [
      [t.reference, facts.reference],
      schoolRow(facts),
      [t.urgency, t.urgencies[facts.urgency]],
      [t.acknowledgeBy, formatLocal(facts.acknowledgeBy, 'sv')],
      [t.feedbackBy, formatLocal(facts.feedbackBy, 'sv')],
    ],
    link: { label: t.portalLink, url: portalUrl(facts, links) },
    notes: [t.privacy, t.doNotReply],
  });
}
