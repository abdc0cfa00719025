// A valid submission body for tests: the design's example (forms/concern-report/example.ts) with changes.
import { exampleSubmission } from '../../forms/concern-report/example.ts';

/** A valid submission body (the design's example), with overrides merged one level deep. */
export function validSubmission(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base = exampleSubmission() as Record<string, Record<string, unknown> | string>;
  for (const [key, value] of Object.entries(overrides)) {
    const current = base[key];
    base[key] =
      typeof value === 'object' && value !== null && !Array.isArray(value) && typeof current === 'object'
        ? { ...current, ...(value as Record<string, unknown>) }
        : (value as string);
  }
  return base;
}
