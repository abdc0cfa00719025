// The concern report (orosanmälan): the one zod schema behind validation, the TypeScript type and the
// JSON Schema served to the page. zod/mini keeps Lambda bundles small (the classic API pulls in locales).
import * as z from 'zod/mini';
import { CATEGORIES, isVisibleText, LANGUAGES, optionalText, required } from './fields.ts';
import {
  birthDateOfPersonalNumber,
  checkPersonalNumber,
  isRealDate,
  normalizePersonalNumber,
  todayInSweden,
} from '../../core/domain/personal-number.ts';
import { OTHER_SCHOOL } from '../../core/directory/other-school.ts';

// The vocabulary and text rules live in fields.ts (importing this file builds the whole submission schema).
export { CATEGORIES, isVisibleText, LANGUAGES, required, type Category, type Language } from './fields.ts';

/** The largest request body the submit route accepts, in bytes (all text limits below fit well inside). */
export const MAX_BODY_BYTES = 64 * 1024;

const personalNumber = z.string().check(
  z.trim(),
  z.maxLength(13, 'must be at most 13 characters'),
  z.refine((value) => value === '' || checkPersonalNumber(value) !== 'format', {
    message: 'must look like YYYYMMDD-XXXX or YYMMDD-XXXX',
  }),
  z.refine((value) => value === '' || checkPersonalNumber(value) !== 'date', {
    message: 'is not a real date of birth',
  }),
  z.refine((value) => value === '' || checkPersonalNumber(value) !== 'future', {
    message: 'is a date of birth in the future; check the number',
  }),
  z.refine((value) => value === '' || checkPersonalNumber(value) !== 'check-digit', {
    message: 'has a wrong check digit (the last digit); check the number',
  }),
  // Stored in one form (YYYYMMDD-XXXX) however it was typed, so the same child's number always compares equal.
  z.overwrite((value) => (value === '' ? value : normalizePersonalNumber(value))),
);

const EARLIEST_BIRTH_DATE = '1900-01-01';
const birthDate = z.string().check(
  z.trim(),
  z.regex(/^(\d{4}-\d{2}-\d{2})?$/, 'must be a date as YYYY-MM-DD'),
  z.refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || (isRealDate(value) && value >= EARLIEST_BIRTH_DATE), {
    message: 'is not a real date of birth',
  }),
  z.refine((value) => !isRealDate(value) || value <= todayInSweden(), { message: 'is in the future' }),
);

/** A birth date and a personal number given together must name the same day. */
const birthDateMatchesPersonalNumber = z.superRefine<{ personalNumber: string; birthDate: string }>((child, ctx) => {
  if (child.personalNumber === '' || child.birthDate === '') return;
  const fromNumber = birthDateOfPersonalNumber(child.personalNumber);
  if (fromNumber !== null && fromNumber !== child.birthDate) {
    ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'does not match the date in the personal number', input: child.birthDate });
  }
});

/** The form's "my school is not in the list" choice: the report goes to the fallback team, flagged, with `schoolName`. */
export { OTHER_SCHOOL };

export const concernReportSchema = z
  .object({
    schoolId: z.string().check(z.trim(), z.minLength(1, 'choose a school'), z.maxLength(64)),
    /** The school's name as typed, when it is not in the list (`schoolId: "other"`). */
    schoolName: optionalText(200),
    urgency: z.enum(['normal', 'urgent'], 'must be "normal" or "urgent"'),
    language: z._default(z.enum(LANGUAGES, 'must be "sv" or "en"'), 'sv'),
    reporter: z.object({
      name: required(120),
      role: required(120),
      email: z.string().check(z.trim(), z.maxLength(254), z.email('must be a valid email address')),
      phone: z._default(
        z.string().check(z.trim(), z.regex(/^[0-9+()\- ]{0,30}$/, 'may contain only digits, spaces, +, - and ()')),
        '',
      ),
    }),
    child: z.object({
      firstName: required(80),
      lastName: required(80),
      personalNumber: z._default(personalNumber, ''),
      birthDate: z._default(birthDate, ''),
      grade: optionalText(20),
    }).check(birthDateMatchesPersonalNumber),
    concern: z.object({
      categories: z
        .array(z.enum(CATEGORIES, `must be one of: ${CATEGORIES.join(', ')}`))
        .check(
          z.minLength(1, 'choose at least one category'),
          z.maxLength(CATEGORIES.length),
          z.refine((list) => new Set(list).size === list.length, 'lists a category more than once'),
        ),
      description: required(10_000),
      childsOwnWords: optionalText(5_000),
      actionsTaken: optionalText(5_000),
    }),
    guardiansInformed: z.enum(['yes', 'no', 'unknown'], 'must be "yes", "no" or "unknown"'),
    guardiansNotInformedReason: optionalText(2_000),
    /** Set when the report was made from a consultation ("make it a report"): the report links to it. */
    consultationId: z.optional(
      z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i, 'must be the id of a consultation')),
    ),
  })
  .check(
    z.superRefine(
      (report, ctx) => {
        const reason = typeof report.guardiansNotInformedReason === 'string' ? report.guardiansNotInformedReason.trim() : '';
        const schoolName = typeof report.schoolName === 'string' ? report.schoolName : '';
        if (report.schoolId === OTHER_SCHOOL && !isVisibleText(schoolName)) {
          ctx.addIssue({ code: 'custom', path: ['schoolName'], message: 'is required when your school is not in the list' });
        }
        if (report.guardiansInformed === 'no' && reason === '') {
          ctx.addIssue({
            code: 'custom',
            path: ['guardiansNotInformedReason'],
            message: 'is required when the guardians were not informed',
          });
        }
      },
      // Run even when other fields are invalid, so a person sees every problem at once, not this one last.
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    ),
  );

export type ConcernReportSubmission = z.output<typeof concernReportSchema>;
export type ConcernReportInput = z.input<typeof concernReportSchema>;
