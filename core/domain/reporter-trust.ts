// Whether a reporter is trusted with the status link, the thread and the outcome. DESIGN.md, "Privacy rules":
// only "when their address's domain is exactly one of the directory's school email domains (the
// municipality's, or the school's own for an independent school; never a subdomain by suffix, and never a
// listed pupil domain), or when a team member has marked the reporter as verified". Anyone else's report is
// still accepted and routed; only the link is withheld.
//
// "Exactly" is taken strictly: case-insensitive, an internationalised domain equal to its punycode (xn--) form,
// nothing else. An address whose domain only maps onto a school domain (full-width letters, a trailing dot,
// percent-escapes) is not trusted: the domain a person typed is the one that must be listed.
import { domainToASCII, domainToUnicode } from 'node:url';
import type { ReporterVerification } from './team-work.ts';

/** The directory's parts this rule needs (the municipality's, and the report's school's own domains). */
export interface TrustedDomains {
  municipality: { schoolEmailDomains: readonly string[]; excludedEmailDomains: readonly string[] };
  school?: { emailDomains?: readonly string[] };
}

export type ReporterTrust = 'school-domain' | 'verified-by-team' | 'untrusted';

// Labels of letters, digits, marks and hyphens, at least two of them, no empty label, no trailing dot.
const HOSTNAME = /^[\p{L}\p{N}\p{M}-]+(\.[\p{L}\p{N}\p{M}-]+)+$/u;

/**
 * The domain in its one comparable form (lowercase ASCII, punycode for internationalised labels), or null when
 * it is not a plain host name or when IDNA would change more than case (a look-alike mapped onto another).
 */
export function canonicalDomain(domain: string): string | null {
  if (!HOSTNAME.test(domain)) return null;
  const ascii = domainToASCII(domain);
  if (!ascii) return null;
  const typed = domain.normalize('NFC').toLowerCase();
  return ascii === typed || domainToUnicode(ascii) === typed ? ascii : null;
}

/** The domain of an address, as canonicalDomain gives it; null for anything that is not `local@host`. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1) return null;
  return canonicalDomain(email.slice(at + 1));
}

// The directory's own lists are kept by an administrator: a trailing dot there is forgiven.
function listed(domains: readonly string[] | undefined): Set<string> {
  const set = new Set<string>();
  for (const domain of domains ?? []) {
    const canonical = canonicalDomain(domain.trim().replace(/\.$/, ''));
    if (canonical) set.add(canonical);
  }
  return set;
}

export function reporterTrust(email: string, domains: TrustedDomains, verified?: ReporterVerification): ReporterTrust {
  // A team member who called the school's switchboard has decided; that stands whatever the address.
  if (verified) return 'verified-by-team';
  const domain = emailDomain(email);
  if (!domain || listed(domains.municipality.excludedEmailDomains).has(domain)) return 'untrusted';
  const trusted = listed([...domains.municipality.schoolEmailDomains, ...(domains.school?.emailDomains ?? [])]);
  return trusted.has(domain) ? 'school-domain' : 'untrusted';
}

export function isTrusted(trust: ReporterTrust): boolean {
  return trust !== 'untrusted';
}
