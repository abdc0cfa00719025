// Deadlines and out-of-hours decisions, in Swedish time (Europe/Stockholm). Each table names its cases by the
// local moment of submission; the expectations are local moments too, turned into instants by the calendar.
// 2026: spring DST change Sunday 29 March (02:00 → 03:00), autumn Sunday 25 October (03:00 → 02:00);
// Midsummer Eve Friday 19 June; Christmas Eve Thursday 24 December; New Year's Eve Thursday 31 December.
import { describe, expect, it } from 'vitest';
import { atLocalTime, isWorkingDay, nextWorkingDay, previousWorkingDay, type LocalTime } from '../../core/domain/calendar.ts';
import { computeDeadlines, type Urgency } from '../../core/domain/deadlines.ts';
import type { OfficeHours } from '../../core/domain/office-hours.ts';
import { escalationRecipient, needsOutOfHoursService } from '../../core/domain/out-of-hours.ts';
import { concernReportDeadlines as policy } from '../../forms/concern-report/policy.ts';

const sthlm = (day: string, time: LocalTime) => atLocalTime(day, time);
const iso = (day: string, time: LocalTime) => sthlm(day, time).toISOString();
/** "2026-11-25 10:15" → the instant. */
const moment = (local: string) => {
  const [day, time] = local.split(' ') as [string, LocalTime];
  return sthlm(day, time);
};

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
    expect(isWorkingDay('2027-06-25')).toBe(false); // Midsummer Eve 2027
    expect(isWorkingDay('2027-12-24')).toBe(false); // Christmas Eve 2027
  });

  it('finds the next and the previous working day across long weekends', () => {
    expect(nextWorkingDay('2026-12-23')).toBe('2026-12-28');
    expect(nextWorkingDay('2026-06-18')).toBe('2026-06-22');
    expect(nextWorkingDay('2026-12-30')).toBe('2027-01-04'); // 31 Dec, 1 Jan, weekend
    expect(previousWorkingDay('2026-12-28')).toBe('2026-12-23');
    expect(previousWorkingDay('2026-06-22')).toBe('2026-06-18');
    expect(previousWorkingDay('2027-01-04')).toBe('2026-12-30');
  });

  it('places local times correctly on both sides of a daylight saving change', () => {
    expect(iso('2026-10-23', '17:00')).toBe('2026-10-23T15:00:00.000Z'); // CEST, UTC+2
    expect(iso('2026-10-26', '17:00')).toBe('2026-10-26T16:00:00.000Z'); // CET, UTC+1
    expect(iso('2026-03-27', '17:00')).toBe('2026-03-27T16:00:00.000Z'); // CET
    expect(iso('2026-03-30', '17:00')).toBe('2026-03-30T15:00:00.000Z'); // CEST
  });
});

describe('acknowledgement (protection assessment) of a normal report: 17:00 the same day before 15:00 on a working day, else 12:00 the next working day', () => {
  it.each([
    ['Wednesday 10:15', '2026-11-25 10:15', '2026-11-25 17:00'],
    ['Wednesday 14:59', '2026-11-25 14:59', '2026-11-25 17:00'],
    ['Wednesday 15:00 (too late for the same day)', '2026-11-25 15:00', '2026-11-26 12:00'],
    ['Wednesday night 23:40', '2026-11-25 23:40', '2026-11-26 12:00'],
    ['Thursday night 03:00, before the office opens', '2026-11-26 03:00', '2026-11-26 17:00'],
    ['Friday 16:00', '2026-11-27 16:00', '2026-11-30 12:00'],
    ['Saturday 11:00', '2026-11-28 11:00', '2026-11-30 12:00'],
    ['Sunday night 23:59', '2026-11-29 23:59', '2026-11-30 12:00'],
    ['Thursday before Midsummer Eve 14:00', '2026-06-18 14:00', '2026-06-18 17:00'],
    ['Thursday before Midsummer Eve 15:30', '2026-06-18 15:30', '2026-06-22 12:00'],
    ['Midsummer Eve 09:00', '2026-06-19 09:00', '2026-06-22 12:00'],
    ['23 December 15:30', '2026-12-23 15:30', '2026-12-28 12:00'],
    ['Christmas Eve 10:00', '2026-12-24 10:00', '2026-12-28 12:00'],
    ['30 December 16:00', '2026-12-30 16:00', '2027-01-04 12:00'],
    ["New Year's Eve 10:00", '2026-12-31 10:00', '2027-01-04 12:00'],
    ['Friday 16:00 before summer time ends (CEST → CET on Monday)', '2026-10-23 16:00', '2026-10-26 12:00'],
    ['Sunday 02:30 in the repeated hour (autumn)', '2026-10-25 02:30', '2026-10-26 12:00'],
    ['Monday 10:00 after summer time ended', '2026-10-26 10:00', '2026-10-26 17:00'],
    ['Friday 16:00 before summer time begins (CET → CEST on Monday)', '2026-03-27 16:00', '2026-03-30 12:00'],
    ['Sunday 03:30 just after the clocks went forward', '2026-03-29 03:30', '2026-03-30 12:00'],
    ['Monday 09:00 after summer time began', '2026-03-30 09:00', '2026-03-30 17:00'],
  ])('%s', (_name, submitted, due) => {
    expect(computeDeadlines(moment(submitted), 'normal', policy).acknowledgeBy).toBe(moment(due).toISOString());
  });

  it('ends at the team’s own closing time, and not the same day once that team has closed', () => {
    const closesAt16: OfficeHours = { opens: '08:00', closes: '16:00' };
    const closesAt14: OfficeHours = { opens: '07:00', closes: '14:00' };
    expect(computeDeadlines(moment('2026-11-25 10:00'), 'normal', policy, closesAt16).acknowledgeBy).toBe(iso('2026-11-25', '16:00'));
    expect(computeDeadlines(moment('2026-11-25 14:30'), 'normal', policy, closesAt14).acknowledgeBy).toBe(iso('2026-11-26', '12:00'));
  });
});

