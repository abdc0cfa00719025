// Use case: who the signed-in person is to the portal (GET /api/me): their teams (whether they lead each, and who is
// in it, for assigning), every team (for forwarding), and whether they keep the directory (the link to /admin).
// From the current directory only, no report is read: every portal page asks it. The lead's team view, which reads
// every open report of the team, is GET /api/team (team-workload.ts), asked only by a lead's list page.
import { isAdministrator, type Directory } from '../../directory/directory.ts';
import type { StaffIdentity } from '../../identity/staff.ts';

export function whoAmI(staff: StaffIdentity, directory: Directory) {
  return {
    email: staff.id,
    administrator: isAdministrator(directory, staff.id),
    /** Where a report can be forwarded: every team of the directory (names are no secret among staff). */
    allTeams: directory.teams.map((team) => ({ id: team.id, name: team.name })),
    teams: directory.teams
      .filter((team) => staff.teamIds.includes(team.id))
      .map((team) => ({
        id: team.id,
        name: team.name,
        lead: team.lead.email.toLowerCase() === staff.id.toLowerCase(),
        members: [team.lead.email, ...team.contacts.map((c) => c.email)].map((e) => e.toLowerCase()),
      })),
  };
}
