// The form's values as the same nested object the server builds from a form post, and back into the inputs.
import { isChoice, layoutFields } from '../form-fields.ts';
import type { FormPage } from './page.ts';

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

export function getPath(source: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], source);
}

/** What would be sent now. */
export function collect({ form, lang, isShown, inputsOf }: FormPage): Record<string, unknown> {
  const body: Record<string, unknown> = { language: lang };
  for (const field of layoutFields) {
    const inputs = inputsOf(field);
    let value: unknown;
    if (field.kind === 'checkboxes') value = inputs.filter((i) => i.checked).map((i) => i.value);
    else if (field.kind === 'radio') value = inputs.find((i) => i.checked)?.value;
    // A hidden conditional field is not sent: its text no longer applies.
    else value = isShown(field) ? (inputs[0]?.value ?? '') : '';
    setPath(body, field.name.split('.'), value);
  }
  // A report made from a consultation links to it (the page carries its id when opened from "make it a report").
  const consultationId = form.querySelector<HTMLInputElement>('input[name=consultationId]')?.value;
  if (consultationId) body.consultationId = consultationId;
  return body;
}

/** Like collect(), but keeps a hidden conditional field's text (it is the user's, until they submit). */
export function collectRaw(page: FormPage): Record<string, unknown> {
  const body = collect(page);
  for (const field of layoutFields) if (!isChoice(field) && !page.isShown(field)) setPath(body, field.name.split('.'), page.inputsOf(field)[0]?.value ?? '');
  return body;
}

export function restore({ inputsOf }: FormPage, values: Record<string, unknown>): void {
  for (const field of layoutFields) {
    const value = getPath(values, field.name.split('.'));
    const inputs = inputsOf(field);
    if (isChoice(field)) {
      const chosen = Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
      for (const input of inputs) input.checked = chosen.includes(input.value);
    } else if (typeof value === 'string' && inputs[0]) inputs[0].value = value;
  }
}
