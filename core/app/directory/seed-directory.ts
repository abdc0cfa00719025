// Seeding: the first version of the directory, from the deployment's directory file. Written only when no version
// exists yet, so a later start (or deploy) never overwrites what administrators changed. Local mode runs this at
// startup; in AWS a CDK custom resource makes the same conditional write (infra/constructs/directory-seed.ts).
import { directoryChanges } from '../../directory/changes.ts';
import type { Directory } from '../../directory/directory.ts';
import type { DirectoryVersions, StoredDirectory } from './ports.ts';

export const SEED_AUTHOR = 'deployment';

export function seedVersion(directory: Directory, at: Date): StoredDirectory {
  return { version: 1, savedAt: at.toISOString(), savedBy: SEED_AUTHOR, changes: directoryChanges(null, directory), directory };
}

/** 'seeded' when this wrote version 1; 'kept' when a version was already there. */
export async function seedDirectory(versions: DirectoryVersions, directory: Directory, at: Date): Promise<'seeded' | 'kept'> {
  return (await versions.save(seedVersion(directory, at))) === 'saved' ? 'seeded' : 'kept';
}
