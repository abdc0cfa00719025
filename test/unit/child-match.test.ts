// Keys for earlier reports about the same child (core/domain/child-match.ts), hashed with a test HMAC port.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  childMatchKeys,
  foldName,
  matchBetween,
  normalisePersonalNumber,
  type KeyedHash,
} from '../../core/domain/child-match.ts';

/** The keyed-hash port as local mode will have it: an HMAC with a dev secret. */
const hmac = (secret: string): KeyedHash => async (input) => createHmac('sha256', secret).update(input).digest('base64url');
const mac = hmac('dev-secret-for-tests');

/** A valid personnummer's check digit (Luhn over the 9 digits YYMMDDNNN). */
function withCheckDigit(nineDigits: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let n = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  }
  return `${nineDigits}${(10 - (sum % 10)) % 10}`;
}

const submitted = new Date('2026-11-25T09:00:00Z');

describe('normalisePersonalNumber', () => {
  it.each([
    ['20150312-2382', '201503122382'],
    ['201503122382', '201503122382'],
    ['150312-2382', '201503122382'],
    ['1503122382', '201503122382'],
    [' 150312 - 2382 ', '201503122382'],
    ['150312+2382', '191503122382'], // 100 years or older
    [withCheckDigit('150372238'), `20${withCheckDigit('150372238')}`], // samordningsnummer: day + 60, kept
    ['20150312-2383', null], // wrong check digit
    ['150332-2382', null], // no such date
    ['abc', null],
  ])('%s → %s', (typed, expected) => {
    expect(normalisePersonalNumber(typed, submitted)).toBe(expected);
  });

  it('decides the century relative to the submission day, in Sweden', () => {
    const number = withCheckDigit('261126123'); // born 26 November (20)26
    expect(normalisePersonalNumber(number, submitted)).toBe(`19${number}`); // not born yet in 2026: 1926
    expect(normalisePersonalNumber(number, new Date('2026-11-26T08:00:00Z'))).toBe(`20${number}`); // born today
    // 23:30 UTC on 25 November is already 26 November in Stockholm.
    expect(normalisePersonalNumber(number, new Date('2026-11-25T23:30:00Z'))).toBe(`20${number}`);
    expect(normalisePersonalNumber(withCheckDigit('991231123'), submitted)).toBe(`19${withCheckDigit('991231123')}`);
  });
});

describe('foldName', () => {
  it.each([
    ['Élias', 'elias'],
    ['  ÅSA   Öberg ', 'asa oberg'],
    ['Anna-Karin', 'anna karin'],
    ["D'Angelo", 'd angelo'],
  ])('%s → %s', (name, folded) => expect(foldName(name)).toBe(folded));
});

describe('childMatchKeys', () => {
  const child = { firstName: 'Elias', lastName: 'Berg', personalNumber: '20150312-2382' };

  it('the same child typed differently gets the same keys', async () => {
    const typings = [
      child,
      { firstName: 'ELIAS', lastName: 'berg', personalNumber: '150312-2382' },
      { firstName: ' Élias ', lastName: 'Berg', personalNumber: '1503122382' },
      { firstName: 'Elias', lastName: 'Berg', personalNumber: '201503122382', birthDate: '2015-03-12' },
    ];
    const keys = await Promise.all(typings.map((c) => childMatchKeys({ child: c }, mac, submitted)));
    for (const k of keys) expect(k).toEqual(keys[0]);
    expect(keys[0]!.map((k) => k.matchedBy)).toEqual(['personal-number', 'name-and-birth-date']);
  });

  it('a report without a number matches by name and birth date, as "possible"', async () => {
    const withNumber = await childMatchKeys({ child }, mac, submitted);
    const withoutNumber = await childMatchKeys({ child: { firstName: 'elias', lastName: 'BERG', birthDate: '2015-03-12' } }, mac, submitted);
    expect(withoutNumber.map((k) => k.matchedBy)).toEqual(['name-and-birth-date']);
    expect(matchBetween(withNumber, withoutNumber)).toBe('name-and-birth-date');
    expect(matchBetween(withNumber, withNumber)).toBe('personal-number');
  });

  it('no birth date and no number: no key, no match', async () => {
    const keys = await childMatchKeys({ child: { firstName: 'Elias', lastName: 'Berg' } }, mac, submitted);
    expect(keys).toEqual([]);
    expect(matchBetween(keys, keys)).toBeNull();
  });

  it('two different numbers are two children, even with the same name and birth date', async () => {
    const twin = await childMatchKeys({ child: { ...child, personalNumber: withCheckDigit('150312239') } }, mac, submitted);
    expect(matchBetween(await childMatchKeys({ child }, mac, submitted), twin)).toBeNull();
  });

  it('a key does not reveal the number; another key (secret) gives other hashes', async () => {
    const keys = await childMatchKeys({ child }, mac, submitted);
    for (const { key } of keys) {
      for (const part of ['201503122382', '1503122382', '20150312', '150312', '2382', 'Elias', 'elias', 'Berg', 'berg']) {
        expect(key).not.toContain(part);
      }
    }
    const other = await childMatchKeys({ child }, hmac('another-secret'), submitted);
    expect(other.map((k) => k.key)).not.toContain(keys[0]!.key);
    expect(other.map((k) => k.key)).not.toContain(keys[1]!.key);
  });

  it('property: every typing of a valid number gives one key; different numbers give different keys', async () => {
    const date = fc.date({ min: new Date('1927-01-01'), max: new Date('2026-11-24'), noInvalidDate: true });
    const serial = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));
    await fc.assert(
      fc.asyncProperty(date, serial, serial, async (born, s1, s2) => {
        const yymmdd = born.toISOString().slice(2, 10).replaceAll('-', '');
        const century = born.toISOString().slice(0, 2);
        const ten = withCheckDigit(`${yymmdd}${s1}`);
        const forms = [ten, `${ten.slice(0, 6)}-${ten.slice(6)}`, `${century}${ten}`, `${century}${ten.slice(0, 6)}-${ten.slice(6)}`];
        const numbers = forms.map((f) => normalisePersonalNumber(f, submitted));
        expect(new Set(numbers)).toEqual(new Set([`${century}${ten}`]));
        const key = async (pn: string) => (await childMatchKeys({ child: { firstName: 'A', lastName: 'B', personalNumber: pn } }, mac, submitted))[0]!.key;
        const [a, b] = await Promise.all([key(forms[0]!), key(forms[3]!)]);
        expect(a).toBe(b);
        expect(a).not.toContain(ten);
        if (s1 !== s2) expect(await key(withCheckDigit(`${yymmdd}${s2}`))).not.toBe(a);
      }),
      { numRuns: 200 },
    );
  });
});
