// The report's content on its page, as the reporter wrote it: reporter, child, concern, guardians, each field under
// the form's own label. Text only (textContent), never HTML.
import type { CaseDetail } from './contract.ts';
import { el, facts } from './dom.ts';
import { fieldWord, staffWords } from './staff-words.ts';
import { labels } from './texts.ts';

export function reportContent(s: CaseDetail['report']['submission']): HTMLElement {
  const f = (name: string) => fieldWord(name, (n) => labels.fields[n]?.label ?? n);
  const yesNo = labels.guardiansInformed;
  return el(
    'section',
    { 'aria-labelledby': 'content-title' },
    el('h2', { id: 'content-title' }, 'Anmälans innehåll'),
    el('h3', {}, staffWords.sections.reporter),
    facts([
      [f('reporter.name'), s.reporter.name],
      [f('reporter.role'), s.reporter.role],
      [f('reporter.email'), s.reporter.email ? el('a', { href: `mailto:${s.reporter.email}` }, s.reporter.email) : '–'],
      [f('reporter.phone'), s.reporter.phone ? el('a', { href: `tel:${s.reporter.phone.replace(/[^0-9+]/g, '')}` }, s.reporter.phone) : '–'],
    ]),
    el('h3', {}, staffWords.sections.child),
    facts([
      [f('child.firstName'), s.child.firstName],
      [f('child.lastName'), s.child.lastName],
      [f('child.personalNumber'), s.child.personalNumber || '–'],
      [f('child.birthDate'), s.child.birthDate || '–'],
      [f('child.grade'), s.child.grade || '–'],
    ]),
    el('h3', {}, staffWords.sections.concern),
    facts([
      [f('concern.categories'), s.concern.categories.map((k) => labels.categories[k as keyof typeof labels.categories] ?? k).join(', ')],
      [f('concern.description'), s.concern.description],
      [f('concern.childsOwnWords'), s.concern.childsOwnWords || '–'],
      [f('concern.actionsTaken'), s.concern.actionsTaken || '–'],
    ]),
    el('h3', {}, staffWords.sections.guardians),
    facts([
      [f('guardiansInformed'), yesNo[s.guardiansInformed] ?? s.guardiansInformed],
      ...(s.guardiansInformed === 'no' ? ([[f('guardiansNotInformedReason'), s.guardiansNotInformedReason || '–']] as Array<[string, string]>) : []),
    ]),
  );
}
