// The closed days computed in core/domain/closed-days.ts against the swedish-holidays package, the reference
// (which the calendar no longer loads at run time, for cold start): the same days for every year from 1900 to 2300.
import { getHolidays } from 'swedish-holidays';
import { describe, expect, it } from 'vitest';
import { closedDaysOf } from '../../core/domain/closed-days.ts';

const CLOSED_EVES = new Set(['Midsommarafton', 'Julafton', 'Nyårsafton']);
const pad = (n: number) => String(n).padStart(2, '0');

function referenceClosedDays(year: number): string[] {
  return getHolidays(year)
    .filter((holiday) => holiday.isPublicHoliday || CLOSED_EVES.has(holiday.name))
    .map((holiday) => `${holiday.year}-${pad(holiday.month)}-${pad(holiday.day)}`)
    .sort();
}

describe('the days Swedish offices are closed', () => {
  it('are the public holidays and the three eves of the swedish-holidays package, every year 1900–2300', () => {
    const differing: string[] = [];
    for (let year = 1900; year <= 2300; year++) {
      const [ours, reference] = [closedDaysOf(year), referenceClosedDays(year)];
      if (ours.join() !== reference.join()) differing.push(`${year}: ${ours.join()} ≠ ${reference.join()}`);
    }
    expect(differing).toEqual([]);
  });

  it('in 2026: Easter 3–6 April, Midsummer Eve 19 June, All Saints\' Day 31 October', () => {
    expect(closedDaysOf(2026)).toEqual([
      '2026-01-01', '2026-01-06', '2026-04-03', '2026-04-05', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-24',
      '2026-06-06', '2026-06-19', '2026-06-20', '2026-10-31', '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31',
    ]);
  });
});
