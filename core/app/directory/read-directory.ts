// Reading the directory and its history, for administrators.
//
// readDirectory:    1. read the current version fresh from the store (the file counts as version 0 until seeded)
//                   2. refuse a caller who is not an administrator in it
//                   3. answer the version number and the directory (the PUT sends that number back)
// directoryHistory: 1-2 as above; 3. every version, newest first: who saved it, when, and what changed.
import { currentDirectory, isAdministratorOf, type DirectoryAdminDependencies, type DirectoryCaller } from './current-version.ts';
import type { DirectoryVersionInfo } from './ports.ts';
import type { Directory } from '../../directory/directory.ts';

export type ReadDirectoryResult = { kind: 'forbidden' } | { kind: 'ok'; version: number; directory: Directory };
export type DirectoryHistoryResult = { kind: 'forbidden' } | { kind: 'ok'; versions: DirectoryVersionInfo[] };

export async function readDirectory(deps: DirectoryAdminDependencies, caller: DirectoryCaller): Promise<ReadDirectoryResult> {
  const current = await currentDirectory(deps);
  if (!isAdministratorOf(current, caller)) return { kind: 'forbidden' };
  return { kind: 'ok', version: current.version, directory: current.directory };
}

export async function directoryHistory(deps: DirectoryAdminDependencies, caller: DirectoryCaller): Promise<DirectoryHistoryResult> {
  const current = await currentDirectory(deps);
  if (!isAdministratorOf(current, caller)) return { kind: 'forbidden' };
  return { kind: 'ok', versions: await deps.versions.history() };
}
