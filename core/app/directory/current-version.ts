// The directory version the administrators' use cases start from, and who is an administrator.
import type { DirectorySource } from '../../directory/source.ts';
import { isAdministrator, type Directory } from '../../directory/directory.ts';
import type { DirectoryVersions, OpenReports } from './ports.ts';

export interface DirectoryAdminDependencies {
  versions: DirectoryVersions;
  /** The directory file: what counts as the directory (version 0) before the first version is stored. */
  seed: DirectorySource;
  openReports: OpenReports;
  now: () => Date;
}

/** Who calls: the verified email from the sign-in, if any (an unverified email proves nothing). */
export interface DirectoryCaller {
  email: string | undefined;
}

export interface CurrentDirectory {
  version: number;
  directory: Directory;
}

/** Read fresh from the store (not the functions' cache): a removed administrator is refused at once. */
export async function currentDirectory(deps: DirectoryAdminDependencies): Promise<CurrentDirectory> {
  const stored = await deps.versions.current();
  return stored ? { version: stored.version, directory: stored.directory } : { version: 0, directory: await deps.seed.current() };
}

export function isAdministratorOf(current: CurrentDirectory, caller: DirectoryCaller): boolean {
  return caller.email !== undefined && isAdministrator(current.directory, caller.email);
}
