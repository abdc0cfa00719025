// The directory's problems in Swedish, for the admin page (web/client/admin.ts). The schema and the API word them in
// English for developers and logs; an administrator needs to read which thing is wrong, in their words, and what to do:
// "Skola 3 (Ekbackens skola): namngiven kontakt saknas", not `schools.2.namedContact: Invalid input`.
// Worded here from each problem's path (the thing, named from the data and the page's own labels in admin-layout.ts)
// and its kind (zod's issue code, or the params the cross-checks and the save attach), so no zod locale is bundled.
// Pure: no DOM.
import type { ProblemParams } from '../../core/directory/directory.ts';
import type { PathProblem } from '../../core/app/directory/save-directory.ts';
import { LAYOUT, type Field, type Group } from './admin-layout.ts';

type Path = (string | number)[];

/** What the page knows of a problem: a zod issue from its own check, or an entry of the API's `errors`. */
export interface DirectoryProblem {
  path: Path;
  code?: string;
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  expected?: string;
  params?: ProblemParams | PathProblem['params'];
}

export interface SwedishProblem {
  /** The thing, as the page names it: "Skola 3 (Ekbackens skola)". */
  where: string;
  /** What is wrong with it, starting with the field: "namngiven kontakt saknas". */
  what: string;
}

/** An API error's dot-separated body path ("directory.schools.2.namedContact") as a path in the directory. */
export function directoryPath(bodyPath: string): Path {
  return bodyPath
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
    .filter((part, index) => !(index === 0 && part === 'directory'));
}

const isGroup = (f: Field | Group): f is Group => 'kind' in f;
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** A label as it reads inside a sentence: "Namngiven kontakt (e-post)" → "namngiven kontakt". */
const inSentence = (label: string) => {
  const bare = label.replace(/\s*\(.*\)\s*$/, '');
  return bare.charAt(0).toLowerCase() + bare.slice(1);
};
const valueAt = (data: unknown, path: Path): unknown =>
  path.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), data);

/** Names the thing a path points into, from the layout's labels and the data's own names. */
function describePath(path: Path, data: unknown): { where: string[]; field?: Field | Group } {
  const general = LAYOUT.find((g) => g.key === 'general')!;
  const top = LAYOUT.find((g) => g.key === path[0] && g.key !== 'general');
  // The "general" group's fields sit at the root of the data (fallbackTeamId).
  let group: Group = top ?? general;
  let rest = top ? path.slice(1) : path;
  const where: string[] = [group.label];
  let here: Path = top ? [path[0]!] : [];
  for (;;) {
    if (group.kind === 'list') {
      const index = rest[0];
      if (typeof index !== 'number') return { where, field: group };
      here = [...here, index];
      const item = valueAt(data, here) as Record<string, unknown> | undefined;
      const name = typeof item?.[group.nameKey ?? 'name'] === 'string' && (item[group.nameKey ?? 'name'] as string).trim();
      const itemName = `${group.item} ${index + 1}${name ? ` (${name})` : ''}`;
      // A list at the top is named by its item alone ("Skola 3"); a nested one after its owner.
      if (where.length === 1 && group === top) where[0] = capital(itemName);
      else where.push(itemName);
      rest = rest.slice(1);
    }
    if (rest.length === 0) return { where, field: group.kind === 'object' && where.length > 1 ? group : undefined };
    const field = group.fields.find((f) => f.key === rest[0]);
    if (!field) return { where };
    if (!isGroup(field)) return { where, field };
    here = [...here, field.key];
    rest = rest.slice(1);
    if (rest.length === 0) return { where, field };
    group = field;
    if (group.kind === 'object') where.push(inSentence(group.label));
  }
}

const formatFor = (field: Field | Group | undefined, key: unknown): string => {
  const type = field && !isGroup(field) ? field.type : undefined;
  if (type === 'tel') return 'måste vara ett telefonnummer som 010-100 10 10';
  if (type === 'time') return 'måste vara en tid som 08:00';
  if (type === 'lines') return 'måste vara en e-postdomän som kommun.se (små bokstäver, utan @)';
  if (key === 'id' || String(key).endsWith('Id')) return 'får bara innehålla små bokstäver a–z, siffror och bindestreck (inga å, ä, ö eller mellanslag)';
  return 'har fel form';
};

/** What is wrong, after the field's name. */
function wording(problem: DirectoryProblem, field: Field | Group | undefined, data: unknown): string {
  const params = problem.params;
  if (params) {
    switch (params.problem) {
      case 'duplicate-id':
        return `"${params.value}" används redan av en annan – varje id får finnas en gång`;
      case 'unknown-board':
        return `"${params.value}" finns inte bland nämnderna`;
      case 'unknown-team':
        return `"${params.value}" finns inte bland mottagningsgrupperna`;
      case 'unknown-area':
        return `"${params.value}" finns inte bland områdena`;
      case 'closes-before-opens':
        return 'måste vara senare än öppningstiden';
      case 'named-contact-outside-team':
        return `måste vara en kontaktperson eller teamledaren i ${params.team}, gruppen som har ${params.area}`;
      case 'excluded-domain-also-allowed':
        return `"${params.value}" står också bland skolornas e-postdomäner`;
      case 'reserved-id':
        return `kan inte vara "${params.value}": formuläret använder det för "min skola finns inte i listan" – välj ett annat id`;
      case 'self-removal':
        return 'måste fortfarande innehålla dig själv – be en annan administratör ta bort dig';
      case 'open-reports':
        return `${params.teamName} (${params.teamId}) har fortfarande öppna anmälningar – vidarebefordra dem till en annan grupp innan du tar bort gruppen`;
    }
  }
  const key = problem.path[problem.path.length - 1];
  switch (problem.code) {
    case 'invalid_type':
      if (valueAt(data, problem.path) === undefined) return 'saknas';
      return problem.expected === 'array' ? 'måste vara en lista' : problem.expected === 'object' ? 'har fel form' : 'måste vara text';
    case 'too_small':
      if (problem.origin === 'array') return `saknas – lägg till minst ${problem.minimum === 1 ? 'en' : String(problem.minimum)}`;
      return 'saknas';
    case 'too_big':
      return `får vara högst ${String(problem.maximum)} tecken`;
    case 'invalid_format':
      return problem.format === 'email' ? 'måste vara en e-postadress som namn@kommun.se' : formatFor(field, typeof key === 'number' ? problem.path[problem.path.length - 2] : key);
    case 'unrecognized_keys':
      return 'innehåller fält som katalogen inte känner till';
    default:
      // Not worded here (a newer check): the English text beats none.
      return problem.message;
  }
}

/** One problem in the administrator's words. */
export function swedishProblem(problem: DirectoryProblem, data: unknown): SwedishProblem {
  const { where, field } = describePath(problem.path, data);
  const last = problem.path[problem.path.length - 1];
  const line = typeof last === 'number' && field && !isGroup(field) && field.type === 'lines' ? ` (rad ${last + 1})` : '';
  const fieldName = field && field !== LAYOUT.find((g) => g.key === problem.path[0]) ? `${inSentence(field.label)}${line} ` : '';
  return { where: where.join(', '), what: `${fieldName}${wording(problem, field, data)}` };
}
