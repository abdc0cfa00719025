// Earlier reports about the same child (core/domain/earlier-reports.ts): within the board only, ids only for the
// caller's own team, one entry per report by its strongest match, newest first.
import { describe, expect, it } from 'vitest';
import { earlierReports, earlierReportsLookedUp, type EarlierReportsContext } from '../../core/domain/earlier-reports.ts';

const boards: Record<string, string> = { norr: 'socialnamnden', syd: 'socialnamnden', city: 'stadsdelsnamnd-city' };
const context: EarlierReportsContext = {
  boardOf: (teamId) => boards[teamId],
  teamName: (teamId) => `Mottagning ${teamId}`,
  callerTeamIds: ['norr'],
};
const current = { id: 'now', teamId: 'norr' };

function candidate(id: string, teamId: string, submittedAt: string, extra: object = {}) {
  return { id, reference: `ORO-${id}`, submittedAt, teamId, status: 'received' as const, ...extra };
}

describe('earlierReports', () => {
  it('shows reports of the same board, never of another board, never the report itself', () => {
    const shown = earlierReports(
      current,
      [
        { report: candidate('own', 'norr', '2026-03-01T09:00:00Z'), matchedBy: 'personal-number' },
        { report: candidate('sister-team', 'syd', '2026-05-01T09:00:00Z'), matchedBy: 'personal-number' },
        { report: candidate('other-board', 'city', '2026-06-01T09:00:00Z'), matchedBy: 'personal-number' },
        { report: candidate('removed-team', 'gone', '2026-06-02T09:00:00Z'), matchedBy: 'personal-number' },
        { report: candidate('now', 'norr', '2026-11-25T09:00:00Z'), matchedBy: 'personal-number' },
      ],
      context,
    );
    expect(shown.map((r) => r.reference)).toEqual(['ORO-sister-team', 'ORO-own']);
  });

  it("gives the id only for the caller's own team's reports, and the outcome and team name for all", () => {
    const closed = candidate('own', 'norr', '2026-03-01T09:00:00Z', {
      status: 'closed',
      closedWithoutFeedback: { outcome: 'forwarded-to-other-municipality', municipality: 'Grannby', note: '', at: 'x', by: 'y' },
    });
    const [sister, own] = earlierReports(
      current,
      [
        { report: closed, matchedBy: 'personal-number' },
        { report: candidate('sister-team', 'syd', '2026-05-01T09:00:00Z'), matchedBy: 'name-and-birth-date' },
      ],
      context,
    );
    expect(own).toEqual({
      id: 'own',
      reference: 'ORO-own',
      submittedAt: '2026-03-01T09:00:00Z',
      teamName: 'Mottagning norr',
      status: 'closed',
      outcome: 'forwarded-to-other-municipality',
      matchedBy: 'personal-number',
      possible: false,
    });
    expect(sister).not.toHaveProperty('id');
    expect(sister).toMatchObject({ teamName: 'Mottagning syd', outcome: null, possible: true });
  });

  it('one entry per report, by its strongest match', () => {
    const report = candidate('own', 'norr', '2026-03-01T09:00:00Z');
    for (const order of [
      ['name-and-birth-date', 'personal-number'],
      ['personal-number', 'name-and-birth-date'],
    ] as const) {
      const shown = earlierReports(current, order.map((matchedBy) => ({ report, matchedBy })), context);
      expect(shown).toHaveLength(1);
      expect(shown[0]).toMatchObject({ matchedBy: 'personal-number', possible: false });
    }
  });

  it('a report of a team no longer in the directory shows nothing', () => {
    expect(earlierReports({ id: 'x', teamId: 'gone' }, [{ report: candidate('own', 'norr', '2026-01-01'), matchedBy: 'personal-number' }], context)).toEqual([]);
  });

  it('each lookup is an audit event with a count, no keys or names', () => {
    expect(earlierReportsLookedUp('now', 'sara@ekdala.example', new Date('2026-11-25T10:00:00Z'), 2)).toEqual({
      reportId: 'now',
      at: '2026-11-25T10:00:00.000Z',
      actor: { kind: 'staff', id: 'sara@ekdala.example' },
      action: 'earlier-reports-looked-up',
      detail: { shown: 2 },
    });
  });
});
