// The reporter's status use case against the in-memory store: no emulator.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../core/app/errors.ts';
import { parseStatusKeyring } from '../../../core/config/status-keyring.ts';
import { reporterStatus } from '../../../core/app/reporter-status.ts';
import { submitReport } from '../../../core/app/submit-report.ts';
import { atLocalTime } from '../../../core/domain/calendar.ts';
import { signStatusToken } from '../../../core/domain/status-token.ts';
import { exampleSubmission } from '../../../forms/concern-report/example.ts';
import { fixedClock, MemoryReportStore, sampleDirectorySource } from '../../support/fakes/index.ts';

const SECRET = 'unit-test-status-secret-0123456789';

describe("the reporter's status (use case)", () => {
  it('answers the status by a signed token, never the content; an altered token is not found', async () => {
    const reports = new MemoryReportStore();
    const id = randomUUID();
    await submitReport({ reports, directory: sampleDirectorySource, clock: fixedClock(atLocalTime('2026-11-25', '10:00')) }, { submissionId: id, fields: exampleSubmission(), channel: 'json' });
    const deps = { reports, statusKeys: async () => parseStatusKeyring(SECRET) };
    const token = signStatusToken(id, SECRET);
    const status = await reporterStatus(deps, token);
    expect(status).toMatchObject({ status: 'received', outcome: null, acknowledgedAt: null });
    expect(JSON.stringify(status)).not.toContain('Elias');
    await expect(reporterStatus(deps, `${token.slice(0, -2)}xx`)).rejects.toBeInstanceOf(NotFoundError);
    await expect(reporterStatus(deps, signStatusToken(randomUUID(), SECRET))).rejects.toBeInstanceOf(NotFoundError);
  });
});
