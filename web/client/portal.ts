// The staff portal's script (bundled by esbuild into /assets/portal.js; its API types, texts, DOM helpers and
// sign-in in web/client/portal/, the session in web/client/session.ts): the team's reports, one report in full
// with its audit trail, and the actions on it, each confirmed before it is sent as a POST. The ID token lives in
// memory only, never in storage or a URL. Report data is written into the page with DOM APIs and textContent,
// never as HTML.
import { api } from './portal/api.ts';
import { consultationsLink, showConsultations } from './portal/consultations.ts';
import { acknowledgeBlock, feedbackBlock, type ActionContext } from './portal/actions.ts';
import { reporterSection } from './portal/thread.ts';
import { ApiError } from './portal/api-error.ts';
import { portalSignIn } from './portal/sign-in.ts';
import type { CaseDetail, CaseList, Me, TeamView } from './portal/contract.ts';
import { teamWorkBlocks } from './portal/team-actions.ts';
import { printSheet } from './portal/print-view.ts';
import { listControls, listRequest, type ListChoice } from './portal/list-controls.ts';
import { teamViewPanel } from './portal/team-view.ts';
import { earlierReportsSection } from './portal/earlier-reports.ts';
import { badge, el, facts, timeEl, when } from './portal/dom.ts';
import { caseCard, nextStep } from './portal/case-card.ts';
import { reportContent } from './portal/report-content.ts';
import { currentToken, signedInEmail } from './session.ts';
import { auditDetail, emailName, labels, T } from './portal/texts.ts';
import { staffWords } from './portal/staff-words.ts';

