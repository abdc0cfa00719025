// A DirectorySource that reads through to a slower one at most once per `maxAgeMs`: every function keeps the
// directory in memory and reads the table again when its copy is older than that, so a change made by an
// administrator reaches routing, alerts and access within the max age, with no deploy. Concurrent callers share
// one read. A failed read is not cached: the next call tries again (and the caller answers 503 meanwhile, rather
// than act on a directory older than promised).
import type { Directory } from './directory.ts';
import type { DirectorySource } from './source.ts';

export interface CachedSourceOptions {
  /** At most 60 s in the functions (DESIGN.md); tests set less. */
  maxAgeMs: number;
  now?: () => number;
}

export function cachedDirectorySource(read: () => Promise<Directory>, options: CachedSourceOptions): DirectorySource {
  const now = options.now ?? Date.now;
  let cached: { directory: Directory; readAt: number } | undefined;
  let pending: Promise<Directory> | undefined;
  return {
    async current() {
      if (cached && now() - cached.readAt < options.maxAgeMs) return cached.directory;
      pending ??= (async () => {
        const readAt = now();
        try {
          const directory = await read();
          cached = { directory, readAt };
          return directory;
        } finally {
          pending = undefined;
        }
      })();
      return pending;
    },
  };
}
