// The concern report's form definition: schema, texts and deadline policy in one place.
import { concernReportDeadlines } from './policy.ts';
import { concernReportTexts } from './labels.ts';
import { concernReportJsonSchema, concernReportSchema } from './schema.ts';

export * from './schema.ts';
export { concernReportTexts } from './labels.ts';

export const concernReportForm = {
  id: 'concern-report',
  schema: concernReportSchema,
  jsonSchema: concernReportJsonSchema,
  texts: concernReportTexts,
  deadlines: concernReportDeadlines,
} as const;
