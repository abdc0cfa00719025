// A draft in this tab's sessionStorage (gone when the tab closes; never localStorage), so what was typed survives a
// reload. Typing is saved after a pause (400 ms), not on every key; anything still waiting is saved at once when the
// page goes away (a reload, another page, the tab hidden), so a box ticked or a word typed just before is never lost.
import type { FormPage } from './page.ts';
import { collectRaw, restore } from './values.ts';

const DRAFT_KEY = 'concern-report-draft';
const TYPING_PAUSE_MS = 400;

export interface Draft {
  /** Save after a pause in typing. */
  save(): void;
  /** Save now (a choice is one deliberate act, not a stream of keys). */
  saveNow(): void;
  clear(): void;
}

/**
 * Keeps the draft, and restores it into a pristine page (not one the server sent back with errors: that page holds
 * what was posted). `onDiscard` runs when the user empties the form to start again, after the form is reset.
 */
export function keepDraft(page: FormPage, pristine: boolean, onDiscard: () => void): Draft {
  const { form, lang, view, idInput } = page;
  let draftTimer: ReturnType<typeof setTimeout> | undefined;
  let draftPending = false;

  function saveNow(): void {
    clearTimeout(draftTimer);
    draftPending = false;
    try {
      sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ submissionId: idInput.value, lang, values: collectRaw(page) }));
    } catch {
      // storage full or blocked: the form still works
    }
  }
  function save(): void {
    clearTimeout(draftTimer);
    draftPending = true;
    draftTimer = setTimeout(saveNow, TYPING_PAUSE_MS);
  }
  function clear(): void {
    clearTimeout(draftTimer);
    draftPending = false;
    try {
      sessionStorage.removeItem(DRAFT_KEY);
    } catch {
      // nothing to clear
    }
  }

  const flush = () => {
    if (draftPending) saveNow();
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });

  const draftNotice = document.getElementById('draft-notice');
  try {
    const saved = pristine ? sessionStorage.getItem(DRAFT_KEY) : null;
    const draft = saved ? (JSON.parse(saved) as { submissionId?: string; lang?: string; values?: Record<string, unknown> }) : null;
    if (draft?.values && draft.lang === lang) {
      restore(page, draft.values);
      // The same id as before: sending again after a lost connection can never make a second report.
      if (draft.submissionId) idInput.value = draft.submissionId;
      if (draftNotice) draftNotice.hidden = false;
    }
  } catch {
    // no storage: start empty
  }
  draftNotice?.querySelector('[data-discard-draft]')?.addEventListener('click', () => {
    clear();
    form.reset();
    // A new report: a new submission id (the draft's id stays with what was discarded).
    idInput.value = crypto.randomUUID();
    onDiscard();
    draftNotice.hidden = true;
    view.querySelector<HTMLElement>('h1')?.focus();
  });

  return { save, saveNow, clear };
}