// ---------- the portal ----------
function start(root: HTMLElement): void {
  const mode = root.dataset.mode as 'local' | 'cognito' | 'unconfigured';
  const caseId = root.dataset.caseId || '';
  const wanted: 'open' | 'closed' = root.dataset.status === 'closed' ? 'closed' : 'open';
  const view = document.getElementById('portal-view')!;
  if (mode === 'unconfigured') {
    view.hidden = true;
    return;
  }

  function show(...nodes: Node[]): void {
    for (const section of document.querySelectorAll<HTMLElement>('.sign-in')) section.hidden = true;
    view.hidden = false;
    view.replaceChildren(...nodes);
  }
  function focusHeading(): void {
    view.querySelector<HTMLElement>('h1')?.focus();
  }

  function problemView(error: unknown, retry: () => void): void {
    if (error instanceof ApiError && error.status === 401) {
      // The session ended while the page was open (the token could not be renewed): say so, then sign in again.
      signIn.needSignIn('Din inloggning har gått ut. Logga in igen.');
      return;
    }
    const status = error instanceof ApiError ? error.status : 0;
    const [title, text] =
      // Another team's report is 404 too: the API does not tell the two apart, so neither does the page.
      status === 404
        ? ['Anmälan finns inte', 'Den kan ha gallrats efter att den avslutades, eller så är länken fel.']
        : status === 0
          ? ['Ingen kontakt med servern', 'Kontrollera anslutningen och försök igen.']
          : ['Något gick fel', 'Försök igen om en stund.'];
    const button = el('button', { type: 'button' }, 'Försök igen');
    button.addEventListener('click', retry);
    document.title = `${title} – ${T.portal}`;
    show(
      el('p', {}, el('a', { href: '/cases' }, '← Alla anmälningar')),
      el('h1', { tabindex: '-1' }, title),
      el('div', { class: 'notice', role: 'alert' }, el('p', {}, text)),
      el('div', { class: 'actions' }, button),
    );
    focusHeading();
  }
  const signIn = portalSignIn({ root, mode, view, show, load });
  const showSignedIn = () => signIn.showSignedIn();

  // ----- the list -----
  async function showList(choice: ListChoice = {}): Promise<void> {
    show(el('h1', { tabindex: '-1' }, 'Anmälningar'), el('p', {}, T.loading));
    try {
      const request = listRequest(choice, wanted);
      const [data, me] = await Promise.all([api<CaseList>(request.path, request.init), api<Me>('/api/me')]);
      // The team view reads every open report of the team: only a lead's list asks for it.
      const team = me.teams.some((t) => t.lead) ? await api<TeamView>('/api/team') : null;
      showSignedIn();
      const teamNames = data.teams.map((t) => t.name).join(' och ') || 'inget team';
      const cases = [...data.cases];
      if (wanted === 'closed') cases.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
      const heading = el('h1', { tabindex: '-1' }, `Anmälningar till ${teamNames}`);
      const overdue = cases.filter((c) => c.overdue);
      const filterLink = (status: 'open' | 'closed', text: string) =>
        el('a', { href: status === 'open' ? '/cases' : '/cases?status=closed', 'aria-current': status === wanted ? 'page' : undefined }, text);
      const nav = el(
        'nav',
        { 'aria-label': 'Visa anmälningar' },
        el('ul', { class: 'filters' }, el('li', {}, filterLink('open', 'Öppna')), el('li', {}, filterLink('closed', 'Avslutade')), el('li', {}, consultationsLink()),
          // A lead and an administrator read the figures; an administrator keeps the directory.
          me.teams.some((t) => t.lead) || me.administrator ? el('li', {}, el('a', { href: '/stats' }, 'Siffror')) : null,
          me.administrator ? el('li', {}, el('a', { href: '/admin' }, 'Katalogen')) : null,
        ),
      );
      const summary = el('div', { class: 'panel', id: 'due-next' });
      if (wanted === 'open') {
        const first = cases.find((c) => c.nextDeadline);
        summary.append(
          el('h2', {}, 'Näst på tur'),
          first
            ? el('p', {}, `${nextStep(first)} för ${first.reference} (${first.schoolName ?? 'okänd skola'}) senast `, timeEl(first.nextDeadline!), first.overdue ? el('strong', { class: 'overdue-text' }, ' – fristen har passerat') : '', '.')
            : el('p', {}, 'Inga öppna anmälningar just nu.'),
          el('p', {}, `${cases.length} öppna ${cases.length === 1 ? 'anmälan' : 'anmälningar'}, varav ${overdue.length} ${overdue.length === 1 ? 'har' : 'har'} passerat sin frist.`),
        );
      }
      const shown = data.nextCursor ? `${cases.length} visade, fler finns` : String(cases.length);
      const listHeading = el('h2', {}, wanted === 'open' ? `Öppna anmälningar (${shown}), närmast frist först` : `Avslutade anmälningar (${shown}), senaste först`);
      const list = el('ul', { class: 'cases' }, ...cases.map(caseCard));
      const empty = cases.length ? el('span') : el('p', {}, choice.q || Object.keys(choice).length ? 'Inga anmälningar matchar sökningen.' : wanted === 'open' ? 'Inga öppna anmälningar.' : 'Inga avslutade anmälningar.');
      const refresh = el('button', { type: 'button', class: 'secondary' }, 'Uppdatera listan');
      refresh.addEventListener('click', () => void showList(choice));
      // Paging: the next page is appended; a page may be short (filters), the end is when there is no cursor.
      const more = el('button', { type: 'button', id: 'list-more' }, 'Visa fler');
      let cursor = data.nextCursor;
      more.hidden = !cursor;
      more.addEventListener('click', async () => {
        if (!cursor) return;
        more.disabled = true;
        try {
          const next = listRequest(choice, wanted, cursor);
          const page = await api<CaseList>(next.path, next.init);
          list.append(...page.cases.map(caseCard));
          empty.replaceChildren();
          listHeading.textContent = `${wanted === 'open' ? 'Öppna' : 'Avslutade'} anmälningar (${list.children.length} visade)`;
          cursor = page.nextCursor;
          more.hidden = !cursor;
        } catch (error) {
          problemView(error, () => void showList(choice));
        } finally {
          more.disabled = false;
        }
      });
      const controls = listControls(choice, (next) => void showList(next));
      document.title = `${wanted === 'open' ? 'Öppna' : 'Avslutade'} anmälningar – ${teamNames} – ${T.portal}`;
      show(heading, nav, wanted === 'open' ? summary : el('span'), (team && teamViewPanel(team)) ?? el('span'), controls, listHeading, empty, list, el('div', { class: 'actions' }, more, refresh));
      focusHeading();
    } catch (error) {
      problemView(error, () => void showList());
    }
  }

  // ----- one report -----
  async function showCase(message?: string): Promise<void> {
    if (!message) show(el('h1', { tabindex: '-1' }, 'Anmälan'), el('p', {}, T.loading));
    try {
      if (root.dataset.print === '1') {
        const data = await api<CaseDetail>(`/api/cases/${encodeURIComponent(caseId)}`);
        document.body.classList.add('print-view');
        document.title = `Orosanmälan ${data.summary.reference} – utskrift`;
        show(printSheet(data));
        focusHeading();
        return;
      }
      const [data, me] = await Promise.all([api<CaseDetail>(`/api/cases/${encodeURIComponent(caseId)}`), api<Me>('/api/me')]);
      showSignedIn();
      renderCase(data, me, message);
    } catch (error) {
      problemView(error, () => void showCase());
    }
  }

  function renderCase(data: CaseDetail, me: Me, message?: string): void {
    const c = data.summary;
    const s = data.report.submission;
    const school = c.schoolName ?? 'Okänd skola';
    const heading = el('h1', { tabindex: '-1' }, `Anmälan ${c.reference}`);
    const badges = el('p', { class: 'badges' });
    if (c.overdue) badges.append(badge('Försenad', 'overdue'));
    if (c.urgency === 'urgent') badges.append(badge('Brådskande', 'urgent'));
    if (c.routedToFallback) badges.append(badge('Okänd skola – kontrollera mottagare', 'fallback'));
    if (c.status === 'closed') badges.append(badge('Avslutad', 'closed'));

    const done = message ? el('div', { class: 'success', role: 'status', tabindex: '-1', id: 'action-done' }, el('p', {}, message)) : null;

    const statusFacts = facts([
      ['Status', T.statuses[c.status]],
      [
        'Skola',
        c.routedToFallback
          ? `${s.schoolName ? `${s.schoolName} (skrivet av anmälaren)` : school} (skolan finns inte i katalogen – anmälan gick till reservteamet)`
          : school,
      ],
      ['Brådska', labels.urgency[c.urgency]],
      ['Inkom', timeEl(c.submittedAt)],
      [
        'Mottagandet bekräftas senast',
        c.acknowledgedAt
          ? [timeEl(c.acknowledgeBy), ` (bekräftat ${when(c.acknowledgedAt)}${data.report.acknowledgedBy ? ` av ${data.report.acknowledgedBy}` : ''})`]
          : [timeEl(c.acknowledgeBy), c.status === 'received' && c.overdue ? el('strong', { class: 'overdue-text' }, ' – fristen har passerat') : ''],
      ],
      [
        'Återkoppling senast',
        [timeEl(c.feedbackBy), c.status === 'acknowledged' && c.overdue ? el('strong', { class: 'overdue-text' }, ' – fristen har passerat') : ''],
      ],
      ...(data.report.feedback
        ? ([
            ['Återkoppling', `${T.outcomes[data.report.feedback.outcome]} (${when(data.report.feedback.at)}, ${data.report.feedback.by})`],
            ['Anteckning', data.report.feedback.note || '–'],
          ] as Array<[string, string]>)
        : []),
      ...(data.report.closedWithoutFeedback
        ? ([['Avslutad utan återkoppling', data.report.closedWithoutFeedback.outcome === 'forwarded-to-other-municipality' ? `Överlämnad till ${data.report.closedWithoutFeedback.municipality}` : `Återkoppling olämplig: ${data.report.closedWithoutFeedback.reason}`]] as Array<[string, string]>)
        : []),
      ['Skyddsbedömning', data.protectionAssessment ? `${staffWords.assessments[data.protectionAssessment.result]} (${when(data.protectionAssessment.at)}, ${data.protectionAssessment.by})${data.protectionAssessment.note ? `: ${data.protectionAssessment.note}` : ''}` : 'Inte gjord ännu'],
      ['Handläggare', data.assignee?.email ?? 'Ingen'],
    ]);

    const actions = el('section', { 'aria-labelledby': 'actions-title' }, el('h2', { id: 'actions-title' }, 'Att göra'));
    if (c.status === 'received') actions.append(acknowledgeBlock(actionContext, c));
    if (c.status !== 'closed') actions.append(feedbackBlock(actionContext, c));
    else actions.append(el('p', {}, 'Anmälan är avslutad: återkopplingen är lämnad och påminnelserna har upphört.'));
    actions.append(...teamWorkBlocks(teamContext, data, me));

    const content = reportContent(s);

    const audit = el('ol', { class: 'audit' });
    for (const event of data.audit) {
      const who = event.actor.kind === 'staff' ? (event.actor.id ?? 'personal') : (T.actors[event.actor.kind] ?? event.actor.kind);
      const detail = auditDetail(event.detail);
      audit.append(el('li', {}, timeEl(event.at), ` – ${T.actions[event.action] ?? staffWords.actions[event.action] ?? event.action} – ${who}`, detail ? ` (${detail})` : ''));
    }
    const trail = el(
      'section',
      { 'aria-labelledby': 'audit-title' },
      el('h2', { id: 'audit-title' }, 'Händelselogg'),
      audit,
      el('p', { class: 'help' }, `E-post skickad för anmälan: ${data.emailsSent.length ? data.emailsSent.map(emailName).join(', ') : 'ingen ännu'}.`),
    );

    document.title = `Anmälan ${c.reference} – ${T.portal}`;
    const printLink = el('p', {}, el('a', { href: `/cases/${encodeURIComponent(c.id)}/print`, target: '_blank', rel: 'noopener' }, 'Utskrift för verksamhetssystemet (A4)'));
    show(el('p', {}, el('a', { href: '/cases' }, '← Alla anmälningar')), heading, printLink, badges.childNodes.length ? badges : el('span'), done ?? el('span'), statusFacts, earlierReportsSection(data), actions, reporterSection(actionContext, data), content, trail);
    if (done) done.focus();
    else focusHeading();
  }

  /** What the actions need of the page: show the report again, or ask for a new sign-in. */
  const actionContext: ActionContext = {
    reload: (message) => showCase(message),
    signInAgain: (failure) => problemView(failure, () => void showCase()),
  };

  const teamContext = {
    ...actionContext,
    get me() {
      return signedInEmail();
    },
    forwarded: (teamName: string) => {
      document.title = `Anmälan vidarebefordrad – ${T.portal}`;
      show(
        el('p', {}, el('a', { href: '/cases' }, '← Alla anmälningar')),
        el('h1', { tabindex: '-1' }, 'Anmälan är vidarebefordrad'),
        el('div', { class: 'success', role: 'status' }, el('p', {}, `Anmälan är skickad till ${teamName}, som har fått ett mejl. Ditt team ser den inte längre.`)),
      );
      focusHeading();
    },
  };

  async function load(): Promise<void> {
    // From the session cookie: a tab opened from an alert link is signed in at once.
    let token: string | null;
    try {
      token = await currentToken();
    } catch (error) {
      return problemView(error, () => void load());
    }
    if (!token) return signIn.needSignIn();
    if (caseId) await showCase();
    else if (new URLSearchParams(location.search).get('view') === 'consultations') {
      await showConsultations({ show, focusHeading, signedIn: showSignedIn, problem: problemView });
    } else await showList();
  }

  void signIn.finishReturn().then((handled) => {
    if (!handled) void load();
  });
}

const root = document.getElementById('portal');
if (root) start(root);
