// The concern report's vocabulary (categories, languages, the "not in the list" school, the honeypot) and the rules for a text a
// person writes, apart from the submission schema (schema.ts): importing schema.ts builds the whole schema, about a
// hundred zod objects, at import, which costs every function that only needs a list or a text rule its cold start
// (bench/COLD-START.md). schema.ts re-exports these.
import * as z from 'zod/mini';

export const CATEGORIES = [
  'absence',
  'violence-or-abuse-suspected',
  'neglect',
  'home-situation',
  'mental-ill-health',
  'substance-use',
  'criminality-or-exploitation',
  'honour-related',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// Text DynamoDB can store: a lone UTF-16 surrogate (broken text, never typed by a person) is refused here
// rather than failing the write in AWS.
const wellFormed = z.refine<string>((value) => value.isWellFormed(), 'contains broken characters; retype the text');
const text = (max: number) =>
  z.string().check(z.trim(), z.maxLength(max, `must be at most ${max} characters`), wellFormed);
// Blank to a person: nothing but spaces, control and format characters (zero-width, direction marks, soft hyphen),
// combining marks with nothing to sit on, and the few letters that draw nothing (Hangul fillers, Braille blank).
const INVISIBLE = /^[\p{Z}\p{C}\p{M}\s\u115f\u1160\u3164\uffa0\u2800]*$/u;
const visible = z.refine<string>((value) => !INVISIBLE.test(value), 'is required');
/** The form's "something a person can see" rule, for every text a person writes elsewhere (the reporter's thread). */
export const isVisibleText = (value: string): boolean => !INVISIBLE.test(value);
export const required = (max: number) =>
  z.string().check(z.trim(), z.minLength(1, 'is required'), visible, z.maxLength(max, `must be at most ${max} characters`), wellFormed);
export const optionalText = (max: number) => z._default(text(max), '');

/** The form's "my school is not in the list" choice: the report goes to the fallback team, flagged, with `schoolName`. */
export { OTHER_SCHOOL } from '../../core/directory/other-school.ts';

/** The honeypot: a field the form page renders but hides from people (web/pages/form-page.ts). Only bots fill it. */
export const HONEYPOT_FIELD = 'website';
