// Where every function gets the current directory from. One port, so the file built into the bundle and the
// versioned copy in the table that administrators keep are interchangeable.
// Composition roots call `directorySource()`; use cases only see the `DirectorySource` interface.
import { directoryVersions } from '../adapters/dynamodb/directory-versions.ts';
import { runtimeConfig } from '../config/runtime.ts';
import { cachedDirectorySource } from './cached-source.ts';
import type { Directory } from './directory.ts';
import { loadDirectory } from './load.ts';

export interface DirectorySource {
  /** The current directory; may be at most 60 s old. */
  current(): Promise<Directory>;
}

/** The directory file (validated once per process). */
export function fileDirectorySource(file?: string): DirectorySource {
  return { current: async () => loadDirectory(file) };
}

/** An in-memory directory (tests, simulation). */
export function fixedDirectorySource(directory: Directory): DirectorySource {
  return { current: async () => directory };
}

/**
 * The current version in the table, cached for at most DIRECTORY_MAX_AGE_SECONDS (60). Until a first version is
 * stored (the deployment and local mode seed it from the file at once), the bundled file is the directory.
 */
export function tableDirectorySource(maxAgeMs = runtimeConfig().DIRECTORY_MAX_AGE_SECONDS * 1000): DirectorySource {
  const file = fileDirectorySource();
  return cachedDirectorySource(async () => (await directoryVersions().current())?.directory ?? file.current(), { maxAgeMs });
}

let shared: DirectorySource | undefined;

/** The source the functions use by default: one per process, so its cache is shared by every handler in it. */
export function directorySource(): DirectorySource {
  shared ??= tableDirectorySource();
  return shared;
}

/** For tests and the local server, which change the environment between runs. */
export function resetDirectorySource(): void {
  shared = undefined;
}
