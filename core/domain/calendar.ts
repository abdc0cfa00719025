// Swedish working-day calendar in Stockholm local time. Pure: no I/O, no AWS.
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { getHolidays } from 'swedish-holidays';

export const TIME_ZONE = 'Europe/Stockholm';

/** A local calendar day in Stockholm, as `YYYY-MM-DD`. */
export type LocalDay = string;

/** "HH:MM" on a 24-hour clock, Stockholm local time. */
export type LocalTime = `${number}:${number}`;

// The eves that are not public holidays by law but are treated as Sundays in Swedish working life
// (offices are closed): Midsummer Eve, Christmas Eve and New Year's Eve.
const CLOSED_EVES = new Set(['Midsommarafton', 'Julafton', 'Nyårsafton']);

const closedDaysByYear = new Map<number, Set<LocalDay>>();

function closedDays(year: number): Set<LocalDay> {
  let days = closedDaysByYear.get(year);
  if (!days) {
    days = new Set(
      getHolidays(year)
        .filter((holiday) => holiday.isPublicHoliday || CLOSED_EVES.has(holiday.name))
        .map((holiday) => formatDay(holiday.year, holiday.month, holiday.day)),
    );
    closedDaysByYear.set(year, days);
  }
  return days;
}

function formatDay(year: number, month: number, day: number): LocalDay {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseDay(day: LocalDay): [number, number, number] {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return [year, month, date];
}

/** The Stockholm calendar day that contains this instant. */
export function localDayOf(instant: Date): LocalDay {
  const local = new TZDate(instant.getTime(), TIME_ZONE);
  return formatDay(local.getFullYear(), local.getMonth() + 1, local.getDate());
}

/** The Stockholm wall-clock time of this instant, as "HH:MM". */
export function localTimeOf(instant: Date): LocalTime {
  const local = new TZDate(instant.getTime(), TIME_ZONE);
  return `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}` as LocalTime;
}

/** Minutes after midnight on a wall clock, so that two local times compare as numbers ("8:00" < "17:00"). */
export function minutesOf(time: LocalTime): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

/** The instant at which the clock in Stockholm shows `time` on `day` (daylight saving time correct). */
export function atLocalTime(day: LocalDay, time: LocalTime): Date {
  const [year, month, date] = parseDay(day);
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, date, hours, minutes, 0, 0, TIME_ZONE).getTime());
}

export function addLocalDays(day: LocalDay, days: number): LocalDay {
  const [year, month, date] = parseDay(day);
  const next = new Date(Date.UTC(year, month - 1, date + days));
  return formatDay(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/** Same wall-clock time `days` calendar days later in Stockholm (so 14 days across a DST change is 14×24h ± 1h). */
export function addCalendarDays(instant: Date, days: number): Date {
  return new Date(addDays(new TZDate(instant.getTime(), TIME_ZONE), days).getTime());
}

export function isWorkingDay(day: LocalDay): boolean {
  const [year, month, date] = parseDay(day);
  const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !closedDays(year).has(day);
}

/** The first working day strictly after `day`. */
export function nextWorkingDay(day: LocalDay): LocalDay {
  let candidate = addLocalDays(day, 1);
  while (!isWorkingDay(candidate)) candidate = addLocalDays(candidate, 1);
  return candidate;
}

/** The last working day strictly before `day`. */
export function previousWorkingDay(day: LocalDay): LocalDay {
  let candidate = addLocalDays(day, -1);
  while (!isWorkingDay(candidate)) candidate = addLocalDays(candidate, -1);
  return candidate;
}

/** `day` itself when it is a working day, else the next one. */
export function workingDayOnOrAfter(day: LocalDay): LocalDay {
  return isWorkingDay(day) ? day : nextWorkingDay(day);
}

/** Whole working days strictly after `from`'s day up to and including `to`'s day. */
export function workingDaysBetween(from: Date, to: Date): number {
  let count = 0;
  let day = localDayOf(from);
  const last = localDayOf(to);
  while (day < last) {
    day = addLocalDays(day, 1);
    if (isWorkingDay(day)) count++;
  }
  return count;
}
