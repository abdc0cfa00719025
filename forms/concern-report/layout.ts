// How the concern report is laid out on the page: sections and the input kind of each field.
// The web form is rendered from this, the labels and the schema; add a field in the schema, labels and here.
import { CATEGORIES } from './fields.ts';

export type FieldKind = 'school' | 'radio' | 'text' | 'email' | 'tel' | 'date' | 'textarea' | 'checkboxes';

export interface LayoutField {
  name: string;
  kind: FieldKind;
  required?: boolean;
  maxLength?: number;
  options?: readonly string[];
  autocomplete?: string;
  /** Shown only when another field has this value (still posted and validated server-side). */
  showWhen?: { field: string; value: string };
}

export interface LayoutSection {
  id: 'school' | 'reporter' | 'child' | 'concern' | 'guardians';
  fields: LayoutField[];
}

export const concernReportLayout: LayoutSection[] = [
  {
    id: 'school',
    fields: [
      { name: 'schoolId', kind: 'school', required: true },
      { name: 'schoolName', kind: 'text', maxLength: 200 },
      { name: 'urgency', kind: 'radio', required: true, options: ['normal', 'urgent'] },
    ],
  },
  {
    id: 'reporter',
    fields: [
      { name: 'reporter.name', kind: 'text', required: true, maxLength: 120, autocomplete: 'name' },
      { name: 'reporter.role', kind: 'text', required: true, maxLength: 120, autocomplete: 'organization-title' },
      { name: 'reporter.email', kind: 'email', required: true, maxLength: 254, autocomplete: 'email' },
      { name: 'reporter.phone', kind: 'tel', maxLength: 30, autocomplete: 'tel' },
    ],
  },
  {
    id: 'child',
    fields: [
      { name: 'child.firstName', kind: 'text', required: true, maxLength: 80, autocomplete: 'off' },
      { name: 'child.lastName', kind: 'text', required: true, maxLength: 80, autocomplete: 'off' },
      { name: 'child.personalNumber', kind: 'text', maxLength: 13, autocomplete: 'off' },
      { name: 'child.birthDate', kind: 'date' },
      { name: 'child.grade', kind: 'text', maxLength: 20, autocomplete: 'off' },
    ],
  },
  {
    id: 'concern',
    fields: [
      { name: 'concern.categories', kind: 'checkboxes', required: true, options: CATEGORIES },
      { name: 'concern.description', kind: 'textarea', required: true, maxLength: 10_000 },
      { name: 'concern.childsOwnWords', kind: 'textarea', maxLength: 5_000 },
      { name: 'concern.actionsTaken', kind: 'textarea', maxLength: 5_000 },
    ],
  },
  {
    id: 'guardians',
    fields: [
      { name: 'guardiansInformed', kind: 'radio', required: true, options: ['yes', 'no', 'unknown'] },
      {
        name: 'guardiansNotInformedReason',
        kind: 'textarea',
        maxLength: 2_000,
        showWhen: { field: 'guardiansInformed', value: 'no' },
      },
    ],
  },
];
