// The portal list's pure helpers (core/domain/case-list.ts) and its signed cursor (core/domain/cursor.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  byDueFirst,
  caseFiltersSchema,
  caseListItem,
  childInitials,
  isOverdue,
  matchesFilters,
  matchesQuery,
  nameSearchTokens,
  workload,
  type CaseFilters,
} from '../../core/domain/case-list.ts';
import { decodeCursor, encodeCursor } from '../../core/domain/cursor.ts';
import type { Category } from '../../forms/concern-report/schema.ts';

type Listed = Parameters<typeof matchesFilters>[0] & { closedAt?: string };

let counter = 0;
function report(overrides: Partial<Listed> & { child?: { firstName: string; lastName: string }; categories?: Category[] } = {}): Listed {
  const { child, categories, ...rest } = overrides;
  counter += 1;
  return {
    id: `id-${String(counter).padStart(3, '0')}`,
    reference: 'ORO-2026-AB12-CD34',
    status: 'received',
    urgency: 'normal',
    schoolId: 'ekbacken',
    schoolName: 'Ekbackens skola',
    submittedAt: '2026-11-25T09:00:00.000Z',
    acknowledgeBy: '2026-11-26T16:00:00.000Z',
    feedbackBy: '2026-12-09T16:00:00.000Z',
    submission: {
      child: { firstName: 'Elias', lastName: 'Berg', grade: '4', ...child },
      concern: { categories: categories ?? ['absence', 'home-situation'] },
    },
    ...rest,
  };
}

describe('search by reference or name', () => {
  it('splits a name into folded words', () => {
    expect(nameSearchTokens(' Anna-Karin  ÖBERG ')).toEqual(['anna', 'karin', 'oberg']);
    expect(nameSearchTokens(' - ')).toEqual([]);
  });

  const r = report({ child: { firstName: 'Anna-Karin', lastName: 'Öberg Lind' } });
  it.each([
    ['ORO-2026-AB12-CD34', true],
    [' oro-2026-ab12-cd34 ', true],
    ['ORO-2026-AB12', false], // a reference matches whole
    ['anna', true],
    ['KARIN', true],
    ['oberg', true],
    ['Öberg anna', true],
    ['lind', true],
    ['ann', false], // whole words only
    ['berg', false], // "Öberg" is not "berg"
    ['anna smith', false], // every word must match
    ['', false],
    ['  ', false],
  ])('%j → %s', (q, expected) => expect(matchesQuery(r, q)).toBe(expected));
});

