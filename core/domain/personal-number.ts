// Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer):
// format, a real date (day + 60 for a coordination number) not in the future, and the Luhn check digit;
// and the one stored form, YYYYMMDD-XXXX, whichever way it was typed (with or without century or dash).

const PATTERN = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

export type PersonalNumberProblem = 'format' | 'date' | 'future' | 'check-digit';

interface Parsed {
  /** YYYY-MM-DD, the birth date the number carries (the real day for a coordination number). */
  birthDate: string;
  /** YYYYMMDD-XXXX as written by the Tax Agency for the twelve-digit form (the day + 60 kept). */
  normalized: string;
  check: PersonalNumberProblem | null;
}

/**
 * Without a century the number's separator tells it: "-" for someone under 100 (the latest century that does not
 * put the birth date after today), "+" for someone 100 or older (the century before). `today` is YYYY-MM-DD.
 */
function parse(value: string, today: string): Parsed | 'format' {
  const match = PATTERN.exec(value.replace(/\s/g, ''));
  if (!match) return 'format';
  const [, century, yy, mm, dd, separator, serial, check] = match as unknown as string[];
  const day = Number(dd) > 60 ? Number(dd) - 60 : Number(dd);
  const monthDay = `${mm}-${String(day).padStart(2, '0')}`;
  let year: number;
  if (century) year = Number(century + yy);
  else {
    year = Math.floor(Number(today.slice(0, 4)) / 100) * 100 + Number(yy);
    if (`${year}-${monthDay}` > today) year -= 100;
    if (separator === '+') year -= 100;
  }
  const birthDate = `${String(year).padStart(4, '0')}-${monthDay}`;
  const normalized = `${String(year).padStart(4, '0')}${mm}${dd}-${serial}${check}`;
  if (!isRealDate(birthDate)) return { birthDate, normalized, check: 'date' };
  if (birthDate > today) return { birthDate, normalized, check: 'future' };
  const digits = `${yy}${mm}${dd}${serial}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  }
  return { birthDate, normalized, check: (10 - (sum % 10)) % 10 === Number(check) ? null : 'check-digit' };
}

/** The first problem with the number, or null when it is a valid personal or coordination number. */
export function checkPersonalNumber(value: string, today: string = todayInSweden()): PersonalNumberProblem | null {
  const parsed = parse(value, today);
  return parsed === 'format' ? 'format' : parsed.check;
}

/** The stored form YYYYMMDD-XXXX of a valid number; anything else comes back unchanged (validation names it). */
export function normalizePersonalNumber(value: string, today: string = todayInSweden()): string {
  const parsed = parse(value, today);
  return parsed !== 'format' && parsed.check === null ? parsed.normalized : value;
}

/** The birth date (YYYY-MM-DD) a valid number carries, or null. */
export function birthDateOfPersonalNumber(value: string, today: string = todayInSweden()): string | null {
  const parsed = parse(value, today);
  return parsed !== 'format' && parsed.check === null ? parsed.birthDate : null;
}

/** A YYYY-MM-DD that names a day of the calendar (no 30 February, no month 13). */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today's date (YYYY-MM-DD) in Sweden: a child born just after midnight there has today's date, whatever UTC says. */
export function todayInSweden(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

// A run of digits shaped like a personal number inside free text: 10 or 12 digits, optionally with a dash or plus
// (or a space) before the last four, and no digit right before or after it (so it is not part of a longer number).
const IN_TEXT = /(?<!\d)(?:\d{2})?\d{6}\s?[-+]?\s?\d{4}(?!\d)/g;

/**
 * The first valid personal or coordination number written anywhere in a text (with or without century and dash),
 * or null. Only numbers this module's one parser accepts count: a phone number or a date that does not pass the
 * date and check-digit rules is left alone.
 */
export function findPersonalNumber(text: string, today: string = todayInSweden()): string | null {
  for (const [candidate] of text.matchAll(IN_TEXT)) {
    if (checkPersonalNumber(candidate, today) === null) return candidate;
  }
  return null;
}
