// The one report factory of the tests: a new report (and its first audit event) as the submit use case makes it,
// from the design's example submission with the given changes, routed by the sample directory.
import { randomUUID } from 'node:crypto';
import type { Directory } from '../../core/directory/directory.ts';
import { createReport, type AuditEvent, type Report } from '../../core/domain/report.ts';
import { routeReport } from '../../core/domain/routing.ts';
import { concernReportForm } from '../../forms/concern-report/index.ts';
import { sampleDirectory } from './fakes/index.ts';
import { validSubmission } from './submission.ts';

export interface NewReportOptions {
  at: Date;
  id?: string;
  /** Changes to the example body, merged one level deep (`{ reporter: { email } }`). */
  body?: Record<string, unknown>;
  directory?: Directory;
}

export function newReportWithAudit(options: NewReportOptions): { report: Report; audit: AuditEvent } {
  const submission = concernReportForm.schema.parse(validSubmission(options.body));
  const directory = options.directory ?? sampleDirectory;
  return createReport({
    submissionId: options.id ?? randomUUID(),
    submission,
    bodyHash: 'test',
    route: routeReport(directory, submission.schoolId),
    policy: concernReportForm.deadlines,
    now: options.at,
  });
}

export function newReport(options: NewReportOptions): Report {
  return newReportWithAudit(options).report;
}
