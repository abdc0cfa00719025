// The bodies of the second slice's team-work and thread routes (DESIGN.md, "Second slice"), as zod schemas whose
// outputs are exactly what the state changes in report.ts, team-work.ts and thread.ts take. One place for each
// field's rule and message, so a 400 names the field; the limits are the domain's own constants.
// Each schema is built on its route's first use (z.lazy), not at import: the cases and status functions import them
// all, and a cold start serves one route (a zod schema is costly to build; bench/COLD-START.md).
import * as z from 'zod/mini';
import { isVisibleText } from '../../forms/concern-report/fields.ts';
import { DELIVERY_CHANNELS, OUTCOMES } from './outcomes.ts';
import { PROTECTION_ASSESSMENT_RESULTS } from './report.ts';
import { MAX_CASE_SYSTEM_REF_LENGTH, MAX_NOTE_LENGTH } from './team-work.ts';
import { MAX_THREAD_TEXT_LENGTH } from './thread.ts';

const text = (max: number, missing: string) =>
  z.string(missing).check(
    z.trim(),
    // The form's rule: empty, or only what a person cannot see (spaces, control and format characters), is missing.
    // (Broken text gets its own message below, not this one too.)
    z.refine((value) => !value.isWellFormed() || isVisibleText(value), missing),
    z.maxLength(max, `must be at most ${max} characters`),
    z.refine((value) => value.isWellFormed(), 'contains broken characters; retype the text'),
  );
const optionalNote = () =>
  z.optional(
    z.string().check(z.trim(), z.maxLength(2_000, 'must be at most 2000 characters'), z.refine((v) => v.isWellFormed(), 'contains broken characters; retype the text')),
  );
const email = () => z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254), z.email('must be a team member\'s email address'));

/** POST /api/cases/{id}/acknowledge: the protection assessment is required. */
export const acknowledgeBodySchema = z.lazy(() =>
  z.object({
    protectionAssessment: z.object(
      {
        result: z.enum(PROTECTION_ASSESSMENT_RESULTS, `must be one of: ${PROTECTION_ASSESSMENT_RESULTS.join(', ')}`),
        note: optionalNote(),
      },
      'record the protection assessment: {result, note?}',
    ),
  }),
);

/** POST /api/cases/{id}/feedback: the outcome decides which other fields are required. */
export const outcomeBodySchema = z.lazy(() =>
  z.discriminatedUnion(
    'outcome',
    [
      z.object({ outcome: z.enum(OUTCOMES), note: optionalNote(), deliveredVia: z.optional(z.enum(DELIVERY_CHANNELS, `must be one of: ${DELIVERY_CHANNELS.join(', ')}`)) }),
      z.object({ outcome: z.literal('forwarded-to-other-municipality'), municipality: text(120, 'name the municipality'), note: optionalNote() }),
      z.object({ outcome: z.literal('not-given-inappropriate'), reason: text(2_000, 'say why feedback would be inappropriate'), note: optionalNote() }),
    ],
    'must be one of: investigation-opened, investigation-not-opened, already-ongoing, forwarded-to-other-municipality, not-given-inappropriate',
  ),
);

/** POST /api/cases/{id}/assign: a team member's email, or null to drop the report. */
export const assignBodySchema = z.lazy(() => z.object({ assignee: z.nullable(email()) }));

/** POST /api/cases/{id}/forward */
export const forwardBodySchema = z.lazy(() =>
  z.object({
    teamId: z.string().check(z.trim(), z.minLength(1, 'choose a team'), z.maxLength(64)),
    reason: text(2_000, 'say why the report goes to another team'),
  }),
);

/** POST /api/cases/{id}/notes */
export const noteBodySchema = z.lazy(() => z.object({ text: text(MAX_NOTE_LENGTH, 'write the note') }));

/** POST /api/cases/{id}/case-system-ref */
export const caseSystemRefBodySchema = z.lazy(() => z.object({ ref: text(MAX_CASE_SYSTEM_REF_LENGTH, 'give the case-system reference') }));

/** POST /api/cases/{id}/questions and POST /api/status/{token}/messages */
// Line breaks and tabs are how people write; any other control character is never typed, only injected.
const NO_CONTROL = /^[^\p{Cc}]*$/u;
const withoutControls = (value: string) => NO_CONTROL.test(value.replace(/[\n\r\t]/g, ''));
export const threadMessageBodySchema = z.lazy(() =>
  z.object({
    text: text(MAX_THREAD_TEXT_LENGTH, 'write the message').check(z.refine(withoutControls, 'contains control characters; retype the text')),
  }),
);
