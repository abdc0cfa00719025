// A consultation (DESIGN.md flow step 10): a school's staff member asks the school's named social-services contact
// whether something is a case for a report, without naming the child. Pure: the rules of asking and answering,
// the body schemas, and when an answered consultation expires (like a closed report: retention days after it).
import * as z from 'zod/mini';
import { required } from '../../forms/concern-report/fields.ts';
import { findPersonalNumber } from './personal-number.ts';

export const MAX_QUESTION_LENGTH = 5_000;
export const MAX_ANSWER_LENGTH = 5_000;

export interface Consultation {
  id: string;
  schoolId: string;
  /** The team serving the school's area when it was asked: its staff see and answer it. */
  teamId: string;
  areaId: string;
  language: 'sv' | 'en';
  reporter: { name: string; role: string; email: string };
  question: string;
  askedAt: string;
  answer?: { text: string; by: string; at: string };
}

export type ConsultationState = 'open' | 'answered';

export const consultationState = (consultation: Pick<Consultation, 'answer'>): ConsultationState => (consultation.answer ? 'answered' : 'open');

/** The message for a personal identity number in a text: the 400 names the field and says what to do. */
export const PERSONAL_NUMBER_IN_TEXT = 'contains a personal identity number; a consultation must not identify the child, remove the number';

/** Refuses a text that contains a valid personal or coordination number, in any of the ways one is written. */
const withoutPersonalNumber = z.refine<string>((value) => findPersonalNumber(value) === null, PERSONAL_NUMBER_IN_TEXT);
const noIdentity = (max: number) => required(max).check(withoutPersonalNumber);

// Built on first use (z.lazy), as every body schema a function may not need on its cold path (case-inputs.ts).
/** POST /api/consultations: {schoolId, language?, reporter: {name, role, email}, question}. */
export const askConsultationSchema = z.lazy(() =>
  z.object({
    schoolId: z.string().check(z.trim(), z.minLength(1, 'choose a school'), z.maxLength(64)),
    language: z._default(z.enum(['sv', 'en'], 'must be "sv" or "en"'), 'sv'),
    reporter: z.object({
      name: noIdentity(120),
      role: noIdentity(120),
      email: z.string().check(z.trim(), z.maxLength(254), z.email('must be a valid email address'), withoutPersonalNumber),
    }),
    question: noIdentity(MAX_QUESTION_LENGTH),
  }),
);
export type AskConsultation = z.output<typeof askConsultationSchema>;

/** POST /api/consultations/{id}/answer: {text}. The answer names no child either. */
export const answerConsultationSchema = z.lazy(() => z.object({ text: noIdentity(MAX_ANSWER_LENGTH) }));

export function newConsultation(input: AskConsultation, route: { id: string; teamId: string; areaId: string; askedAt: Date }): Consultation {
  return {
    id: route.id,
    schoolId: input.schoolId,
    teamId: route.teamId,
    areaId: route.areaId,
    language: input.language,
    reporter: { ...input.reporter, email: input.reporter.email.toLowerCase() },
    question: input.question,
    askedAt: route.askedAt.toISOString(),
  };
}

/** The answered consultation, or null when it was answered already (one answer: the asker reads one). */
export function answerConsultation(consultation: Consultation, text: string, by: string, at: Date): Consultation | null {
  if (consultation.answer) return null;
  return { ...consultation, answer: { text, by, at: at.toISOString() } };
}

/** Epoch seconds when an answered consultation expires (retention days after the answer), like a closed report. */
export function consultationExpiresAt(consultation: Consultation, retentionDays: number): number | undefined {
  if (!consultation.answer) return undefined;
  return Math.floor(Date.parse(consultation.answer.at) / 1000) + retentionDays * 86_400;
}
