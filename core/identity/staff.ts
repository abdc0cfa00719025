// Who is calling a staff route, from the JWT claims API Gateway's authorizer hands over (Cognito in AWS, the dev
// sign-in locally), and which teams they may see. The directory is the one source of who belongs to which team:
// a person sees a team's reports when their verified email is that team's contact or lead in the current
// directory. The token only proves who someone is (Cognito groups are no second way in), so removing a person
// from the directory removes their access as soon as the functions' copy of it is renewed (60 s at most).
import { isOutOfHoursStaff, teamsOfStaff, type Directory } from '../directory/directory.ts';
import { unauthorized } from '../http/errors.ts';
import type { HttpEvent } from '../http/event.ts';

export interface StaffIdentity {
  /** For audit events: the email when the token has a verified one, else the subject. */
  id: string;
  teamIds: string[];
  /** Out-of-hours staff (or its on-call lead): may open, assess and acknowledge the reports sent to the service. */
  outOfHoursService?: boolean;
  /**
   * Set for the fallback team's people: they also own a report whose team is no longer in the directory (a submit that
   * routed with its copy of the directory, up to 60 s old, can still write one to a team a save has just removed;
   * notify and the sweep already send its alert and follow-ups to the fallback team). The current teams' ids.
   */
  takesRemovedTeams?: { currentTeamIds: string[] };
}

/** Whether the caller's teams own a report of this team: one of their teams, or a removed team for the fallback team. */
export function ownsTeamReports(staff: StaffIdentity, teamId: string): boolean {
  return staff.teamIds.includes(teamId) || (staff.takesRemovedTeams !== undefined && !staff.takesRemovedTeams.currentTeamIds.includes(teamId));
}

function claimsOf(event: HttpEvent): Record<string, unknown> {
  return event.requestContext.authorizer?.jwt?.claims ?? {};
}

/**
 * The caller's email, lowercased, only when the identity provider verified it: a Cognito user can change their own
 * email attribute, and must not become a contact of another team (or an administrator) by doing so. A federated
 * provider's users carry email_verified only where the config marks the provider as trusted (infra/constructs/auth.ts).
 */
export function verifiedEmail(event: HttpEvent): string | undefined {
  const claims = claimsOf(event);
  const verified = claims.email_verified === 'true' || claims.email_verified === true;
  return verified && typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : undefined;
}

export function staffIdentity(event: HttpEvent, directory: Directory): StaffIdentity {
  const claims = claimsOf(event);
  const email = verifiedEmail(event);
  const subject = typeof claims.sub === 'string' ? claims.sub : undefined;
  if (!email && !subject) throw unauthorized();
  const outOfHours = email !== undefined && isOutOfHoursStaff(directory, email);
  const teamIds = email ? teamsOfStaff(directory, email).map((t) => t.id) : [];
  const onFallbackTeam = teamIds.includes(directory.fallbackTeamId);
  return {
    id: (email ?? subject)!,
    teamIds,
    ...(outOfHours ? { outOfHoursService: true } : {}),
    ...(onFallbackTeam ? { takesRemovedTeams: { currentTeamIds: directory.teams.map((t) => t.id) } } : {}),
  };
}
