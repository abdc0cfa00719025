// Keys for finding earlier reports about the same child. DESIGN.md, "Privacy rules": "Matching earlier reports
// about a child uses a keyed hash of the personal number normalised to 12 digits (and, always, of first name +
// last name + birth date) … Matches carry `matchedBy`; a name-and-birth-date match is shown as 'possible'."
// A plain hash of a personal number is reversible (about 10⁷ numbers a year), so the hash is keyed and the key
// stays behind a port (KMS GenerateMac in AWS, an HMAC with a dev secret locally): this file never sees it.
import { checkPersonalNumber, normalizePersonalNumber, todayInSweden } from './personal-number.ts';

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

/**
 * A personnummer or samordningsnummer as 12 digits (YYYYMMDDNNNC), or null when it is not a valid one: the one
 * stored form of personal-number.ts (century decided relative to the submission day in Sweden; `+` for 100 or
 * older; a coordination number keeps its day + 60) without its dash.
 */
export function normalisePersonalNumber(value: string, submittedAt: Date): string | null {
  const today = todayInSweden(submittedAt);
  if (checkPersonalNumber(value, today) !== null) return null;
  return normalizePersonalNumber(value, today).replace('-', '');
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
