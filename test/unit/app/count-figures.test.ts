// The count-changes use case over the in-memory figures store: once per version, in any order, forwarding moves.
import { describe, expect, it } from 'vitest';
import { countChanges } from '../../../core/app/figures/count-changes.ts';
import { rebuildFigures } from '../../../core/app/figures/rebuild-figures.ts';
import type { Countable } from '../../../core/app/ports/figures-store.ts';
import { atLocalTime } from '../../../core/domain/calendar.ts';
import { contributionOf } from '../../../core/domain/figures.ts';
import type { Report } from '../../../core/domain/report.ts';
import { MemoryFiguresStore } from '../../support/fakes/index.ts';
import { newReport } from '../../support/reports.ts';

const countable = (report: Report, version: number): Countable => ({ subject: `REPORT#${report.id}`, version, contribution: contributionOf(report) });

describe('count changes (use case)', () => {
  it('counts a version once: a retried record and an older record arriving late add nothing', async () => {
    const figures = new MemoryFiguresStore();
    const report = newReport({ at: atLocalTime('2026-11-02', '09:00') });
    const moved = { ...report, teamId: 'mottagning-syd' };
    expect(await countChanges(figures, [{ id: '1', countable: countable(report, 1) }, { id: '1', countable: countable(report, 1) }])).toEqual([]);
    await countChanges(figures, [{ id: '2', countable: countable(moved, 2) }, { id: '1', countable: countable(report, 1) }]);
    expect(figures.nonEmptyRows()).toEqual([{ month: '2026-11', teamId: 'mottagning-syd', areaId: report.areaId, schoolId: report.schoolId, counts: { reports: 1 } }]);
  });

  it('nothing to count (a TTL removal, an audit event) is skipped; a failing store returns the record to retry', async () => {
    const figures = new MemoryFiguresStore();
    const report = newReport({ at: atLocalTime('2026-11-02', '09:00') });
    expect(await countChanges(figures, [{ id: '1', countable: null }])).toEqual([]);
    const failing = Object.assign(Object.create(figures) as MemoryFiguresStore, { count: async () => { throw new Error('outage'); } });
    expect(await countChanges(failing, [{ id: '7', countable: countable(report, 1) }])).toEqual(['7']);
    expect(figures.nonEmptyRows()).toEqual([]);
  });

  it('a rebuild gives the rows the counter keeps', async () => {
    const figures = new MemoryFiguresStore();
    const reports = [0, 1, 2].map((i) => newReport({ at: atLocalTime('2026-11-0' + (i + 2), '09:00') }));
    await countChanges(figures, reports.map((r, i) => ({ id: String(i), countable: countable(r, 1) })));
    const counted = figures.nonEmptyRows();
    const rebuilt = new MemoryFiguresStore();
    await rebuildFigures(rebuilt, { countables: async function* () { yield* reports.map((r) => countable(r, 1)); } });
    expect(rebuilt.nonEmptyRows()).toEqual(counted);
  });
});
