// The directory: schools → areas → teams, validated as data. Pure: loading from disk lives in load.ts.
import * as z from 'zod/mini';

const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lowercase letters, digits and dashes'));
const person = z.object({ name: z.string().check(z.minLength(1)), email: z.email() });

export const directorySchema = z
  .object({
    municipality: z.object({ name: z.string().check(z.minLength(1)) }),
    areas: z.array(z.object({ id, name: z.string().check(z.minLength(1)), teamId: id })).check(z.minLength(1)),
    schools: z.array(z.object({ id, name: z.string().check(z.minLength(1)), areaId: id })).check(z.minLength(1)),
    teams: z
      .array(
        z.object({
          id,
          name: z.string().check(z.minLength(1)),
          outOfHoursPhone: z.string().check(z.minLength(3)),
          lead: person,
          contacts: z.array(person).check(z.minLength(1, 'a team needs at least one contact')),
        }),
      )
      .check(z.minLength(1)),
    fallbackTeamId: id,
  })
  .check(
    z.superRefine((directory, ctx) => {
      const duplicates = (ids: string[]) => ids.filter((value, index) => ids.indexOf(value) !== index);
      const teamIds = new Set(directory.teams.map((team) => team.id));
      const areaIds = new Set(directory.areas.map((area) => area.id));
      for (const [key, ids] of [
        ['schools', directory.schools.map((s) => s.id)],
        ['areas', directory.areas.map((a) => a.id)],
        ['teams', directory.teams.map((t) => t.id)],
      ] as const) {
        for (const duplicate of duplicates(ids)) {
          ctx.addIssue({ code: 'custom', path: [key], message: `id "${duplicate}" is used more than once` });
        }
      }
      directory.areas.forEach((area, index) => {
        if (!teamIds.has(area.teamId)) {
          ctx.addIssue({ code: 'custom', path: ['areas', index, 'teamId'], message: `unknown team "${area.teamId}"` });
        }
      });
      directory.schools.forEach((school, index) => {
        if (!areaIds.has(school.areaId)) {
          ctx.addIssue({ code: 'custom', path: ['schools', index, 'areaId'], message: `unknown area "${school.areaId}"` });
        }
      });
      if (!teamIds.has(directory.fallbackTeamId)) {
        ctx.addIssue({ code: 'custom', path: ['fallbackTeamId'], message: `unknown team "${directory.fallbackTeamId}"` });
      }
    }),
  );

export type Directory = z.infer<typeof directorySchema>;
export type Team = Directory['teams'][number];
export type School = Directory['schools'][number];

/** Parses a directory, throwing one readable sentence per problem, each naming its key. */
export function parseDirectory(data: unknown, source = 'directory'): Directory {
  const result = directorySchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${source}.${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid directory:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}

export function findTeam(directory: Directory, teamId: string): Team | undefined {
  return directory.teams.find((team) => team.id === teamId);
}

/** The teams a staff member (by email) belongs to, as contact or lead. */
export function teamsOfStaff(directory: Directory, email: string): Team[] {
  const wanted = email.trim().toLowerCase();
  return directory.teams.filter(
    (team) => team.lead.email.toLowerCase() === wanted || team.contacts.some((c) => c.email.toLowerCase() === wanted),
  );
}
