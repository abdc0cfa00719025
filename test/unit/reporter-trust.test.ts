// Reporter trust (core/domain/reporter-trust.ts): exact school domains only, by table and by property.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDomain, isTrusted, reporterTrust, type TrustedDomains } from '../../core/domain/reporter-trust.ts';

const domains: TrustedDomains = {
  municipality: { schoolEmailDomains: ['ekdala.se', 'skola.ekdala.se', 'skolå.se'], excludedEmailDomains: ['elev.ekdala.se', 'skola.ekdala.se'] },
  school: { emailDomains: ['friskolan.se'] },
};
const verified = { by: 'sara@ekdala.example', at: '2026-11-25T10:00:00.000Z' };

describe('reporterTrust, by example', () => {
  it.each([
    ['anna.lind@ekdala.se', 'school-domain'],
    ['Anna.Lind@EKDALA.SE', 'school-domain'],
    ['anna@friskolan.se', 'school-domain'], // the independent school's own domain
    ['anna@skolå.se', 'school-domain'],
    ['anna@SKOLÅ.SE', 'school-domain'],
    ['anna@xn--skol-toa.se', 'school-domain'], // the same domain in punycode
    ['"anna@home"@ekdala.se', 'school-domain'], // the domain is after the last @
    ['anna@elev.ekdala.se', 'untrusted'], // a pupil domain
    ['anna@skola.ekdala.se', 'untrusted'], // listed as a school domain and as a pupil domain: excluded wins
    ['anna@larare.ekdala.se', 'untrusted'], // a subdomain is not the domain
    ['anna@ekdala.se.', 'untrusted'], // trailing dot
    ['anna@ekdala.se.evil.example', 'untrusted'],
    ['anna@evilekdala.se', 'untrusted'],
    ['anna@ekdala.se.', 'untrusted'],
    ['anna@еkdala.se', 'untrusted'], // Cyrillic е
    ['anna@ＥＫＤＡＬＡ.se', 'untrusted'], // full-width letters that IDNA maps to ASCII
    ['anna@%65kdala.se', 'untrusted'],
    ['anna@ekdala.se/x', 'untrusted'],
    ['anna@ekdala..se', 'untrusted'],
    ['anna@ekdala.se ', 'untrusted'],
    ['ekdala.se', 'untrusted'],
    ['@ekdala.se', 'untrusted'],
    ['anna@friskolan.se.', 'untrusted'],
    ['anna@example.se', 'untrusted'],
  ])('%s → %s', (email, expected) => {
    expect(reporterTrust(email, domains)).toBe(expected);
  });

  it("another school's own domain is not trusted for this school's report", () => {
    expect(reporterTrust('anna@friskolan.se', { municipality: domains.municipality })).toBe('untrusted');
  });

  it('a reporter verified by a team member is trusted whatever the address', () => {
    expect(reporterTrust('anna@gmail.example', domains, verified)).toBe('verified-by-team');
    expect(isTrusted(reporterTrust('anna@gmail.example', domains, verified))).toBe(true);
    expect(isTrusted(reporterTrust('anna@gmail.example', domains))).toBe(false);
  });

  it("forgives a trailing dot and spaces in the directory's own list", () => {
    expect(reporterTrust('a@ekdala.se', { municipality: { schoolEmailDomains: [' Ekdala.SE. '], excludedEmailDomains: [] } })).toBe('school-domain');
  });
});

describe('reporterTrust, by property', () => {
  const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
  const local = fc.stringMatching(/^[a-z0-9._+-]{1,20}$/);
  const listedDomain = fc.constantFrom('ekdala.se', 'friskolan.se', 'skolå.se');
  const flipCase = (text: string, mask: boolean[]) =>
    [...text].map((ch, i) => (mask[i % mask.length] ? ch.toUpperCase() : ch)).join('');

  it('a listed domain is trusted in any mix of upper and lower case', () => {
    fc.assert(
      fc.property(local, listedDomain, fc.array(fc.boolean(), { minLength: 1 }), (l, d, mask) => {
        expect(reporterTrust(`${l}@${flipCase(d, mask)}`, domains)).toBe('school-domain');
      }),
    );
  });

  it('no subdomain of a listed domain is trusted', () => {
    fc.assert(
      fc.property(local, label, listedDomain, (l, sub, d) => {
        expect(reporterTrust(`${l}@${sub}.${d}`, domains)).toBe('untrusted');
      }),
    );
  });

  it('no look-alike by prefix, suffix, extra label or trailing dots is trusted', () => {
    fc.assert(
      fc.property(local, label, listedDomain, fc.integer({ min: 1, max: 3 }), (l, extra, d, dots) => {
        for (const domain of [`${extra}${d}`, `${d}${extra}`, `${d}.${extra}`, `${d}${'.'.repeat(dots)}`, `${d}-${extra}`]) {
          if (domain === d) continue;
          expect(reporterTrust(`${l}@${domain}`, domains), domain).toBe('untrusted');
        }
      }),
    );
  });

  it('a random domain is trusted only when it is, in canonical form, one of the listed ones', () => {
    const listedCanonical = new Set(['ekdala.se', 'friskolan.se', 'xn--skol-toa.se']);
    fc.assert(
      fc.property(local, fc.domain(), (l, d) => {
        const trusted = reporterTrust(`${l}@${d}`, domains) === 'school-domain';
        expect(trusted).toBe(listedCanonical.has(d.toLowerCase()));
      }),
    );
  });

  it('a pupil domain is never trusted, in any case', () => {
    fc.assert(
      fc.property(local, fc.array(fc.boolean(), { minLength: 1 }), (l, mask) => {
        expect(reporterTrust(`${l}@${flipCase('elev.ekdala.se', mask)}`, domains)).toBe('untrusted');
      }),
    );
  });

  it('an internationalised domain and its punycode form are one domain; any other Unicode letter in it is another', () => {
    fc.assert(
      fc.property(local, fc.constantFrom(...'аеорсху'), fc.nat({ max: 5 }), (l, cyrillic, at) => {
        const lookAlike = `${'ekdala'.slice(0, at)}${cyrillic}${'ekdala'.slice(at + 1)}.se`;
        expect(reporterTrust(`${l}@${lookAlike}`, domains)).toBe('untrusted');
        const punycode = canonicalDomain(lookAlike);
        expect(punycode).toMatch(/^xn--/);
        expect(reporterTrust(`${l}@${punycode}`, domains)).toBe('untrusted');
      }),
    );
  });
});
