// Where every function gets the current directory from. One port, so the file built into the bundle (first
// slice) and the versioned copy in the table that administrators keep (second slice) are interchangeable.
// Composition roots call `directorySource()`; use cases only see the `DirectorySource` interface.
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

/** The source the functions use by default. */
export function directorySource(): DirectorySource {
  return fileDirectorySource();
}
