// Keys for finding earlier reports about the same child. DESIGN.md, "Privacy rules": "Matching earlier reports
// about a child uses a keyed hash of the personal number normalised to 12 digits (and, always, of first name +
// last name + birth date) … Matches carry `matchedBy`; a name-and-birth-date match is shown as 'possible'."
// A plain hash of a personal number is reversible (about 10⁷ numbers a year), so the hash is keyed and the key
// stays behind a port (KMS GenerateMac in AWS, an HMAC with a dev secret locally): this file never sees it.
import { checkPersonalNumber } from './personal-number.ts';

export type MatchedBy = 'personal-number' | 'name-and-birth-date';

/** A keyed hash (MAC) of its input; the implementation holds the key. */
export type KeyedHash = (input: string) => Promise<string>;

export interface ChildMatchKey {
  matchedBy: MatchedBy;
  key: string;
}

export interface ChildIdentity {
  firstName: string;
  lastName: string;
  personalNumber?: string;
  birthDate?: string;
}

const PATTERN = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})$/;

/** The submission's day in Sweden, as YYYYMMDD: a number's century is decided relative to it. */
function swedishDay(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(at)
    .replaceAll('-', '');
}

/**
 * A personnummer or samordningsnummer as 12 digits (YYYYMMDDNNNC), or null when it is not a valid one.
 * Without a century the person is taken to be under 100 on the submission day (born on or before it, at most
 * 100 years earlier); a `+` says they are 100 or older. A coordination number keeps its day + 60.
 */
export function normalisePersonalNumber(value: string, submittedAt: Date): string | null {
  const compact = value.replace(/\s/g, '');
  if (checkPersonalNumber(compact) !== null) return null;
  const match = PATTERN.exec(compact);
  if (!match) return null;
  const [, century, yy, mm, dd, sign, rest] = match as unknown as [string, string | undefined, string, string, string, string, string];
  if (century) return `${century}${yy}${mm}${dd}${rest}`;
  const today = swedishDay(submittedAt);
  let year = Math.floor(Number(today.slice(0, 4)) / 100) * 100 + Number(yy);
  const birthDay = `${mm}${String(dayOfMonth(dd)).padStart(2, '0')}`;
  if (`${year}${birthDay}` > today) year -= 100;
  if (sign === '+') year -= 100;
  return `${String(year).padStart(4, '0')}${mm}${dd}${rest}`;
}

function dayOfMonth(dd: string): number {
  const day = Number(dd);
  return day > 60 ? day - 60 : day;
}

/** The birth date (YYYY-MM-DD) in a normalised 12-digit number. */
export function birthDateOf(twelveDigits: string): string {
  const day = String(dayOfMonth(twelveDigits.slice(6, 8))).padStart(2, '0');
  return `${twelveDigits.slice(0, 4)}-${twelveDigits.slice(4, 6)}-${day}`;
}

/**
 * A name in one comparable form: case and accents dropped, punctuation and runs of whitespace as one space
 * ("Anna-Karin  Öberg" and "anna karin oberg" are the same).
 */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The keys of a reported child: by personal number when one was given, and by name and birth date whenever a
 * birth date is known (given, or read from the personal number). The inputs are prefixed by kind, so a key of
 * one kind never equals one of the other.
 */
export async function childMatchKeys(
  submission: { child: ChildIdentity },
  mac: KeyedHash,
  submittedAt: Date,
): Promise<ChildMatchKey[]> {
  const { child } = submission;
  const number = child.personalNumber ? normalisePersonalNumber(child.personalNumber, submittedAt) : null;
  const birthDate = child.birthDate?.trim() || (number ? birthDateOf(number) : '');
  const keys: ChildMatchKey[] = [];
  if (number) keys.push({ matchedBy: 'personal-number', key: await mac(`personal-number:${number}`) });
  const first = foldName(child.firstName);
  const last = foldName(child.lastName);
  if (birthDate && first && last) {
    keys.push({ matchedBy: 'name-and-birth-date', key: await mac(`name-and-birth-date:${first}|${last}|${birthDate}`) });
  }
  return keys;
}

/**
 * How two reports' children match, the strongest first; null when they do not. Two different personal numbers
 * are two children, even with the same name and birth date.
 */
export function matchBetween(a: readonly ChildMatchKey[], b: readonly ChildMatchKey[]): MatchedBy | null {
  const keyOf = (keys: readonly ChildMatchKey[], by: MatchedBy) => keys.find((k) => k.matchedBy === by)?.key;
  const [numberA, numberB] = [keyOf(a, 'personal-number'), keyOf(b, 'personal-number')];
  if (numberA && numberB) return numberA === numberB ? 'personal-number' : null;
  const [nameA, nameB] = [keyOf(a, 'name-and-birth-date'), keyOf(b, 'name-and-birth-date')];
  return nameA && nameB && nameA === nameB ? 'name-and-birth-date' : null;
}