describe('acknowledgement of an urgent report: 2 clock hours, night and holidays included', () => {
  it.each([
    ['Saturday night 01:17', '2026-11-28T00:17:00.000Z', '2026-11-28T02:17:00.000Z'], // 01:17 → 03:17
    ['23 December 23:30 into Christmas Eve', iso('2026-12-23', '23:30'), iso('2026-12-24', '01:30')],
    ['Midsummer Eve 10:00', iso('2026-06-19', '10:00'), iso('2026-06-19', '12:00')],
    ["New Year's Eve 23:00 into the new year", iso('2026-12-31', '23:00'), iso('2027-01-01', '01:00')],
    // 01:30 CEST; two real hours later the clock shows 02:30 CET (the second 02:30).
    ['Sunday 01:30 as summer time ends', '2026-10-24T23:30:00.000Z', '2026-10-25T01:30:00.000Z'],
    // 01:30 CET; two real hours later the clock shows 04:30 CEST (02:00-03:00 does not exist).
    ['Sunday 01:30 as summer time begins', '2026-03-29T00:30:00.000Z', '2026-03-29T02:30:00.000Z'],
  ])('%s', (_name, submitted, due) => {
    expect(computeDeadlines(new Date(submitted), 'urgent', policy).acknowledgeBy).toBe(due);
    expect(computeDeadlines(new Date(submitted), 'urgent', policy).reminderAt).toBeUndefined();
  });

  it('the autumn case shows 02:30 on the Stockholm clock, the spring case 04:30', () => {
    expect(new Date('2026-10-25T01:30:00.000Z').toLocaleTimeString('sv-SE', { timeZone: 'Europe/Stockholm' })).toBe('02:30:00');
    expect(new Date('2026-03-29T02:30:00.000Z').toLocaleTimeString('sv-SE', { timeZone: 'Europe/Stockholm' })).toBe('04:30:00');
  });
});