describe('list filters', () => {
  const now = new Date('2026-11-27T10:00:00.000Z');
  const caller = 'sara@ekdala.example';
  const at = (by: string) => ({ email: by, at: '2026-11-25T10:00:00.000Z', by });
  const cases: Array<[string, Listed, CaseFilters, boolean]> = [
    ['no filters', report(), {}, true],
    ['open holds a received report', report(), { status: 'open' }, true],
    ['open excludes a closed one', report({ status: 'closed' }), { status: 'open' }, false],
    ['closed', report({ status: 'closed' }), { status: 'closed' }, true],
    ['urgency', report(), { urgency: 'urgent' }, false],
    ['school', report(), { schoolId: 'ekbacken' }, true],
    ['another school', report(), { schoolId: 'other' }, false],
    ['category', report(), { category: 'home-situation' }, true],
    ['another category', report(), { category: 'neglect' }, false],
    ['assignee me', report({ assignee: at('SARA@ekdala.example') }), { assignee: 'me' }, true],
    ['assignee me, someone else', report({ assignee: at('omar@ekdala.example') }), { assignee: 'me' }, false],
    ['assignee me, nobody', report(), { assignee: 'me' }, false],
    ['assignee none', report(), { assignee: 'none' }, true],
    ['assignee none, taken', report({ assignee: at(caller) }), { assignee: 'none' }, false],
    ['assignee by email', report({ assignee: at('omar@ekdala.example') }), { assignee: 'Omar@ekdala.example' }, true],
    ['overdue: acknowledgement late', report(), { overdue: true }, true],
    ['not overdue', report(), { overdue: false }, false],
    ['acknowledged, feedback not due', report({ status: 'acknowledged' }), { overdue: true }, false],
    ['acknowledged, feedback not due, overdue=false', report({ status: 'acknowledged' }), { overdue: false }, true],
    ['closed is never overdue', report({ status: 'closed' }), { overdue: true }, false],
    ['all at once', report({ assignee: at(caller) }), { status: 'open', urgency: 'normal', schoolId: 'ekbacken', category: 'absence', assignee: 'me', overdue: true }, true],
  ];
  it.each(cases)('%s', (_name, r, filters, expected) => {
    expect(matchesFilters(r, filters, { caller, now })).toBe(expected);
  });

  it('a deadline is overdue from its very moment', () => {
    expect(isOverdue(report(), new Date('2026-11-26T15:59:59.999Z'))).toBe(false);
    expect(isOverdue(report(), new Date('2026-11-26T16:00:00.000Z'))).toBe(true);
  });

  it('validates query-string filters, naming the field', () => {
    expect(caseFiltersSchema.parse({ status: 'open', overdue: 'true', assignee: ' Omar@Ekdala.example ' })).toEqual({
      status: 'open',
      overdue: true,
      assignee: 'omar@ekdala.example',
    });
    expect(caseFiltersSchema.parse({ assignee: 'me', overdue: 'false' })).toEqual({ assignee: 'me', overdue: false });
    const bad = caseFiltersSchema.safeParse({ status: 'all', category: 'nope', assignee: 'someone', overdue: 'yes' });
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['assignee', 'category', 'overdue', 'status']);
  });
});

describe('order, card, workload', () => {
  it('what is due first comes first; closed last, newest closed first', () => {
    const late = report({ id: 'late', acknowledgeBy: '2026-11-27T16:00:00.000Z' });
    const soon = report({ id: 'soon', urgency: 'urgent', acknowledgeBy: '2026-11-25T11:00:00.000Z' });
    const acked = report({ id: 'acked', status: 'acknowledged', feedbackBy: '2026-12-01T16:00:00.000Z' });
    const closedOld = report({ id: 'closed-old', status: 'closed', closedAt: '2026-11-26T10:00:00.000Z' });
    const closedNew = report({ id: 'closed-new', status: 'closed', closedAt: '2026-11-27T10:00:00.000Z' });
    const sorted = [closedOld, acked, late, closedNew, soon].sort(byDueFirst).map((r) => r.id);
    expect(sorted).toEqual(['soon', 'late', 'acked', 'closed-new', 'closed-old']);
  });

  it('byDueFirst is a total order (antisymmetric, and sorting twice changes nothing)', () => {
    const iso = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }).map((t) => new Date(t).toISOString());
    const arbitrary = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      status: fc.constantFrom('received', 'acknowledged', 'closed' as const),
      acknowledgeBy: iso,
      feedbackBy: iso,
      submittedAt: iso,
      closedAt: iso,
    });
    fc.assert(
      fc.property(fc.array(arbitrary, { maxLength: 20 }), (list) => {
        for (const a of list) for (const b of list) expect(Math.sign(byDueFirst(a, b))).toBe(-Math.sign(byDueFirst(b, a)) || 0);
        const once = [...list].sort(byDueFirst);
        expect([...once].sort(byDueFirst)).toEqual(once);
      }),
    );
  });

  it.each([
    [{ firstName: 'Elias', lastName: 'Berg' }, 'E. B.'],
    [{ firstName: ' åsa', lastName: 'öberg' }, 'Å. Ö.'],
    [{ firstName: 'A\u030Asa', lastName: 'Lind' }, 'Å. L.'], // a decomposed Å is one letter
  ])('initials of %j: %s', (child, initials) => expect(childInitials(child)).toBe(initials));

  it('a card carries the contract fields and no name', () => {
    const item = caseListItem(report({ assignee: { email: 'sara@ekdala.example', at: 'x', by: 'y' } }), new Date('2026-11-25T10:00:00Z'));
    expect(item).toEqual({
      id: expect.any(String),
      reference: 'ORO-2026-AB12-CD34',
      schoolName: 'Ekbackens skola',
      urgency: 'normal',
      categories: ['absence', 'home-situation'],
      childInitials: 'E. B.',
      grade: '4',
      status: 'received',
      assignee: 'sara@ekdala.example',
      acknowledgeBy: '2026-11-26T16:00:00.000Z',
      feedbackBy: '2026-12-09T16:00:00.000Z',
      overdue: false,
    });
    expect(JSON.stringify(item)).not.toMatch(/Elias|Berg/);
  });

  it('workload counts open and overdue reports per assignee, unassigned first', () => {
    const now = new Date('2026-11-27T10:00:00.000Z');
    const sara = { email: 'sara@ekdala.example', at: 'x', by: 'y' };
    const rows = workload(
      [report(), report({ assignee: sara }), report({ assignee: sara, status: 'acknowledged' }), report({ status: 'closed', assignee: sara })],
      now,
    );
    expect(rows).toEqual([
      { assignee: null, open: 1, overdue: 1 },
      { assignee: 'sara@ekdala.example', open: 2, overdue: 1 },
    ]);
  });
});

