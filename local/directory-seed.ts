// Local mode's seeding: version 1 of the directory from the directory file, written only when the table has none,
// as the deployment's custom resource does in AWS (infra/constructs/directory-seed.ts).
import { directoryVersions } from '../core/adapters/dynamodb/directory-versions.ts';
import { seedDirectory } from '../core/app/directory/seed-directory.ts';
import { loadDirectory } from '../core/directory/load.ts';

export async function seedLocalDirectory(): Promise<string> {
  const outcome = await seedDirectory(directoryVersions(), loadDirectory(), new Date());
  return outcome === 'seeded' ? 'version 1 written from the directory file' : 'kept the version already in the table';
}
