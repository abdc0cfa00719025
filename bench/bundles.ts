// Bundle size and cold import time of every Lambda, built with the CDK's own esbuild settings
// (infra/bundling.ts), each import timed in a fresh Node.js process and compared with an empty handler bundled
// the same way, in the same run, the runs of all bundles interleaved so that they share the machine's noise.
import { build, type Metafile } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { esbuildOptions } from '../infra/bundling.ts';
import { median } from './stats.ts';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROBE = fileURLToPath(new URL('./import-probe.mjs', import.meta.url));
const SAMPLE_DIRECTORY = join(REPO_ROOT, 'directory', 'sample.json');

export const FUNCTIONS = ['web', 'submit', 'status', 'cases', 'notify', 'reminders'] as const;
export const EMPTY = 'empty handler';

export interface BundleFigures {
  name: string;
  /** Minified bundle, KB (1024 bytes). */
  minifiedKb: number;
  /** The same, gzipped (zlib, default level), KB. */
  gzipKb: number;
  /** The source map beside it (read at import when NODE_OPTIONS has --enable-source-maps, as the stack sets). */
  sourceMapKb: number;
  /** The 3 biggest inputs by bytes in the output, and the 3 biggest packages. */
  topInputs: Array<{ path: string; kb: number }>;
  topPackages: Array<{ name: string; kb: number }>;
  /** Median cold import (`await import(bundle)` timed inside the fresh process), ms, with the deployed NODE_OPTIONS (--enable-source-maps). */
  importMs: number;
  /** importMs / the empty handler's importMs (same settings, same run). */
  importRatio: number;
  /** Median CPU time (user + system, all threads) of the import, ms: steadier than wall time on a busy machine. */
  importCpuMs: number;
  /** Median wall time of the whole fresh process (Node.js start + import + exit), ms: closer to Lambda's Init Duration. */
  processMs: number;
  processRatio: number;
  /** The same two without --enable-source-maps: what the source maps cost at import. */
  importMsNoSourceMaps: number;
  importRatioNoSourceMaps: number;
  processMsNoSourceMaps: number;
  processRatioNoSourceMaps: number;
  runs: number;
}

interface Built {
  name: string;
  dir: string;
  file: string;
  metafile: Metafile;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** The package an input path belongs to (node_modules/@scope/name or node_modules/name), else "(project)". */
function packageOf(path: string): string {
  const parts = path.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return '(project)';
  const first = parts[at + 1] ?? '';
  return first.startsWith('@') ? `${first}/${parts[at + 2]}` : first;
}

async function buildOne(name: string, entry: string, outDir: string): Promise<Built> {
  const dir = join(outDir, name.replace(/\W+/g, '-'));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'index.mjs');
  // The CDK copies the directory beside the bundle as directory.json (DIRECTORY_FILE): the same here.
  copyFileSync(SAMPLE_DIRECTORY, join(dir, 'directory.json'));
  const result = await build({ ...esbuildOptions(entry, file), absWorkingDir: REPO_ROOT, logLevel: 'error' });
  if (!result.metafile) throw new Error('esbuild returned no metafile');
  return { name, dir, file, metafile: result.metafile };
}

function sizes(built: Built): Pick<BundleFigures, 'minifiedKb' | 'gzipKb' | 'sourceMapKb' | 'topInputs' | 'topPackages'> {
  const code = readFileSync(built.file);
  const output = Object.entries(built.metafile.outputs).find(([path]) => path.endsWith('index.mjs'))?.[1];
  if (!output) throw new Error(`no output for ${built.name} in the metafile`);
  const inputs = Object.entries(output.inputs).map(([path, info]) => ({ path, bytes: info.bytesInOutput }));
  inputs.sort((a, b) => b.bytes - a.bytes);
  const packages = new Map<string, number>();
  for (const input of inputs) packages.set(packageOf(input.path), (packages.get(packageOf(input.path)) ?? 0) + input.bytes);
  return {
    minifiedKb: kb(code.byteLength),
    gzipKb: kb(gzipSync(code).byteLength),
    sourceMapKb: kb(statSync(`${built.file}.map`).size),
    topInputs: inputs.slice(0, 3).map(({ path, bytes }) => ({ path, kb: kb(bytes) })),
    topPackages: [...packages]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([name, bytes]) => ({ name, kb: kb(bytes) })),
  };
}

