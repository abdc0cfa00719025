import { describe, expect, it } from 'vitest';
import { atLocalTime, isWorkingDay, nextWorkingDay } from '../../core/domain/calendar.ts';
import { computeDeadlines } from '../../core/domain/deadlines.ts';
import { concernReportDeadlines as policy } from '../../forms/concern-report/policy.ts';

const stockholm = (day: string, time: `${number}:${number}`) => atLocalTime(day, time);

describe('the Swedish working-day calendar', () => {
  it('treats weekends, public holidays and the closed eves as non-working days', () => {
    expect(isWorkingDay('2026-11-25')).toBe(true); // a Wednesday
    expect(isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(isWorkingDay('2026-06-19')).toBe(false); // Midsummer Eve
    expect(isWorkingDay('2026-12-24')).toBe(false); // Christmas Eve
    expect(isWorkingDay('2026-12-31')).toBe(false); // New Year's Eve
    expect(isWorkingDay('2026-01-06')).toBe(false); // Epiphany
    expect(isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(isWorkingDay('2026-04-06')).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-05-14')).toBe(false); // Ascension Day
    expect(isWorkingDay('2026-04-30')).toBe(true); // Walpurgis Night is a working day
  });

  it('finds the next working day across long weekends', () => {
    expect(nextWorkingDay('2026-12-23')).toBe('2026-12-28');
    expect(nextWorkingDay('2026-06-18')).toBe('2026-06-22');
    expect(nextWorkingDay('2026-12-30')).toBe('2027-01-04'); // 31 Dec, 1 Jan, weekend
  });

  it('places local times correctly on both sides of a daylight saving change', () => {
    expect(stockholm('2026-10-23', '17:00').toISOString()).toBe('2026-10-23T15:00:00.000Z'); // CEST, UTC+2
    expect(stockholm('2026-10-26', '17:00').toISOString()).toBe('2026-10-26T16:00:00.000Z'); // CET, UTC+1
  });
});

describe('deadlines of a concern report', () => {
  it('normal: acknowledge by the end of the next working day, feedback 14 days later, reminder 2 days before', () => {
    const submitted = stockholm('2026-11-25', '10:15'); // Wednesday
    const deadlines = computeDeadlines(submitted, 'normal', policy);
    expect(deadlines.acknowledgeBy).toBe(stockholm('2026-11-26', '17:00').toISOString());
    expect(deadlines.feedbackBy).toBe(stockholm('2026-12-09', '10:15').toISOString());
    expect(deadlines.reminderAt).toBe(stockholm('2026-12-07', '10:15').toISOString());
  });

  it('across the end of daylight saving time (last Sunday of October) keeps the wall-clock time', () => {
    const submitted = stockholm('2026-10-23', '10:00'); // Friday, CEST
    const deadlines = computeDeadlines(submitted, 'normal', policy);
    // Next working day is Monday 26 October, already winter time.
    expect(deadlines.acknowledgeBy).toBe('2026-10-26T16:00:00.000Z');
    // 14 days later at 10:00 local is 09:00Z, i.e. 14 × 24 h + 1 h after submission.
    expect(deadlines.feedbackBy).toBe('2026-11-06T09:00:00.000Z');
    expect(new Date(deadlines.feedbackBy).getTime() - submitted.getTime()).toBe((14 * 24 + 1) * 3_600_000);
  });

  it('on the Friday before Midsummer (Midsummer Eve) and the Thursday before it', () => {
    const thursday = computeDeadlines(stockholm('2026-06-18', '14:00'), 'normal', policy);
    expect(thursday.acknowledgeBy).toBe(stockholm('2026-06-22', '17:00').toISOString());
    const midsummerEve = computeDeadlines(stockholm('2026-06-19', '09:00'), 'normal', policy);
    expect(midsummerEve.acknowledgeBy).toBe(stockholm('2026-06-22', '17:00').toISOString());
  });

  it('on 23 December: acknowledged after Christmas, on Monday 28 December', () => {
    const deadlines = computeDeadlines(stockholm('2026-12-23', '15:30'), 'normal', policy);
    expect(deadlines.acknowledgeBy).toBe(stockholm('2026-12-28', '17:00').toISOString());
    expect(deadlines.feedbackBy).toBe(stockholm('2027-01-06', '15:30').toISOString());
  });

  it('urgent at 23:30: acknowledge within 2 clock hours, through the night, no reminder', () => {
    const submitted = stockholm('2026-12-23', '23:30');
    const deadlines = computeDeadlines(submitted, 'urgent', policy);
    expect(deadlines.acknowledgeBy).toBe(stockholm('2026-12-24', '01:30').toISOString());
    expect(deadlines.reminderAt).toBeUndefined();
    expect(deadlines.feedbackBy).toBe(stockholm('2027-01-06', '23:30').toISOString());
  });

  it('urgent in the repeated hour of the DST change counts real hours', () => {
    const submitted = new Date('2026-10-25T00:30:00Z'); // 02:30 CEST, just before clocks go back
    const deadlines = computeDeadlines(submitted, 'urgent', policy);
    expect(deadlines.acknowledgeBy).toBe('2026-10-25T02:30:00.000Z'); // 03:30 CET
  });

  it('a report on a Saturday is acknowledged by Monday evening', () => {
    const deadlines = computeDeadlines(stockholm('2026-11-28', '11:00'), 'normal', policy);
    expect(deadlines.acknowledgeBy).toBe(stockholm('2026-11-30', '17:00').toISOString());
  });
});