describe('feedback: by 17:00 on day 14 after submission, or the next working day’s 17:00 if that day is closed; reminder 08:00 two working days before', () => {
  it.each<[string, string, Urgency, string, string | undefined]>([
    ['Wednesday 10:15', '2026-11-25 10:15', 'normal', '2026-12-09 17:00', '2026-12-07 08:00'],
    ['Wednesday night 23:50', '2026-11-25 23:50', 'normal', '2026-12-09 17:00', '2026-12-07 08:00'],
    // The case: 01:09 on a Monday was due "Monday 14 December 01:09", reminded on a Saturday.
    ['Monday night 01:09', '2026-11-30 01:09', 'normal', '2026-12-14 17:00', '2026-12-10 08:00'],
    ['Saturday 11:00 (day 14 is a Saturday)', '2026-11-28 11:00', 'normal', '2026-12-14 17:00', '2026-12-10 08:00'],
    ['5 June (day 14 is Midsummer Eve)', '2026-06-05 10:00', 'normal', '2026-06-22 17:00', '2026-06-17 08:00'],
    ['10 December (day 14 is Christmas Eve)', '2026-12-10 10:00', 'normal', '2026-12-28 17:00', '2026-12-22 08:00'],
    ["17 December (day 14 is New Year's Eve)", '2026-12-17 10:00', 'normal', '2027-01-04 17:00', '2026-12-29 08:00'],
    ['23 December (day 14 is Epiphany)', '2026-12-23 15:30', 'normal', '2027-01-07 17:00', '2027-01-04 08:00'],
    ['Friday 23 October, summer time (feedback in winter time)', '2026-10-23 10:00', 'normal', '2026-11-06 17:00', '2026-11-04 08:00'],
    ['Tuesday 13 October (reminder in summer time, feedback in winter time)', '2026-10-13 10:00', 'normal', '2026-10-27 17:00', '2026-10-23 08:00'],
    ['Tuesday 17 March (reminder in winter time, feedback in summer time)', '2026-03-17 10:00', 'normal', '2026-03-31 17:00', '2026-03-27 08:00'],
    ['Friday 20 March (day 14 is Good Friday, then Easter)', '2026-03-20 10:00', 'normal', '2026-04-07 17:00', '2026-04-01 08:00'],
    ['urgent, Saturday night 01:17: same feedback rule, no reminder', '2026-11-28 01:17', 'urgent', '2026-12-14 17:00', undefined],
  ])('%s', (_name, submitted, urgency, feedback, reminder) => {
    const deadlines = computeDeadlines(moment(submitted), urgency, policy);
    expect(deadlines.feedbackBy).toBe(moment(feedback).toISOString());
    expect(deadlines.reminderAt).toBe(reminder ? moment(reminder).toISOString() : undefined);
  });

  it('the reminder always falls on a working day with working days left before feedback', () => {
    for (let day = 0; day < 366; day++) {
      const submitted = new Date(sthlm('2026-01-01', '13:00').getTime() + day * 86_400_000);
      const { reminderAt, feedbackBy } = computeDeadlines(submitted, 'normal', policy);
      const reminderDay = new Date(reminderAt!).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
      const feedbackDay = new Date(feedbackBy).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
      expect(isWorkingDay(reminderDay), reminderDay).toBe(true);
      expect(isWorkingDay(feedbackDay), feedbackDay).toBe(true);
      expect(nextWorkingDay(nextWorkingDay(reminderDay))).toBe(feedbackDay);
      expect(new Date(reminderAt!).toLocaleTimeString('sv-SE', { timeZone: 'Europe/Stockholm' })).toBe('08:00:00');
      expect(new Date(feedbackBy).toLocaleTimeString('sv-SE', { timeZone: 'Europe/Stockholm' })).toBe('17:00:00');
    }
  });

  it('ends at the team’s own closing time', () => {
    const deadlines = computeDeadlines(moment('2026-11-25 10:15'), 'normal', policy, { opens: '07:30', closes: '16:30' });
    expect(deadlines.feedbackBy).toBe(iso('2026-12-09', '16:30'));
  });
});

describe('the out-of-hours service also gets a normal report arriving after 15:00 on the working day before a closed day, or on a closed day', () => {
  it.each([
    ['Wednesday 16:00 (Thursday is a working day)', '2026-11-25 16:00', false],
    ['Tuesday night 02:00 (a working day follows)', '2026-11-24 02:00', false],
    ['Friday 14:59', '2026-11-27 14:59', false],
    ['Friday 15:00', '2026-11-27 15:00', true],
    ['Friday night 22:00', '2026-11-27 22:00', true],
    ['Saturday 11:00', '2026-11-28 11:00', true],
    ['Sunday night 03:00', '2026-11-29 03:00', true],
    ['Thursday before Midsummer Eve 14:00', '2026-06-18 14:00', false],
    ['Thursday before Midsummer Eve 15:30', '2026-06-18 15:30', true],
    ['Midsummer Eve 10:00', '2026-06-19 10:00', true],
    ['23 December 15:30', '2026-12-23 15:30', true],
    ['Christmas Eve 10:00', '2026-12-24 10:00', true],
    ['30 December 16:00', '2026-12-30 16:00', true],
    ["New Year's Eve 10:00", '2026-12-31 10:00', true],
    ['Friday 15:30 before summer time ends', '2026-10-23 15:30', true],
    ['Sunday 02:30 in the repeated hour (autumn)', '2026-10-25 02:30', true],
    ['Monday 16:00 after summer time ended', '2026-10-26 16:00', false],
    ['Sunday 03:30 just after the clocks went forward', '2026-03-29 03:30', true],
    ['Monday 16:00 after summer time began', '2026-03-30 16:00', false],
  ])('%s', (_name, submitted, expected) => {
    expect(needsOutOfHoursService(moment(submitted), 'normal', policy)).toBe(expected);
  });
});

