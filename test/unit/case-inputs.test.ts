// The second slice's route bodies (core/domain/case-inputs.ts): what passes is what the state changes take,
// and each refusal names its field.
import { describe, expect, it } from 'vitest';
import {
  acknowledgeBodySchema,
  assignBodySchema,
  caseSystemRefBodySchema,
  forwardBodySchema,
  noteBodySchema,
  outcomeBodySchema,
  threadMessageBodySchema,
} from '../../core/domain/case-inputs.ts';
import type { OutcomeInput } from '../../core/domain/outcomes.ts';
import type { ProtectionAssessmentResult } from '../../core/domain/report.ts';

const paths = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')).sort() ?? [];

describe('route bodies', () => {
  it('acknowledge requires the protection assessment', () => {
    const ok = acknowledgeBodySchema.parse({ protectionAssessment: { result: 'immediate-protection-needed', note: ' x ' } });
    const result: ProtectionAssessmentResult = ok.protectionAssessment.result;
    expect(result).toBe('immediate-protection-needed');
    expect(ok.protectionAssessment.note).toBe('x');
    expect(paths(acknowledgeBodySchema.safeParse({}))).toEqual(['protectionAssessment']);
    expect(paths(acknowledgeBodySchema.safeParse({ protectionAssessment: { result: 'fine' } }))).toEqual(['protectionAssessment.result']);
  });

  it.each([
    [{ outcome: 'investigation-opened' }, []],
    [{ outcome: 'already-ongoing', note: 'n', deliveredVia: 'phone' }, []],
    [{ outcome: 'already-ongoing', deliveredVia: 'pigeon' }, ['deliveredVia']],
    [{ outcome: 'forwarded-to-other-municipality', municipality: 'Grannby' }, []],
    [{ outcome: 'forwarded-to-other-municipality', municipality: '  ' }, ['municipality']],
    [{ outcome: 'forwarded-to-other-municipality' }, ['municipality']],
    [{ outcome: 'not-given-inappropriate', reason: 'r' }, []],
    [{ outcome: 'not-given-inappropriate' }, ['reason']],
    [{ outcome: 'maybe' }, ['outcome']],
  ])('feedback %j → problems at %j', (body, expected) => {
    const parsed = outcomeBodySchema.safeParse(body);
    expect(paths(parsed)).toEqual(expected);
    if (parsed.success) {
      const input: OutcomeInput = parsed.data; // what recordOutcome takes
      expect(input.outcome).toBe(body.outcome);
    }
  });

  it('the other bodies name their fields', () => {
    expect(assignBodySchema.parse({ assignee: ' Sara@Ekdala.example ' })).toEqual({ assignee: 'sara@ekdala.example' });
    expect(assignBodySchema.parse({ assignee: null })).toEqual({ assignee: null });
    expect(paths(assignBodySchema.safeParse({ assignee: 'sara' }))).toEqual(['assignee']);
    expect(paths(forwardBodySchema.safeParse({ teamId: '', reason: '' }))).toEqual(['reason', 'teamId']);
    expect(outcomeBodySchema.safeParse({ outcome: 'not-given-inappropriate' }).error?.issues[0]?.message).toBe('say why feedback would be inappropriate');
    expect(paths(noteBodySchema.safeParse({ text: 'x'.repeat(5_001) }))).toEqual(['text']);
    expect(paths(caseSystemRefBodySchema.safeParse({ ref: ' ' }))).toEqual(['ref']);
    expect(paths(threadMessageBodySchema.safeParse({ text: '\uD800' }))).toEqual(['text']);
    expect(threadMessageBodySchema.parse({ text: ' Monday ' })).toEqual({ text: 'Monday' });
  });
});
