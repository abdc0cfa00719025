// The browser scripts (bundled from web/client/*.ts), for the web function to serve.
//   In Lambda: prebuilt at deploy time into ${LAMBDA_TASK_ROOT}/assets/ (see web/client/build.ts); read once.
//   Elsewhere (npm start, tests): built in memory with esbuild on the first call, once per process.
// CLIENT_ASSETS_DIR overrides the folder (a prebuilt set outside Lambda).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const CLIENT_BUNDLES = ['form.js', 'portal.js', 'admin.js', 'stats.js'] as const;

let loading: Promise<Record<string, string>> | undefined;

async function readPrebuilt(dir: string): Promise<Record<string, string>> {
  const entries = await Promise.all(CLIENT_BUNDLES.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const));
  return Object.fromEntries(entries);
}

async function load(): Promise<Record<string, string>> {
  const dir = process.env.CLIENT_ASSETS_DIR ?? (process.env.LAMBDA_TASK_ROOT ? join(process.env.LAMBDA_TASK_ROOT, 'assets') : undefined);
  if (dir) return readPrebuilt(dir);
  // Not analysable by a bundler on purpose: the Lambda bundle must not carry esbuild.
  const builder = ['..', 'client', 'build.ts'].join('/');
  const { buildClientAssets } = (await import(/* @vite-ignore */ new URL(builder, import.meta.url).href)) as {
    buildClientAssets: () => Promise<Record<string, string>>;
  };
  return buildClientAssets();
}

/** All client bundles by file name. A failure is not cached: the next request tries again. */
export function clientBundles(): Promise<Record<string, string>> {
  if (!loading) {
    loading = load();
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}
