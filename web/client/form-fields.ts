// How the form's fields are named on the page, shared by the server-rendered page and the browser script,
// so an error found by either lands beside the same field.
import { concernReportLayout, type LayoutField } from '../../forms/concern-report/layout.ts';

export const layoutFields: LayoutField[] = concernReportLayout.flatMap((section) => section.fields);

/** The id of a field's control (text input, textarea, select) or of its group's container. */
export const fieldId = (name: string): string => `f-${name.replace(/\./g, '-')}`;

export const isChoice = (field: LayoutField): boolean => field.kind === 'radio' || field.kind === 'checkboxes';

/** The id of the element an error summary links to: the control, or a group's first option. */
export function anchorId(field: LayoutField): string {
  return isChoice(field) ? `${fieldId(field.name)}-${field.options?.[0] ?? ''}` : fieldId(field.name);
}

export const optionId = (field: LayoutField, option: string): string => `${fieldId(field.name)}-${option}`;

/** The field an error's path belongs to ("concern.categories.0" → concern.categories), if any. */
export function fieldForPath(path: string): LayoutField | undefined {
  let best: LayoutField | undefined;
  for (const field of layoutFields) {
    if ((path === field.name || path.startsWith(`${field.name}.`)) && (!best || field.name.length > best.name.length)) best = field;
  }
  return best;
}