describe('the out-of-hours service is alerted at once for an urgent report whose 2 hours reach outside the team’s office hours', () => {
  it.each([
    ['Wednesday 10:00 (until 12:00)', '2026-11-25 10:00', false],
    ['Wednesday 15:00 (until 17:00, closing time)', '2026-11-25 15:00', false],
    ['Wednesday 15:01 (past closing)', '2026-11-25 15:01', true],
    ['Wednesday 07:30 (before opening)', '2026-11-25 07:30', true],
    ['Wednesday 08:00 (at opening)', '2026-11-25 08:00', false],
    ['Wednesday night 23:00', '2026-11-25 23:00', true],
    ['Saturday night 01:17', '2026-11-28 01:17', true],
    ['Sunday 12:00', '2026-11-29 12:00', true],
    ['Midsummer Eve 10:00', '2026-06-19 10:00', true],
    ['Christmas Eve 10:00', '2026-12-24 10:00', true],
    ["New Year's Eve 10:00", '2026-12-31 10:00', true],
    ['Sunday 02:30 in the repeated hour (autumn)', '2026-10-25 02:30', true],
    ['Monday 10:00 after summer time ended', '2026-10-26 10:00', false],
    ['Sunday 03:30 just after the clocks went forward', '2026-03-29 03:30', true],
    ['Monday 14:30 after summer time began', '2026-03-30 14:30', false],
  ])('%s', (_name, submitted, expected) => {
    expect(needsOutOfHoursService(moment(submitted), 'urgent', policy)).toBe(expected);
  });

  it('uses the team’s own office hours', () => {
    const closesAt16: OfficeHours = { opens: '08:00', closes: '16:00' };
    expect(needsOutOfHoursService(moment('2026-11-25 14:30'), 'urgent', policy, closesAt16)).toBe(true);
    expect(needsOutOfHoursService(moment('2026-11-25 14:00'), 'urgent', policy, closesAt16)).toBe(false);
    const opensAt07: OfficeHours = { opens: '07:00', closes: '17:00' };
    expect(needsOutOfHoursService(moment('2026-11-25 07:30'), 'urgent', policy, opensAt07)).toBe(false);
  });
});

describe('who gets an escalation: an unacknowledged urgent report goes to the on-call lead outside office hours', () => {
  const urgent = { urgency: 'urgent', status: 'received' } as const;
  it.each([
    ['Wednesday 11:30', '2026-11-25 11:30', 'lead'],
    ['Wednesday 16:59', '2026-11-25 16:59', 'lead'],
    ['Wednesday 17:00 (closed)', '2026-11-25 17:00', 'out-of-hours-lead'],
    ['Wednesday 07:59', '2026-11-25 07:59', 'out-of-hours-lead'],
    ['Wednesday 08:00', '2026-11-25 08:00', 'lead'],
    ['Saturday night 03:17', '2026-11-28 03:17', 'out-of-hours-lead'],
    ['Midsummer Eve 11:30', '2026-06-19 11:30', 'out-of-hours-lead'],
    ['Christmas Eve 11:30', '2026-12-24 11:30', 'out-of-hours-lead'],
    ["New Year's Eve 11:30", '2026-12-31 11:30', 'out-of-hours-lead'],
    ['Sunday 02:00 in the repeated hour (autumn)', '2026-10-25 02:00', 'out-of-hours-lead'],
    ['Monday 08:00 after summer time ended', '2026-10-26 08:00', 'lead'],
    ['Sunday 04:00 after the clocks went forward', '2026-03-29 04:00', 'out-of-hours-lead'],
    ['Monday 08:00 after summer time began', '2026-03-30 08:00', 'lead'],
  ])('%s', (_name, at, expected) => {
    expect(escalationRecipient(urgent, moment(at))).toBe(expected);
  });

  it('a normal report, or an urgent one already acknowledged, waits for the lead', () => {
    expect(escalationRecipient({ urgency: 'normal', status: 'received' }, moment('2026-11-28 03:17'))).toBe('lead');
    expect(escalationRecipient({ urgency: 'urgent', status: 'acknowledged' }, moment('2026-12-14 17:00'))).toBe('lead');
  });
});
