// The portal's sign-in and sign-out (the session itself is web/client/session.ts): the local dev sign-in form, or
// Cognito's hosted sign-in in AWS; the "signed in as" line with the sign-out button; and the signed-out state when
// this tab or another one signs out.
import { adopt, onSignedOutElsewhere, signedInEmail, signOut } from '../session.ts';
import { finishHostedSignIn, SIGNED_OUT_KEY, startHostedSignIn, type CognitoClient } from './cognito.ts';
import { el } from './dom.ts';
import { T } from './texts.ts';

export interface SignInControls {
  /** No session: in AWS straight on to the hosted sign-in, unless there is a message or the user just signed out. */
  needSignIn(message?: string): void;
  /** The header's "signed in as" line and sign-out button. */
  showSignedIn(): void;
  /** A return from the hosted sign-in is finished here: true when this page load was one (it moves on by itself). */
  finishReturn(): Promise<boolean>;
}

export interface SignInPage {
  root: HTMLElement;
  mode: 'local' | 'cognito';
  view: HTMLElement;
  show: (...nodes: Node[]) => void;
  /** Load the page's content once signed in. */
  load: () => Promise<void>;
}

export function portalSignIn(page: SignInPage): SignInControls {
  const { root, mode, view } = page;
  const signedIn = document.getElementById('signed-in');
  const cognito: CognitoClient = { clientId: root.dataset.clientId!, redirectUri: root.dataset.redirectUri!, signInUrl: root.dataset.signInUrl! };

  function showSignIn(message?: string): void {
    view.hidden = true;
    if (signedIn) signedIn.hidden = true;
    document.title = `Logga in – ${T.portal}`;
    const section = document.getElementById(mode === 'local' ? 'dev-sign-in' : 'cognito-sign-in');
    if (!section) return;
    section.hidden = false;
    const error = section.querySelector<HTMLElement>('.error');
    if (error) {
      error.hidden = !message;
      error.textContent = message ?? '';
    }
    section.querySelector<HTMLElement>('h1')?.focus();
  }

  function needSignIn(message?: string): void {
    if (mode === 'cognito' && !message && !sessionStorage.getItem(SIGNED_OUT_KEY)) {
      page.show(el('h1', { tabindex: '-1' }, 'Du skickas till inloggningen…'));
      void startHostedSignIn(cognito);
      return;
    }
    showSignIn(message);
  }

  document.querySelector('[data-start-sign-in]')?.addEventListener('click', () => void startHostedSignIn(cognito));

  // Local mode: the dev sign-in answers the ID token and sets the same session cookie as the session function in AWS.
  const devForm = document.querySelector<HTMLFormElement>('form[data-dev-sign-in]');
  devForm?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const email = (devForm.elements.namedItem('email') as HTMLSelectElement).value;
    const button = devForm.querySelector('button')!;
    button.disabled = true;
    try {
      const response = await fetch('/dev/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
      if (!response.ok) throw new Error(String(response.status));
      adopt(((await response.json()) as { token: string }).token);
      await page.load();
    } catch {
      showSignIn('Inloggningen misslyckades. Försök igen.');
    } finally {
      button.disabled = false;
    }
  });

  document.querySelector('[data-sign-out]')?.addEventListener('click', async () => {
    try {
      const next = await signOut();
      if (mode === 'cognito') {
        sessionStorage.setItem(SIGNED_OUT_KEY, '1');
        location.assign(next); // Cognito's sign-out, then back to the portal
        return;
      }
      showSignIn();
    } catch {
      page.show(
        el('h1', { tabindex: '-1' }, 'Utloggningen gick inte att slutföra'),
        el('div', { class: 'notice', role: 'alert' }, el('p', {}, 'Ingen kontakt med inloggningstjänsten. Du är fortfarande inloggad: försök logga ut igen om en stund.')),
      );
      view.querySelector<HTMLElement>('h1')?.focus();
    }
  });

  // Signed out in another tab: this one has dropped its token too.
  onSignedOutElsewhere(() => {
    if (mode === 'cognito') sessionStorage.setItem(SIGNED_OUT_KEY, '1');
    showSignIn('Du har loggat ut.');
  });

  return {
    needSignIn,
    showSignedIn() {
      const who = signedIn?.querySelector('[data-signed-in-as]');
      if (who) who.textContent = `Inloggad: ${signedInEmail()}`;
      if (signedIn) signedIn.hidden = false;
    },
    async finishReturn() {
      if (mode !== 'cognito') return false;
      const result = await finishHostedSignIn(cognito);
      if (result === 'aborted') showSignIn('Inloggningen avbröts eller gick inte att slutföra. Försök igen.');
      if (result === 'failed') showSignIn('Inloggningen gick inte att slutföra. Försök igen.');
      return result !== 'none';
    },
  };
}
