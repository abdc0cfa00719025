// Who is calling a staff route, from the JWT claims API Gateway's authorizer hands over (Cognito in AWS,
// the dev sign-in locally), and which teams they may see: the directory's word by email, and the token's
// groups (one Cognito group per team).
import { teamsOfStaff, type Directory } from '../directory/directory.ts';
import { unauthorized } from '../http/errors.ts';
import type { HttpEvent } from '../http/event.ts';

export interface StaffIdentity {
  /** For audit events: the email when the token has one, else the subject. */
  id: string;
  teamIds: string[];
}

/** Cognito puts groups as "[a b]" in an HTTP API's claims; other issuers send "a b", "a,b" or JSON. */
export function parseGroups(raw: string | undefined): string[] {
  if (!raw) return [];
  const trimmed = raw.trim();
  if (trimmed.startsWith('[') && trimmed.includes('"')) {
    try {
      return (JSON.parse(trimmed) as unknown[]).map(String);
    } catch {
      // fall through to the plain forms
    }
  }
  return trimmed.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
}

export function staffIdentity(event: HttpEvent, directory: Directory): StaffIdentity {
  const claims = event.requestContext.authorizer?.jwt?.claims ?? {};
  // An email is evidence of who someone is only once the identity provider verified it: a Cognito user can
  // change their own email attribute, and must not become a contact of another team by doing so.
  const verified = claims.email_verified === 'true' || (claims.email_verified as unknown) === true;
  const email = verified && typeof claims.email === 'string' ? claims.email.toLowerCase() : undefined;
  const subject = typeof claims.sub === 'string' ? claims.sub : undefined;
  if (!email && !subject) throw unauthorized();
  const known = new Set(directory.teams.map((t) => t.id));
  const fromGroups = parseGroups(claims['cognito:groups'] as string | undefined).filter((g) => known.has(g));
  const fromDirectory = email ? teamsOfStaff(directory, email).map((t) => t.id) : [];
  return { id: (email ?? subject)!, teamIds: [...new Set([...fromDirectory, ...fromGroups])] };
}
