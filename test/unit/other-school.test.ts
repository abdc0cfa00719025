// "My school is not in the list" (DESIGN.md, "Second slice": `schoolId: "other"` with `schoolName`, required then):
// the report goes to the fallback team, flagged, with the typed name kept in the submission.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../core/app/errors.ts';
import { submitReport } from '../../core/app/submit-report.ts';
import { atLocalTime } from '../../core/domain/calendar.ts';
import { fixedClock, MemoryReportStore, sampleDirectory, sampleDirectorySource } from '../support/fakes/index.ts';
import { validSubmission } from '../support/submission.ts';

const deps = () => ({ reports: new MemoryReportStore(), directory: sampleDirectorySource, clock: fixedClock(atLocalTime('2026-11-25', '10:00')) });

describe('my school is not in the list', () => {
  it('requires the school name, naming the field (blank to a person counts as missing)', async () => {
    for (const schoolName of [undefined, '', ' \u200b ']) {
      const body = validSubmission({ schoolId: 'other', ...(schoolName === undefined ? {} : { schoolName }) });
      const error = await submitReport(deps(), { submissionId: randomUUID(), fields: body, channel: 'json' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).errors.map((e) => e.path)).toEqual(['schoolName']);
    }
  });

  it('routes to the fallback team, flagged, with the typed name kept', async () => {
    const d = deps();
    const id = randomUUID();
    await submitReport(d, { submissionId: id, fields: validSubmission({ schoolId: 'other', schoolName: ' Friskolan Lärkan ' }), channel: 'json' });
    const report = (await d.reports.get(id))!.report;
    expect(report).toMatchObject({ teamId: sampleDirectory.fallbackTeamId, routedToFallback: true, schoolName: null });
    expect(report.submission.schoolName).toBe('Friskolan Lärkan');
  });
});
