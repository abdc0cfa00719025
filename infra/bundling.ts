// How every Lambda is bundled, in one place: the CDK's NodejsFunction (infra/constructs/app-function.ts) and
// the benchmarks (bench/) build with these same esbuild settings, so the measured bundle is the deployed one.
import type { BuildOptions } from 'esbuild';

/**
 * Needed by an ESM bundle that includes the AWS SDK: some of its CommonJS dependencies call require(),
 * which ESM does not have ("Dynamic require of node:https is not supported").
 */
export const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export const lambdaBundling = {
  format: 'esm',
  target: 'node24',
  platform: 'node',
  minify: true,
  sourceMap: true,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
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
    mainFields: [...lambdaBundling.mainFields],
    banner: { js: lambdaBundling.banner },
    metafile: true,
  };
}
