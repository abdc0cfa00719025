// In-memory DirectoryVersions and OpenReports for the directory's use-case tests: the same contract as the DynamoDB
// adapter (save only on top of version n-1), without the table.
import type { DirectoryVersionInfo, DirectoryVersions, OpenReports, StoredDirectory } from '../../core/app/directory/ports.ts';

export class MemoryDirectoryVersions implements DirectoryVersions {
  readonly versions: StoredDirectory[] = [];

  async current(): Promise<StoredDirectory | null> {
    return structuredClone(this.versions.at(-1) ?? null);
  }

  async save(next: StoredDirectory): Promise<'saved' | 'stale'> {
    if (next.version !== this.versions.length + 1) return 'stale';
    this.versions.push(structuredClone(next));
    return 'saved';
  }

  async history(): Promise<DirectoryVersionInfo[]> {
    return this.versions.map(({ directory: _directory, ...info }) => info).reverse();
  }
}

export function openReportsOf(teamsWithOpen: string[]): OpenReports {
  return { teamsWithOpenReports: async (teamIds) => teamIds.filter((id) => teamsWithOpen.includes(id)) };
}
