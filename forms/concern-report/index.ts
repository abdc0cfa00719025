// The concern report's form definition: schema, texts and deadline policy in one place. Its JSON Schema is in
// json-schema.ts, imported only where it is served.
import { concernReportDeadlines } from './policy.ts';
import { concernReportTexts } from './labels.ts';
import { concernReportSchema } from './schema.ts';

export * from './schema.ts';
export { concernReportTexts } from './labels.ts';

export const concernReportForm = {
  id: 'concern-report',
  schema: concernReportSchema,
  texts: concernReportTexts,
  deadlines: concernReportDeadlines,
} as const;
