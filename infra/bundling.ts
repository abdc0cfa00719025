// How every Lambda is bundled, in one place: the CDK's NodejsFunction (infra/constructs/app-function.ts) and
// the benchmarks (bench/) build with these same esbuild settings, so the measured bundle is the deployed one.
import type { BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';

/**
 * Needed by an ESM bundle that includes the AWS SDK: some of its CommonJS dependencies call require(),
 * which ESM does not have ("Dynamic require of node:https is not supported").
 */
export const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * Builtins the bundles take as CommonJS instead of ESM imports. The AWS SDK imports node:http and node:https as
 * ESM; for node:http that makes Node read every export of the module, which loads undici (fetch, WebSocket) at
 * cold start for nothing (nodejs/node#57649; measured by `npm run bench`). These files hand over the same
 * modules through process.getBuiltinModule instead; node:stream/web, which middy imports for streaming responses
 * only, on first use.
 */
export const builtinAliases: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({ http: 'http.cjs', https: 'https.cjs', 'stream/web': 'stream-web.cjs' }).flatMap(([name, file]) => {
    const shim = fileURLToPath(new URL(`./node-builtins/${file}`, import.meta.url));
    return [
      [name, shim],
      [`node:${name}`, shim],
    ];
  }),
);

export const lambdaBundling = {
  format: 'esm',
  target: 'node24',
  platform: 'node',
  minify: true,
  sourceMap: true,
  // Maps without the sources' text: stack traces still point into the TypeScript (file, line, name), but with
  // NODE_OPTIONS=--enable-source-maps Node reads and parses the map at import, and the embedded sources made it
  // ~2.3 MB instead of ~0.8 MB per function: tens of milliseconds of every cold start (see bench/, `npm run bench`).
  sourcesContent: false,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  alias: builtinAliases,
} as const;

/** The same settings as esbuild's own build options (what NodejsFunction passes to esbuild). */
export function esbuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: lambdaBundling.format,
    target: lambdaBundling.target,
    platform: lambdaBundling.platform,
    minify: lambdaBundling.minify,
    sourcemap: lambdaBundling.sourceMap,
    sourcesContent: lambdaBundling.sourcesContent,
    mainFields: [...lambdaBundling.mainFields],
    banner: { js: lambdaBundling.banner },
    alias: { ...lambdaBundling.alias },
    metafile: true,
  };
}
