// What changed between two versions of the directory, for the history ("who, when, what changed"): the ids that
// were added, removed or edited per list, and the single sections that were edited. Pure.
import type { Directory } from './directory.ts';

export interface DirectoryChanges {
  /** "schools/ekbacken", "teams/mottagning-norr", ... */
  added: string[];
  removed: string[];
  changed: string[];
}

const LISTS = ['boards', 'areas', 'schools', 'teams'] as const;
const SECTIONS = ['municipality', 'outOfHours', 'fallbackTeamId', 'administrators'] as const;

export function directoryChanges(before: Directory | null, after: Directory): DirectoryChanges {
  const changes: DirectoryChanges = { added: [], removed: [], changed: [] };
  if (!before) {
    changes.added = LISTS.flatMap((list) => after[list].map((item) => `${list}/${item.id}`));
    return changes;
  }
  for (const list of LISTS) {
    const old = new Map<string, unknown>(before[list].map((item) => [item.id, item]));
    const now = new Map<string, unknown>(after[list].map((item) => [item.id, item]));
    for (const [id, item] of now) {
      if (!old.has(id)) changes.added.push(`${list}/${id}`);
      else if (JSON.stringify(old.get(id)) !== JSON.stringify(item)) changes.changed.push(`${list}/${id}`);
    }
    for (const id of old.keys()) if (!now.has(id)) changes.removed.push(`${list}/${id}`);
  }
  for (const section of SECTIONS) {
    if (JSON.stringify(before[section]) !== JSON.stringify(after[section])) changes.changed.push(section);
  }
  return changes;
}

/** Teams in `before` that `after` no longer has. */
export function removedTeamIds(before: Directory, after: Directory): string[] {
  const kept = new Set(after.teams.map((t) => t.id));
  return before.teams.map((t) => t.id).filter((id) => !kept.has(id));
}
