// The portal's team-work actions on one report (issue 12): take it or (the lead) give it to a colleague,
// forward it to another team with a reason, keep working notes, record the case-system reference. Each is a
// POST from a form with a labelled field; an error names what to fix. The team's people and the teams come
// from GET /api/me.
import { api } from './api.ts';
import { ApiError } from './api-error.ts';
import type { CaseDetail, Me } from './contract.ts';
import { el, when } from './dom.ts';
import type { ActionContext } from './actions.ts';

export interface TeamActionContext extends ActionContext {
  /** The signed-in person's email. */
  me: string;
  /** After a forward the report is no longer the caller's: the page says where it went. */
  forwarded(teamName: string): void;
}

function failureText(failure: unknown): string {
  if (failure instanceof ApiError) {
    if (failure.status === 400) return failure.body?.errors?.map((e) => e.message).join('; ') ?? 'Kontrollera fälten.';
    if (failure.status === 403 || failure.status === 409) return failure.body?.message ?? 'Det gick inte.';
    if (failure.status === 0) return 'Ingen kontakt med servern. Inget ändrades. Försök igen.';
  }
  return 'Något gick fel och inget ändrades. Försök igen.';
}

/** A small form: the fields, one submit button, an error line; `send` posts and reloads. */
function actionForm(context: ActionContext, id: string, title: string, fields: HTMLElement[], button: string, send: () => Promise<void>): HTMLElement {
  const error = el('p', { class: 'error', role: 'alert', id: `${id}-error` });
  const submit = el('button', { type: 'submit' }, button);
  const form = el('form', { novalidate: '', 'aria-labelledby': `${id}-title` }, ...fields, error, el('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    try {
      await send();
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) return context.signInAgain(failure);
      error.textContent = failureText(failure);
      submit.disabled = false;
    }
  });
  return el('div', { class: 'action', id }, el('h3', { id: `${id}-title` }, title), form);
}

const field = (id: string, label: string, control: HTMLElement, help?: string) =>
  el('div', { class: 'field' }, el('label', { for: id }, label), help ? el('p', { class: 'help', id: `${id}-help` }, help) : null, control);

