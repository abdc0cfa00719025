// The concern form's script (bundled by esbuild into /assets/form.js). Progressive enhancement of a form
// that works without it: shows the conditional field, the urgent guidance with the school's out-of-hours
// number, a school filter; validates as the user goes with the very schema the server uses; submits as
// JSON with the page's submission id as Idempotency-Key, and never loses what was typed.
// This file wires the parts (web/client/form/): the page (page.ts), its values (values.ts), what follows the
// answers (dependents.ts), validation as the user goes (validation.ts), the draft in sessionStorage (draft.ts),
// the submit (submit.ts) and the receipt (receipt.ts).
import { layoutFields, isChoice } from './form-fields.ts';
import { dependents } from './form/dependents.ts';
import { keepDraft } from './form/draft.ts';
import { formPage } from './form/page.ts';
import { submitAsJson } from './form/submit.ts';
import { validation } from './form/validation.ts';

function enhance(form: HTMLFormElement): void {
  const page = formPage(form);
  // A page the server sent back with errors holds what was posted: it is shown as it is, not over a draft.
  const pristine = !document.getElementById('error-summary');
  const check = validation(page);
  const answers = dependents(page);
  const draft = keepDraft(page, pristine, () => {
    check.reset();
    answers.update();
  });

  // ---- as the user goes ----
  const fieldOf = (target: EventTarget | null) => {
    const name = (target as HTMLInputElement | null)?.name;
    return name ? layoutFields.find((f) => f.name === name) : undefined;
  };
  form.addEventListener('focusout', (event) => {
    const field = fieldOf(event.target);
    if (!field) return;
    // Leaving a group's first radio for its second is not leaving the group.
    const next = (event as FocusEvent).relatedTarget as HTMLInputElement | null;
    if (isChoice(field) && next?.name === field.name) return;
    check.touch(field);
    check.render(check.validate());
  });
  form.addEventListener('change', (event) => {
    const field = fieldOf(event.target);
    answers.update();
    if (field && (isChoice(field) || field.kind === 'school')) check.touch(field);
    check.render(check.validate());
    // A choice (a box, a radio, the school) is one deliberate act, not a stream of keys: save it now.
    draft.saveNow();
  });
  form.addEventListener('input', (event) => {
    draft.save();
    const field = fieldOf(event.target);
    if (field) check.recheckShown(field);
  });

  submitAsJson(page, check, draft);

  answers.update();
  // A page the server sent back with errors: keep showing them as the user fixes each.
  if (!pristine) {
    check.showAll();
    check.render(check.validate());
  }
}

const form = document.querySelector<HTMLFormElement>('form[data-form="concern-report"]');
if (form) enhance(form);
