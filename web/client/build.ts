// Bundles the browser scripts (web/client/*.ts) with esbuild: the form script imports the form's zod
// schema (zod/mini), so the browser checks with the very rules the server applies.
//
//   In Lambda: built once at deploy time by the CDK bundling of the web function, into <bundle>/assets/:
//       node web/client/build.ts <outputDir>/assets
//   Locally (npm start, tests): the web function builds them in memory on its first start (see
//   web/client/assets.ts), so nothing is ever stale and nothing is written.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundles, by the file name they are served under (/assets/<name>). */
export const CLIENT_ENTRIES: Record<string, string> = {
  'form.js': 'form.ts',
  'portal.js': 'portal.ts',
  'admin.js': 'admin.ts',
  'stats.js': 'stats.ts',
};

const here = fileURLToPath(new URL('.', import.meta.url));

export async function buildClientAssets(): Promise<Record<string, string>> {
  const esbuild = await import('esbuild');
  const out: Record<string, string> = {};
  await Promise.all(
    Object.entries(CLIENT_ENTRIES).map(async ([name, entry]) => {
      const result = await esbuild.build({
        entryPoints: [join(here, entry)],
        bundle: true,
        write: false,
        format: 'iife',
        platform: 'browser',
        target: ['es2022', 'chrome109', 'firefox115', 'safari16'],
        minify: true,
        legalComments: 'none',
        charset: 'utf8',
        logLevel: 'silent',
      });
      out[name] = result.outputFiles[0]!.text;
    }),
  );
  return out;
}

/** Writes the bundles into a folder (the CDK's afterBundling hook calls this). */
export async function writeClientAssets(outDir: string): Promise<string[]> {
  const built = await buildClientAssets();
  await mkdir(outDir, { recursive: true });
  await Promise.all(Object.entries(built).map(([name, text]) => writeFile(join(outDir, name), text, 'utf8')));
  return Object.keys(built).map((name) => join(outDir, name));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: node web/client/build.ts <output folder>');
    process.exit(2);
  }
  const files = await writeClientAssets(outDir);
  for (const file of files) console.log(`wrote ${file}`);
}