export function teamWorkBlocks(context: TeamActionContext, data: CaseDetail, team: Pick<Me, 'teams' | 'allTeams'>): HTMLElement[] {
  const c = data.summary;
  const caseUrl = `/api/cases/${encodeURIComponent(c.id)}`;
  const own = team.teams.find((t) => t.id === c.teamId);
  const blocks: HTMLElement[] = [];
  const assignee = data.assignee?.email ?? null;

  if (c.status !== 'closed' && own) {
    const who = el('p', { id: 'assignee-now' }, assignee ? `Handläggare: ${assignee}${assignee === context.me ? ' (du)' : ''}.` : 'Ingen har tagit anmälan ännu.');
    if (own.lead) {
      const select = el('select', { id: 'assign-to', name: 'assignee' });
      for (const member of own.members) select.append(el('option', { value: member, ...(member === assignee ? { selected: '' } : {}) }, member === context.me ? `${member} (du)` : member));
      blocks.push(
        actionForm(context, 'assign', 'Handläggare', [who, field('assign-to', 'Ge anmälan till', select)], 'Ge anmälan', async () => {
          await api(`${caseUrl}/assign`, { method: 'POST', body: { assignee: select.value } });
          await context.reload(`Anmälan är given till ${select.value}.`);
        }),
      );
    } else if (assignee !== context.me) {
      blocks.push(
        actionForm(context, 'assign', 'Handläggare', [who], 'Ta anmälan', async () => {
          await api(`${caseUrl}/assign`, { method: 'POST', body: { assignee: context.me } });
          await context.reload('Du har tagit anmälan.');
        }),
      );
    } else blocks.push(el('div', { class: 'action', id: 'assign' }, el('h3', {}, 'Handläggare'), who));
  }

  if (c.status !== 'closed') {
    const to = el('select', { id: 'forward-team', name: 'teamId' }, el('option', { value: '' }, 'Välj team'));
    for (const t of team.allTeams) if (t.id !== c.teamId) to.append(el('option', { value: t.id }, t.name));
    const reason = el('textarea', { id: 'forward-reason', name: 'reason', rows: '3', maxlength: '2000', 'aria-describedby': 'forward-reason-help' });
    blocks.push(
      actionForm(
        context,
        'forward',
        'Vidarebefordra till ett annat team',
        [field('forward-team', 'Team', to), field('forward-reason', 'Varför', reason, 'Syns för personalen, aldrig för anmälaren. Tidsfristerna räknas fortfarande från när anmälan kom in.')],
        'Vidarebefordra',
        async () => {
          const answer = await api<{ teamName: string }>(`${caseUrl}/forward`, { method: 'POST', body: { teamId: to.value, reason: reason.value } });
          context.forwarded(answer.teamName);
        },
      ),
    );
  }

  if (c.status !== 'closed') {
    // The two ways to close without feedback (DESIGN.md, POST …/feedback): forwarded to the municipality
    // responsible (the reporter is never told which), or withheld as inappropriate (the lead only).
    const how = el('select', { id: 'close-how', name: 'outcome' }, el('option', { value: 'forwarded-to-other-municipality' }, 'Överlämnad till en annan kommun'));
    if (own?.lead) how.append(el('option', { value: 'not-given-inappropriate' }, 'Återkoppling olämplig (teamledarens beslut)'));
    const detail = el('input', { id: 'close-detail', name: 'detail', maxlength: '2000', 'aria-describedby': 'close-detail-help' });
    blocks.push(
      actionForm(
        context,
        'close-without-feedback',
        'Avsluta utan återkoppling',
        [
          field('close-how', 'Hur', how),
          field('close-detail', 'Kommun eller skäl', detail, 'Vid överlämning: kommunens namn (anmälaren får inte veta vilken). Vid olämplig återkoppling: skälet. Skyddsbedömningen måste vara gjord före en överlämning.'),
        ],
        'Avsluta anmälan',
        async () => {
          const body = how.value === 'not-given-inappropriate' ? { outcome: how.value, reason: detail.value } : { outcome: how.value, municipality: detail.value };
          await api(`${caseUrl}/feedback`, { method: 'POST', body });
          await context.reload('Anmälan är avslutad utan återkoppling.');
        },
      ),
    );
  }

  const notes = el('ol', { class: 'notes', id: 'notes-list' });
  for (const note of data.notes) notes.append(el('li', {}, el('p', {}, note.text), el('p', { class: 'help' }, `${note.by}, ${when(note.at)}`)));
  const text = el('textarea', { id: 'note-text', name: 'text', rows: '3', maxlength: '5000', 'aria-describedby': 'note-text-help' });
  blocks.push(
    actionForm(
      context,
      'notes',
      'Arbetsanteckningar',
      [data.notes.length ? notes : el('p', {}, 'Inga anteckningar ännu.'), field('note-text', 'Ny anteckning', text, 'Bara för teamet: anmälaren ser aldrig anteckningarna.')],
      'Spara anteckningen',
      async () => {
        await api(`${caseUrl}/notes`, { method: 'POST', body: { text: text.value } });
        await context.reload('Anteckningen är sparad.');
      },
    ),
  );

  const ref = el('input', { id: 'case-system-ref', name: 'ref', maxlength: '100', value: data.report.caseSystemRef?.ref ?? '' });
  blocks.push(
    actionForm(context, 'case-system', 'Diarienummer i verksamhetssystemet', [field('case-system-ref', 'Diarienummer', ref, 'Gallringen börjar först när anmälan är avslutad och diarieförd.')], 'Spara diarienumret', async () => {
      await api(`${caseUrl}/case-system-ref`, { method: 'POST', body: { ref: ref.value } });
      await context.reload('Diarienumret är sparat.');
    }),
  );
  return blocks;
}
