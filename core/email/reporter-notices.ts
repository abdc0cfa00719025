// The reporter's side's emails (issue 13): each a notice with a link, never a thread's text or the outcome.
// Built from EmailFacts only, like every template (templates.ts), so none can carry the child's identity.
import { portalUrl, render, statusUrl, type EmailContent, type EmailFacts, type Links } from './templates.ts';
import { reporterTexts, teamTexts } from './texts.ts';

const texts = {
  sv: {
    untrustedReceipt: {
      intro: 'Socialtjänsten har tagit emot din orosanmälan.',
      outOfHours: (phone: string) => `Behöver socialtjänsten nås utanför kontorstid: ring socialjouren, ${phone}.`,
    },
    statusLink: {
      subject: (ref: string) => `Följ din orosanmälan ${ref}`,
      intro: 'Socialtjänsten har bekräftat att du är anmälare från skolan. Här kan du följa anmälan och svara på frågor.',
      link: 'Följ anmälans status',
    },
    question: {
      subject: (ref: string) => `Socialtjänsten har en fråga om ${ref}`,
      intro: (ref: string) => `Socialtjänsten har ställt en fråga om din orosanmälan ${ref}. Läs och svara här:`,
      link: 'Läs frågan och svara',
    },
  },
  en: {
    untrustedReceipt: {
      intro: 'Social services have received your concern report.',
      outOfHours: (phone: string) => `To reach social services outside office hours, call the out-of-hours service: ${phone}.`,
    },
    statusLink: {
      subject: (ref: string) => `Follow your concern report ${ref}`,
      intro: 'Social services have confirmed that you reported from the school. Here you can follow the report and answer questions.',
      link: 'Follow the status of the report',
    },
    question: {
      subject: (ref: string) => `Social services have a question about ${ref}`,
      intro: (ref: string) => `Social services have asked a question about your concern report ${ref}. Read and answer it here:`,
      link: 'Read the question and answer',
    },
  },
} as const;

/**
 * The receipt of a reporter the directory does not trust: that it arrived and the out-of-hours number, nothing
 * more (DESIGN.md, "Privacy rules"). No status link: whoever typed this address may not be school staff.
 */
export function receiptWithoutLinkEmail(facts: EmailFacts, outOfHoursPhone: string): EmailContent {
  const common = reporterTexts[facts.language];
  const t = texts[facts.language].untrustedReceipt;
  return render({
    lang: facts.language,
    subject: common.receipt.subject(facts.reference),
    intro: t.intro,
    rows: [[common.reference, facts.reference]],
    link: null,
    notes: [t.outOfHours(outOfHoursPhone), common.acuteDanger, common.doNotReply],
  });
}

/** A team member verified the reporter by phone: the link the receipt withheld. */
export function statusLinkEmail(facts: EmailFacts, links: Links): EmailContent {
  const common = reporterTexts[facts.language];
  const t = texts[facts.language].statusLink;
  return render({
    lang: facts.language,
    subject: t.subject(facts.reference),
    intro: t.intro,
    rows: [[common.reference, facts.reference]],
    link: { label: t.link, url: statusUrl(links) },
    notes: [common.acuteDanger, common.doNotReply],
  });
}

/** The team asked a question: the notice, never the question. */
export function questionEmail(facts: EmailFacts, links: Links): EmailContent {
  const common = reporterTexts[facts.language];
  const t = texts[facts.language].question;
  return render({
    lang: facts.language,
    subject: t.subject(facts.reference),
    intro: t.intro(facts.reference),
    rows: [[common.reference, facts.reference]],
    link: { label: t.link, url: statusUrl(links) },
    notes: [common.acuteDanger, common.doNotReply],
  });
}

/** The reporter wrote on the status page: the assignee (else the team) is told, in Swedish, with the portal link. */
export function reporterMessageEmail(facts: EmailFacts, links: Links): EmailContent {
  return render({
    lang: 'sv',
    subject: `Anmälaren har skrivit i ${facts.reference}`,
    intro: 'Anmälaren har svarat på en fråga eller lagt till uppgifter. Läs meddelandet i portalen.',
    rows: [[teamTexts.reference, facts.reference]],
    link: { label: teamTexts.portalLink, url: portalUrl(facts, links) },
    notes: [teamTexts.privacy, teamTexts.doNotReply],
  });
}