describe('the signed cursor', () => {
  const position = z.object({ pk: z.string(), sk: z.string() });
  const key = { pk: 'TEAM#mottagning-norr', sk: '2026-11-25T09:00:00.000Z#id-1' };
  const binding = { secret: 'cursor-secret', caller: 'sara@ekdala.example', filters: { status: 'open', urgency: 'urgent' } };

  it('round-trips the position, and is opaque', () => {
    const cursor = encodeCursor(key, binding);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('TEAM');
    expect(decodeCursor(cursor, { ...binding, schema: position })).toEqual({ ok: true, position: key });
  });

  it('the same filters in another order, an empty filter, or the caller in other case are the same list', () => {
    const cursor = encodeCursor(key, binding);
    const same = { ...binding, caller: ' SARA@ekdala.example', filters: { urgency: 'urgent', status: 'open', schoolId: undefined, q: '' } };
    expect(decodeCursor(cursor, { ...same, schema: position }).ok).toBe(true);
  });

  it.each([
    ['another caller', { ...binding, caller: 'omar@ekdala.example' }],
    ['other filters', { ...binding, filters: { status: 'open' } }],
    ['another filter value', { ...binding, filters: { status: 'closed', urgency: 'urgent' } }],
    ['another search', { ...binding, filters: { ...binding.filters, q: 'berg' } }],
    ['another secret', { ...binding, secret: 'rotated' }],
  ])('refuses a cursor replayed by %s', (_name, other) => {
    const result = decodeCursor(encodeCursor(key, binding), { ...other, schema: position });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/first page/);
  });

  it('refuses a tampered position, a forged signature, garbage, a huge cursor, and a well-signed wrong shape', () => {
    const cursor = encodeCursor(key, binding);
    const [, signature] = cursor.split('.');
    const forged = `${Buffer.from(JSON.stringify({ pk: 'TEAM#other-team', sk: '' })).toString('base64url')}.${signature}`;
    for (const bad of [forged, `${cursor}x`, 'garbage', '', '..', `${cursor}.x`, 'A'.repeat(5000)]) {
      expect(decodeCursor(bad, { ...binding, schema: position }).ok, bad.slice(0, 40)).toBe(false);
    }
    expect(decodeCursor(encodeCursor({ pk: 1 }, binding), { ...binding, schema: position }).ok).toBe(false);
  });

  it('property: any position round-trips; any other caller is refused', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 30 }), { maxKeys: 4 }), fc.emailAddress(), (pos, other) => {
        const schema = z.record(z.string(), z.string());
        expect(decodeCursor(encodeCursor(pos, binding), { ...binding, schema })).toEqual({ ok: true, position: pos });
        if (other.trim().toLowerCase() !== binding.caller) expect(decodeCursor(encodeCursor(pos, binding), { ...binding, caller: other, schema }).ok).toBe(false);
      }),
    );
  });
});
