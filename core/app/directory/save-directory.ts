// Saving a new version of the directory (PUT /api/directory).
//
// 1. read the current version fresh from the store; refuse a caller who is not an administrator in it
// 2. validate the body {version, directory} with the directory's one schema: every problem with its path
// 3. refuse a stale save: `version` must be the current version the administrator started from
// 4. refuse a save that removes the caller from the administrators (no one would be left to undo it by mistake)
// 5. refuse removing a team that still has open reports, naming it: forward its reports first
// 6. write version n+1 with who, when and what changed, in one transaction conditional on version n: a save that
//    lost the race in between is stale as well
import * as z from 'zod/mini';
import { directoryChanges, removedTeamIds } from '../../directory/changes.ts';
import { directorySchema, isAdministrator } from '../../directory/directory.ts';
import { currentDirectory, isAdministratorOf, type DirectoryAdminDependencies, type DirectoryCaller } from './current-version.ts';

export const saveDirectoryBody = z.object({
  version: z.number().check(z.int('must be the version number you started from'), z.minimum(0)),
  directory: directorySchema,
});

export interface PathProblem {
  /** Dot-separated path in the body: "directory.schools.3.namedContact". */
  path: string;
  message: string;
  /** For the save's own refusals: what it is and the values it names, so the admin page can word it in Swedish. */
  params?: { problem: 'self-removal' } | { problem: 'open-reports'; teamId: string; teamName: string };
}

export type SaveDirectoryResult =
  | { kind: 'forbidden' }
  | { kind: 'invalid'; errors: PathProblem[] }
  | { kind: 'stale'; currentVersion: number }
  | { kind: 'open-reports'; errors: PathProblem[] }
  | { kind: 'saved'; version: number };

export async function saveDirectory(deps: DirectoryAdminDependencies, caller: DirectoryCaller, body: unknown): Promise<SaveDirectoryResult> {
  const current = await currentDirectory(deps);
  if (!isAdministratorOf(current, caller)) return { kind: 'forbidden' };

  const parsed = saveDirectoryBody.safeParse(body);
  if (!parsed.success) {
    return { kind: 'invalid', errors: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })) };
  }
  const { version, directory } = parsed.data;
  if (version !== current.version) return { kind: 'stale', currentVersion: current.version };
  if (!isAdministrator(directory, caller.email!)) {
    return {
      kind: 'invalid',
      errors: [{ path: 'directory.administrators', message: 'must still list you: ask another administrator to remove you', params: { problem: 'self-removal' } }],
    };
  }

  const removed = removedTeamIds(current.directory, directory);
  const blocked = removed.length ? await deps.openReports.teamsWithOpenReports(removed) : [];
  if (blocked.length) {
    return {
      kind: 'open-reports',
      errors: blocked.map((teamId) => {
        const teamName = current.directory.teams.find((t) => t.id === teamId)?.name ?? teamId;
        return {
          path: 'directory.teams',
          message: `${teamName} (${teamId}) still has open reports: forward them to another team before removing it`,
          params: { problem: 'open-reports' as const, teamId, teamName },
        };
      }),
    };
  }

  const next = version + 1;
  const outcome = await deps.versions.save({
    version: next,
    savedAt: deps.now().toISOString(),
    savedBy: caller.email!.toLowerCase(),
    changes: directoryChanges(current.directory, directory),
    directory,
  });
  return outcome === 'saved' ? { kind: 'saved', version: next } : { kind: 'stale', currentVersion: current.version };
}