/** The environment Lambda gives the function at import: the stack's settings, no LOCAL_MODE, no endpoints. */
function lambdaEnv(built: Built, sourceMaps: boolean): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LAMBDA_TASK_ROOT: built.dir,
    AWS_LAMBDA_FUNCTION_NAME: `bench-${built.name}`,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
    AWS_REGION: 'eu-north-1',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    TABLE_NAME: 'concern-intake-reports',
    PUBLIC_URL: 'https://orosanmalan.example.se',
    SENDER_ADDRESS: 'no-reply@orosanmalan.example.se',
    DIRECTORY_FILE: 'directory.json',
    STATUS_LINK_SECRET_ARN: 'arn:aws:secretsmanager:eu-north-1:000000000000:secret:bench',
    ...(sourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
  };
}

interface Sample {
  importMs: number;
  importCpuMs: number;
  processMs: number;
}

function importOnce(built: Built, sourceMaps: boolean): Sample {
  const start = performance.now();
  const result = spawnSync(process.execPath, [PROBE, pathToFileURL(built.file).href], {
    cwd: built.dir,
    env: lambdaEnv(built, sourceMaps),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) {
    throw new Error(`importing the ${built.name} bundle failed (exit ${result.status}):\n${result.stderr.slice(-2_000)}`);
  }
  const processMs = performance.now() - start;
  const { ms, cpuMs } = JSON.parse(result.stdout) as { ms: number; cpuMs: number };
  return { importMs: ms, importCpuMs: cpuMs, processMs };
}

export async function benchBundles(outDir: string, runs: number, progress: (line: string) => void): Promise<BundleFigures[]> {
  const entries: Array<[string, string]> = [
    [EMPTY, fileURLToPath(new URL('./fixtures/empty-handler.ts', import.meta.url))],
    ...FUNCTIONS.map((name): [string, string] => [name, join(REPO_ROOT, 'functions', name, 'handler.ts')]),
  ];
  const builtAll: Built[] = [];
  for (const [name, entry] of entries) builtAll.push(await buildOne(name, entry, outDir));
  progress(`built ${builtAll.length} bundles in ${outDir}`);

  // One warm-up import each (fills the OS file cache), not counted.
  for (const built of builtAll) importOnce(built, true);
  const times = new Map(builtAll.map((b) => [b.name, { withMaps: [] as Sample[], withoutMaps: [] as Sample[] }]));
  for (let run = 0; run < runs; run++) {
    // Every bundle once per run, in a rotating order, with and without source maps alternating.
    for (let i = 0; i < builtAll.length; i++) {
      const built = builtAll[(i + run) % builtAll.length]!;
      const sample = times.get(built.name)!;
      const mapsFirst = (run + i) % 2 === 0;
      for (const sourceMaps of mapsFirst ? [true, false] : [false, true]) {
        (sourceMaps ? sample.withMaps : sample.withoutMaps).push(importOnce(built, sourceMaps));
      }
    }
    if ((run + 1) % 5 === 0 || run + 1 === runs) progress(`cold imports: run ${run + 1}/${runs}`);
  }

  const medians = (samples: Sample[]) => ({
    importMs: median(samples.map((s) => s.importMs)),
    importCpuMs: median(samples.map((s) => s.importCpuMs)),
    processMs: median(samples.map((s) => s.processMs)),
  });
  const base = medians(times.get(EMPTY)!.withMaps);
  const baseNoMaps = medians(times.get(EMPTY)!.withoutMaps);
  return builtAll.map((built) => {
    const withMaps = medians(times.get(built.name)!.withMaps);
    const withoutMaps = medians(times.get(built.name)!.withoutMaps);
    return {
      name: built.name,
      ...sizes(built),
      importMs: round(withMaps.importMs, 1),
      importRatio: round(withMaps.importMs / base.importMs, 1),
      importCpuMs: round(withMaps.importCpuMs, 1),
      processMs: round(withMaps.processMs, 1),
      processRatio: round(withMaps.processMs / base.processMs, 2),
      importMsNoSourceMaps: round(withoutMaps.importMs, 1),
      importRatioNoSourceMaps: round(withoutMaps.importMs / baseNoMaps.importMs, 1),
      processMsNoSourceMaps: round(withoutMaps.processMs, 1),
      processRatioNoSourceMaps: round(withoutMaps.processMs / baseNoMaps.processMs, 2),
      runs,
    };
  });
}

export const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
