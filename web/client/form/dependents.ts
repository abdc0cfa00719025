// What follows the answers: the conditional field, the urgent guidance, the chosen school's contact, and the
// school filter that shortens the list as the user types part of a name.
import { fieldId } from '../form-fields.ts';
import type { FormPage } from './page.ts';

const normalize = (text: string) =>
  text
    .toLocaleLowerCase('sv')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();

/** Sets up the school filter; answers the update to run whenever an answer changes. */
export function dependents({ form }: FormPage): { update: () => void } {
  const urgentNote = document.querySelector<HTMLElement>('[data-urgent-note]');
  const schoolSelect = form.querySelector<HTMLSelectElement>(`#${fieldId('schoolId')}`);
  const schoolContact = form.querySelector<HTMLElement>('[data-school-contact]');

  function update(): void {
    for (const box of form.querySelectorAll<HTMLElement>('[data-show-when]')) {
      const [name, wanted] = (box.dataset.showWhen ?? '').split('=');
      const chosen = form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
      box.hidden = !(chosen && chosen.value === wanted);
    }
    if (schoolContact) {
      // The chosen school's contact: the team's function and phone (the page put it on each option).
      const text = schoolSelect?.selectedOptions[0]?.dataset.contact ?? '';
      if (schoolContact.textContent !== text) schoolContact.textContent = text;
    }
    if (urgentNote) {
      urgentNote.hidden = form.querySelector<HTMLInputElement>('input[name="urgency"]:checked')?.value !== 'urgent';
    }
  }

  if (schoolSelect) filterSchools(form, schoolSelect);
  return { update };
}

function filterSchools(form: HTMLFormElement, schoolSelect: HTMLSelectElement): void {
  const filterBox = form.querySelector<HTMLElement>('[data-school-filter]');
  const filter = filterBox?.querySelector<HTMLInputElement>('input[type=search]');
  const count = filterBox?.querySelector<HTMLElement>('.filter-count');
  if (!filterBox || !filter || !count) return;
  filterBox.hidden = false;
  const placeholder = schoolSelect.options[0]!;
  const all = [...schoolSelect.options].slice(1);
  filter.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      schoolSelect.focus();
    }
  });
  filter.addEventListener('input', () => {
    const query = normalize(filter.value);
    const chosen = schoolSelect.value;
    const matches = all.filter((option) => normalize(option.text).includes(query));
    schoolSelect.replaceChildren(placeholder, ...all.filter((option) => matches.includes(option) || option.value === chosen));
    schoolSelect.value = chosen;
    if (query && matches.length === 1 && schoolSelect.value !== matches[0]!.value) {
      schoolSelect.value = matches[0]!.value;
      schoolSelect.dispatchEvent(new Event('change', { bubbles: true }));
    }
    const many = (filter.dataset.countMany ?? '{n}').replace('{n}', String(matches.length));
    const text = query ? (matches.length === 1 ? `${filter.dataset.countOne}: ${matches[0]!.text}` : many) : '';
    count.textContent = text;
  });
}
