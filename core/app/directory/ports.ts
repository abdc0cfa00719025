// The ports the directory's use cases talk to. The DynamoDB adapter is core/adapters/dynamodb/directory-versions.ts;
// tests may use the in-memory one in test/support.
import type { DirectoryChanges } from '../../directory/changes.ts';
import type { Directory } from '../../directory/directory.ts';

/** One saved version, without its content: what the history lists. */
export interface DirectoryVersionInfo {
  version: number;
  savedAt: string;
  /** The administrator's verified email, or "deployment" for the seed. */
  savedBy: string;
  changes: DirectoryChanges;
}

export interface StoredDirectory extends DirectoryVersionInfo {
  directory: Directory;
}

/** The versioned directory: every save is a new version; the current one is what the functions read. */
export interface DirectoryVersions {
  /** The current version, read strongly consistent; null before the first (seed) version is written. */
  current(): Promise<StoredDirectory | null>;
  /**
   * Writes `next` as the current version in one conditional transaction: only when the current version is still
   * `next.version - 1` (none at all for version 1). 'stale' when someone else saved first.
   */
  save(next: StoredDirectory): Promise<'saved' | 'stale'>;
  /** Every version, newest first. */
  history(): Promise<DirectoryVersionInfo[]>;
}

/** Which of these teams still have open reports (a team with open reports cannot be removed). */
export interface OpenReports {
  teamsWithOpenReports(teamIds: string[]): Promise<string[]>;
}
