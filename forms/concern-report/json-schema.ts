// The JSON Schema of the submission body, as served at GET /api/forms/concern-report. Its own file, imported only
// where it is served (and there on first use): zod's JSON Schema processors are a cold-start cost every other
// function would pay for nothing (bench/COLD-START.md).
import * as z from 'zod/mini';
import { concernReportSchema } from './schema.ts';

export function concernReportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(concernReportSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
