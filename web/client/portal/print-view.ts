// The print view of one report for the case system (GET /cases/{id}/print): the whole report on A4, in Swedish,
// in the social worker's words, without the portal's chrome (body.print-view, site.css): routing, deadlines,
// protection assessment, assignee, forwarding, the report's content, notes, the case-system reference and the
// audit trail. Written with DOM APIs and textContent only.
import type { CaseDetail } from './contract.ts';
import { el, facts, when } from './dom.ts';
import { fieldWord, staffWords } from './staff-words.ts';
import { auditDetail, labels, T } from './texts.ts';

export function printSheet(data: CaseDetail): HTMLElement {
  const c = data.summary;
  const r = data.report;
  const s = r.submission;
  const f = (name: string) => fieldWord(name, (n) => labels.fields[n]?.label ?? n);
  const categories = s.concern.categories.map((k) => labels.categories[k as keyof typeof labels.categories] ?? k).join(', ');
  const print = el('button', { type: 'button', class: 'no-print' }, 'Skriv ut');
  print.addEventListener('click', () => window.print());
  return el(
    'article',
    { class: 'print-sheet' },
    el('h1', { tabindex: '-1' }, `Orosanmälan ${c.reference}`),
    el('p', { class: 'no-print' }, print),
    facts([
      ['Referens', c.reference],
      ['Inkom', when(c.submittedAt)],
      ['Skola', c.schoolName ?? 'Okänd skola (reservteamet)'],
      ['Brådska', labels.urgency[c.urgency]],
      ['Status', T.statuses[c.status]],
      ['Mottagandet bekräftas senast', when(c.acknowledgeBy)],
      ['Bekräftat', r.acknowledgedAt ? `${when(r.acknowledgedAt)}${r.acknowledgedBy ? `, ${r.acknowledgedBy}` : ''}` : '–'],
      ['Återkoppling senast', when(c.feedbackBy)],
      ['Skyddsbedömning', data.protectionAssessment ? `${staffWords.assessments[data.protectionAssessment.result]} (${when(data.protectionAssessment.at)}, ${data.protectionAssessment.by})${data.protectionAssessment.note ? `: ${data.protectionAssessment.note}` : ''}` : 'Inte gjord'],
      ['Handläggare', data.assignee?.email ?? '–'],
      ['Vidarebefordrad', (r.forwardedFrom ?? []).map((hop) => `från ${hop.teamId} ${when(hop.at)} av ${hop.by}: ${hop.reason}`).join('; ') || '–'],
      ['Återkoppling', r.feedback ? `${T.outcomes[r.feedback.outcome]} (${when(r.feedback.at)}, ${r.feedback.by})` : '–'],
      ['Diarienummer', r.caseSystemRef?.ref ?? '–'],
    ]),
    el('h2', {}, staffWords.sections.reporter),
    facts([
      [f('reporter.name'), s.reporter.name],
      [f('reporter.role'), s.reporter.role],
      [f('reporter.email'), s.reporter.email],
      [f('reporter.phone'), s.reporter.phone || '–'],
    ]),
    el('h2', {}, staffWords.sections.child),
    facts([
      [f('child.firstName'), s.child.firstName],
      [f('child.lastName'), s.child.lastName],
      [f('child.personalNumber'), s.child.personalNumber || '–'],
      [f('child.birthDate'), s.child.birthDate || '–'],
      [f('child.grade'), s.child.grade || '–'],
    ]),
    el('h2', {}, staffWords.sections.concern),
    facts([
      [f('concern.categories'), categories],
      [f('concern.description'), el('span', { class: 'pre' }, s.concern.description)],
      [f('concern.childsOwnWords'), s.concern.childsOwnWords ? el('span', { class: 'pre' }, s.concern.childsOwnWords) : '–'],
      [f('concern.actionsTaken'), s.concern.actionsTaken ? el('span', { class: 'pre' }, s.concern.actionsTaken) : '–'],
    ]),
    el('h2', {}, staffWords.sections.guardians),
    facts([
      [f('guardiansInformed'), labels.guardiansInformed[s.guardiansInformed] ?? s.guardiansInformed],
      ...(s.guardiansInformed === 'no' ? ([[f('guardiansNotInformedReason'), s.guardiansNotInformedReason || '–']] as Array<[string, string]>) : []),
    ]),
    el('h2', {}, 'Arbetsanteckningar'),
    data.notes.length ? el('ol', {}, ...data.notes.map((n) => el('li', {}, `${when(n.at)}, ${n.by}: `, el('span', { class: 'pre' }, n.text)))) : el('p', {}, 'Inga.'),
    el('h2', {}, 'Händelselogg'),
    el(
      'ol',
      { class: 'audit' },
      ...data.audit.map((e) => {
        const who = e.actor.kind === 'staff' ? (e.actor.id ?? 'personal') : (T.actors[e.actor.kind] ?? e.actor.kind);
        const detail = auditDetail(e.detail);
        return el('li', {}, `${when(e.at)} – ${T.actions[e.action] ?? staffWords.actions[e.action] ?? e.action} – ${who}${detail ? ` (${detail})` : ''}`);
      }),
    ),
    el('p', { class: 'help' }, `Utskriven ${when(new Date().toISOString())}. Innehåller personuppgifter om ett barn: hantera utskriften enligt socialtjänstens rutiner.`),
  );
}
