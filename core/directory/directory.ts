// The directory: the municipality, its boards, schools → areas → teams, the out-of-hours service and the
// administrators, validated as data. One zod schema; every cross-reference problem is reported with the path of
// the field to fix (the admin page shows it next to that field). Pure: loading and storing live elsewhere.
import * as z from 'zod/mini';
import { OTHER_SCHOOL } from './other-school.ts';

const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lowercase letters, digits and dashes'));
const name = z.string().check(z.trim(), z.minLength(1, 'is required'), z.maxLength(200, 'must be at most 200 characters'));
const email = z.email('must be an email address like name@kommun.se');
const person = z.object({ name, email });
/** A mail domain exactly as it follows the @: lowercase labels, no scheme, no @, no wildcard. */
const domain = z.string().check(
  z.regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a mail domain like kommun.se (lowercase, without @)'),
);
const phone = z.string().check(z.regex(/^\+?[0-9][0-9 -]{4,20}$/, 'must be a phone number like 010-100 10 10'));
const localTime = z.string().check(z.regex(/^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a time like 08:00')) as unknown as z.ZodMiniType<`${number}:${number}`>;

export const directorySchema = z
  .object({
    municipality: z.object({
      name,
      /** Reporters from these domains (exactly, never a subdomain) are trusted with the status link. */
      schoolEmailDomains: z.array(domain).check(z.minLength(1, 'list at least one school email domain')),
      /** Pupils' domains: never trusted, even when they look like a school's. */
      excludedEmailDomains: z._default(z.array(domain), []),
    }),
    /** Boards (nämnder): earlier reports about a child are matched only within one board. */
    boards: z.array(z.object({ id, name })).check(z.minLength(1, 'list at least one board')),
    areas: z.array(z.object({ id, name, teamId: id })).check(z.minLength(1, 'list at least one area')),
    schools: z
      .array(
        z.object({
          id,
          name,
          areaId: id,
          /** An independent school's own domains (the municipality's domains cover its own schools). */
          emailDomains: z.optional(z.array(domain)),
          /** The school's named social-services contact: a contact or the lead of the team serving its area. */
          namedContact: email,
        }),
      )
      .check(z.minLength(1, 'list at least one school')),
    teams: z
      .array(
        z.object({
          id,
          name,
          boardId: id,
          /** The team's function mailbox. */
          email,
          /** The team's function phone, shown on the public form (never a person's name there). */
          phone,
          lead: person,
          contacts: z.array(person).check(z.minLength(1, 'a team needs at least one contact')),
          officeHours: z.optional(z.object({ opens: localTime, closes: localTime })),
        }),
      )
      .check(z.minLength(1, 'list at least one team')),
    /** The one out-of-hours service (socialjour) for the municipality. */
    outOfHours: z.object({
      name,
      phone,
      email,
      staff: z.array(person).check(z.minLength(1, 'the out-of-hours service needs at least one person')),
      onCallLead: person,
    }),
    fallbackTeamId: id,
    administrators: z.array(person).check(z.minLength(1, 'list at least one administrator')),
  })
  .check(
    z.superRefine((directory, ctx) => crossReferenceProblems(directory).forEach((problem) => ctx.addIssue({ code: 'custom', ...problem })), {
      // Also when some fields are malformed: every problem at once, not one round per kind.
      when: () => true,
    }),
  );

export type Directory = z.output<typeof directorySchema>;
/** What a directory file or a PUT body may omit (defaults fill it in). */
export type DirectoryInput = z.input<typeof directorySchema>;
export type Team = Directory['teams'][number];
export type School = Directory['schools'][number];
export type Person = Team['lead'];

type Path = (string | number)[];
/**
 * What a cross-reference problem is, for a page that words it in its own language (web/client/admin-problems.ts):
 * the kind, and the values the English message names.
 */
export type ProblemParams =
  | { problem: 'duplicate-id' | 'unknown-board' | 'unknown-team' | 'unknown-area'; value: string }
  | { problem: 'closes-before-opens' }
  | { problem: 'named-contact-outside-team'; team: string; area: string }
  | { problem: 'excluded-domain-also-allowed'; value: string }
  | { problem: 'reserved-id'; value: string };
interface Problem {
  path: Path;
  message: string;
  params: ProblemParams;
}

const lower = (value: string) => value.trim().toLowerCase();

// The cross-checks also run when some fields are malformed (an administrator wants every problem at once), so they
// read the input loosely: a list that is not a list is empty, a field that is not a string is absent.
type Loose = Record<string, unknown>;
const listOf = (value: unknown): Loose[] => (Array.isArray(value) ? value.filter((v): v is Loose => typeof v === 'object' && v !== null) : []);
const textOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const emailsOf = (team: Loose): string[] =>
  [(team.lead as Loose | undefined)?.email, ...listOf(team.contacts).map((c) => c.email)].flatMap((e) => (typeof e === 'string' ? [lower(e)] : []));

/** The checks one field's schema cannot make: ids that must exist, ids used twice, contacts that must belong. */
function crossReferenceProblems(input: unknown): Problem[] {
  const directory = (typeof input === 'object' && input !== null ? input : {}) as Loose;
  const problems: Problem[] = [];
  for (const key of ['boards', 'areas', 'schools', 'teams'] as const) {
    const seen = new Set<string>();
    listOf(directory[key]).forEach((item, index) => {
      const itemId = textOf(item.id);
      if (itemId === undefined) return;
      if (seen.has(itemId)) problems.push({ path: [key, index, 'id'], message: `id "${itemId}" is used more than once`, params: { problem: 'duplicate-id', value: itemId } });
      seen.add(itemId);
    });
  }
  const boardIds = new Set(listOf(directory.boards).map((b) => textOf(b.id)));
  const teams = new Map(listOf(directory.teams).map((t) => [textOf(t.id), t]));
  const areas = new Map(listOf(directory.areas).map((a) => [textOf(a.id), a]));

  listOf(directory.teams).forEach((team, index) => {
    const boardId = textOf(team.boardId);
    if (boardId !== undefined && !boardIds.has(boardId)) problems.push({ path: ['teams', index, 'boardId'], message: `unknown board "${boardId}"`, params: { problem: 'unknown-board', value: boardId } });
    const hours = team.officeHours as Loose | undefined;
    if (typeof hours?.opens === 'string' && typeof hours.closes === 'string' && hours.opens >= hours.closes) {
      problems.push({ path: ['teams', index, 'officeHours', 'closes'], message: 'must be later than the opening time', params: { problem: 'closes-before-opens' } });
    }
  });
  listOf(directory.areas).forEach((area, index) => {
    const teamId = textOf(area.teamId);
    if (teamId !== undefined && !teams.has(teamId)) problems.push({ path: ['areas', index, 'teamId'], message: `unknown team "${teamId}"`, params: { problem: 'unknown-team', value: teamId } });
  });
  listOf(directory.schools).forEach((school, index) => {
    if (textOf(school.id) === OTHER_SCHOOL) {
      problems.push({
        path: ['schools', index, 'id'],
        message: `"${OTHER_SCHOOL}" is reserved: the form sends it for "my school is not in the list"; choose another id`,
        params: { problem: 'reserved-id', value: OTHER_SCHOOL },
      });
    }
    const areaId = textOf(school.areaId);
    const area = areas.get(areaId);
    if (!area) {
      if (areaId !== undefined) problems.push({ path: ['schools', index, 'areaId'], message: `unknown area "${areaId}"`, params: { problem: 'unknown-area', value: areaId } });
      return;
    }
    const team = teams.get(textOf(area.teamId));
    const contact = textOf(school.namedContact);
    if (team && contact !== undefined && !emailsOf(team).includes(lower(contact))) {
      const teamName = textOf(team.name) ?? textOf(team.id) ?? '';
      const areaName = textOf(area.name) ?? areaId ?? '';
      problems.push({
        path: ['schools', index, 'namedContact'],
        message: `must be a contact or the lead of ${teamName}, the team that serves ${areaName}`,
        params: { problem: 'named-contact-outside-team', team: teamName, area: areaName },
      });
    }
  });
  const fallbackTeamId = textOf(directory.fallbackTeamId);
  if (fallbackTeamId !== undefined && !teams.has(fallbackTeamId)) {
    problems.push({ path: ['fallbackTeamId'], message: `unknown team "${fallbackTeamId}"`, params: { problem: 'unknown-team', value: fallbackTeamId } });
  }

  const municipality = (directory.municipality ?? {}) as Loose;
  const domainsOf = (value: unknown) => (Array.isArray(value) ? value.filter((d): d is string => typeof d === 'string') : []);
  const allowed = new Set([...domainsOf(municipality.schoolEmailDomains), ...listOf(directory.schools).flatMap((s) => domainsOf(s.emailDomains))]);
  domainsOf(municipality.excludedEmailDomains).forEach((excluded, index) => {
    if (allowed.has(excluded)) {
      problems.push({
        path: ['municipality', 'excludedEmailDomains', index],
        message: `"${excluded}" is also listed as a school email domain`,
        params: { problem: 'excluded-domain-also-allowed', value: excluded },
      });
    }
  });
  return problems;
}

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

export function isTeamMember(team: Team, email: string): boolean {
  const wanted = lower(email);
  return lower(team.lead.email) === wanted || team.contacts.some((c) => lower(c.email) === wanted);
}

/** The teams a staff member (by email) belongs to, as contact or lead. */
export function teamsOfStaff(directory: Directory, email: string): Team[] {
  return directory.teams.filter((team) => isTeamMember(team, email));
}

export function isAdministrator(directory: Directory, email: string): boolean {
  const wanted = lower(email);
  return directory.administrators.some((admin) => lower(admin.email) === wanted);
}

export function isOutOfHoursStaff(directory: Directory, email: string): boolean {
  const wanted = lower(email);
  const { staff, onCallLead } = directory.outOfHours;
  return lower(onCallLead.email) === wanted || staff.some((p) => lower(p.email) === wanted);
}

/** Anyone the directory knows: team staff, out-of-hours staff, administrators (the local dev sign-in offers them). */
export function knownPerson(directory: Directory, email: string): boolean {
  return teamsOfStaff(directory, email).length > 0 || isOutOfHoursStaff(directory, email) || isAdministrator(directory, email);
}

/** The team that serves a school (through its area), for the form's "contact for this school" line. */
export function teamServingSchool(directory: Directory, schoolId: string): Team | undefined {
  const school = directory.schools.find((s) => s.id === schoolId);
  const area = school && directory.areas.find((a) => a.id === school.areaId);
  return area && findTeam(directory, area.teamId);
}
