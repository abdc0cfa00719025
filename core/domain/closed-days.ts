// The days Swedish offices are closed: the public holidays of the law on public holidays (lag (1989:253) om
// allmänna helgdagar) and the three eves treated as Sundays in working life (Midsummer Eve, Christmas Eve, New
// Year's Eve). Computed here rather than with the swedish-holidays package at run time: that package is CommonJS,
// ~18 KB evaluated at every cold start of four functions for these few rules (bench/COLD-START.md). The unit test
// checks these days against the package for every year from 1900 to 2300. Pure: no I/O.

/** `YYYY-MM-DD`. */
type Day = string;

const day = (date: Date): Day => date.toISOString().slice(0, 10);
const utc = (year: number, month: number, date: number) => new Date(Date.UTC(year, month - 1, date));
const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

/** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const monthAndDay = h + l - 7 * m + 114;
  return utc(year, Math.floor(monthAndDay / 31), (monthAndDay % 31) + 1);
}

/** The first day from `month`-`from` on that falls on `weekday` (0 Sunday … 6 Saturday). */
function firstWeekdayFrom(year: number, month: number, from: number, weekday: number): Date {
  const start = utc(year, month, from);
  return plusDays(start, (weekday - start.getUTCDay() + 7) % 7);
}

/** Every day of `year` on which Swedish offices are closed besides Saturdays and Sundays, in date order. */
export function closedDaysOf(year: number): Day[] {
  const easter = easterSunday(year);
  return [
    utc(year, 1, 1), // Nyårsdagen
    utc(year, 1, 6), // Trettondedag jul
    plusDays(easter, -2), // Långfredagen
    easter, // Påskdagen
    plusDays(easter, 1), // Annandag påsk
    utc(year, 5, 1), // Första maj
    plusDays(easter, 39), // Kristi himmelsfärdsdag
    plusDays(easter, 49), // Pingstdagen
    utc(year, 6, 6), // Sveriges nationaldag
    firstWeekdayFrom(year, 6, 19, 5), // Midsommarafton: the Friday from 19 June
    firstWeekdayFrom(year, 6, 20, 6), // Midsommardagen: the Saturday from 20 June
    firstWeekdayFrom(year, 10, 31, 6), // Alla helgons dag: the Saturday from 31 October
    utc(year, 12, 24), // Julafton
    utc(year, 12, 25), // Juldagen
    utc(year, 12, 26), // Annandag jul
    utc(year, 12, 31), // Nyårsafton
  ]
    .map(day)
    .sort();
}
