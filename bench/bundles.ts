// Bundle size and cold import time of every Lambda, built with the CDK's own esbuild settings
// (infra/bundling.ts), each import timed in a fresh Node.js process and compared, in the same run, with an empty
// handler, with the function's floor (a bare handler with exactly the SDK clients it uses, bench/floors/) and with
// the SES-only handler of AWS's contact-form samples, all bundled the same way; the runs of all bundles are
// interleaved so that they share the machine's noise.
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

export const FUNCTIONS = ['web', 'submit', 'status', 'cases', 'directory', 'notify', 'reminders', 'stats', 'stats-counter', 'consult', 'consultations'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];
export const EMPTY = 'empty handler';
export const SES_ONLY = 'SES-only sample';
const EMPTY_ENTRY = fileURLToPath(new URL('./fixtures/empty-handler.ts', import.meta.url));

const FLOOR_PREFIX = 'floor: ';

/**
 * Each function's floor: `floor: <file>` is bench/floors/<file>.ts (see bench/floors/README.md); functions with the
 * same SDK clients may share one. `web` reads the directory from the table, so its floor is a DynamoDB one too.
 */
export const FLOORS: Readonly<Record<FunctionName, string>> = {
  web: `${FLOOR_PREFIX}web`,
  submit: `${FLOOR_PREFIX}submit`,
  status: `${FLOOR_PREFIX}status`,
  cases: `${FLOOR_PREFIX}cases`,
  directory: `${FLOOR_PREFIX}directory`,
  notify: `${FLOOR_PREFIX}notify`,
  reminders: `${FLOOR_PREFIX}reminders`,
  stats: `${FLOOR_PREFIX}stats`,
  'stats-counter': `${FLOOR_PREFIX}stats-counter`,
  consult: `${FLOOR_PREFIX}consult`,
  consultations: `${FLOOR_PREFIX}consultations`,
};

export type BundleKind = 'baseline' | 'floor' | 'function';

export interface BundleFigures {
  name: string;
  kind: BundleKind;
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
  /** For a function: its floor's name, and the function's figures over the floor's and the SES-only handler's (same run). */
  floor?: string;
  vsFloor?: Ratios;
  vsSesOnly?: Ratios;
  /** For a function whose floor no longer carries exactly its SDK clients: what differs (its ratios are not to be trusted). */
  staleFloor?: string;
  /** For a function: the packages (and project files) whose bytes in the bundle exceed its floor's, biggest first. */
  beyondFloor?: Array<{ name: string; kb: number }>;
  /** For a floor or the SES-only handler: median of its first handler call after the import (the first send). */
  firstCallMs?: number;
  runs: number;
}

/**
 * A bundle's figures divided by another's: cold import (wall and CPU) and whole process, with source maps as
 * deployed, and gzip. On a busy shared machine the CPU ratio is the steady one: floors that load the same modules
 * differ by up to a third in wall time within one run, by a few percent in CPU time.
 */
export interface Ratios {
  importMs: number;
  importCpuMs: number;
  processMs: number;
  gzipKb: number;
}

export interface Built {
  name: string;
  kind: BundleKind;
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

export async function buildOne(name: string, kind: BundleKind, entry: string, outDir: string): Promise<Built> {
  const dir = join(outDir, name.replace(/\W+/g, '-'));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'index.mjs');
  // The CDK copies the directory beside the bundle as directory.json (DIRECTORY_FILE): the same here.
  copyFileSync(SAMPLE_DIRECTORY, join(dir, 'directory.json'));
  const result = await build({ ...esbuildOptions(entry, file), absWorkingDir: REPO_ROOT, logLevel: 'error' });
  if (!result.metafile) throw new Error('esbuild returned no metafile');
  return { name, kind, dir, file, metafile: result.metafile };
}

/** Bytes in the output per input file, biggest first (from esbuild's metafile). */
export function inputBytes(built: Built): Array<{ path: string; bytes: number }> {
  const output = Object.entries(built.metafile.outputs).find(([path]) => path.endsWith('index.mjs'))?.[1];
  if (!output) throw new Error(`no output for ${built.name} in the metafile`);
  const inputs = Object.entries(output.inputs).map(([path, info]) => ({ path, bytes: info.bytesInOutput }));
  return inputs.sort((a, b) => b.bytes - a.bytes);
}

/** Bytes in the output per package, project files each under their own path (so that they can be named). */
export function bytesByPackageOrProjectFile(built: Built): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { path, bytes } of inputBytes(built)) {
    const key = packageOf(path) === '(project)' ? path : packageOf(path);
    totals.set(key, (totals.get(key) ?? 0) + bytes);
  }
  return totals;
}

/** What a bundle carries beyond another (its floor): per package or project file, the bytes over the floor's. */
function beyond(built: Built, floor: Built): Array<{ name: string; kb: number }> {
  const floorBytes = bytesByPackageOrProjectFile(floor);
  return [...bytesByPackageOrProjectFile(built)]
    .map(([name, bytes]) => ({ name, bytes: bytes - (floorBytes.get(name) ?? 0) }))
    .filter((entry) => entry.bytes >= 512)
    .sort((a, b) => b.bytes - a.bytes)
    .map(({ name, bytes }) => ({ name, kb: kb(bytes) }));
}

function sizes(built: Built): Pick<BundleFigures, 'minifiedKb' | 'gzipKb' | 'sourceMapKb' | 'topInputs' | 'topPackages'> {
  const code = readFileSync(built.file);
  const inputs = inputBytes(built);
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

/**
 * The environment Lambda gives the function at import: the stack's settings, no LOCAL_MODE, no endpoints. The
 * credentials are made up, as Lambda puts the role's in these variables; AWS_ENDPOINT_URL (a closed local port)
 * and AWS_MAX_ATTEMPTS matter only to a floor's timed first send, which must fail fast and never reach AWS.
 */
export function lambdaEnv(built: Pick<Built, 'name' | 'dir'>, sourceMaps: boolean): NodeJS.ProcessEnv {
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
    LIST_CURSOR_SECRET_ARN: 'arn:aws:secretsmanager:eu-north-1:000000000000:secret:bench-cursor',
    CHILD_MATCH_KEY_ID: 'arn:aws:kms:eu-north-1:000000000000:key/bench',
    AWS_ACCESS_KEY_ID: 'AKIABENCHBENCHBENCH0',
    AWS_SECRET_ACCESS_KEY: 'bench-secret-access-key-not-a-real-one',
    AWS_SESSION_TOKEN: 'bench-session-token',
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    AWS_MAX_ATTEMPTS: '1',
    ...(sourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
  };
}

interface Sample {
  importMs: number;
  importCpuMs: number;
  processMs: number;
}

export function importOnce(built: Pick<Built, 'name' | 'dir' | 'file'>, sourceMaps: boolean): Sample {
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

/** The AWS SDK clients a bundle carries (packages @aws-sdk/client-* and lib-dynamodb, by bytes in the output). */
export function sdkClientsOf(built: Built): string[] {
  return [...bytesByPackageOrProjectFile(built)]
    .filter(([name, bytes]) => bytes > 0 && /^@aws-sdk\/(client-|lib-dynamodb$)/.test(name))
    .map(([name]) => name)
    .sort();
}

/**
 * A floor is honest only while it carries exactly the SDK clients its function does: when a function gains or
 * drops a client (a new port's adapter, say), its ratios are against the wrong floor. Returns, per function whose
 * floor no longer matches, what differs; the run prints it beside the figures and in results.json.
 */
function staleFloors(builtAll: Built[]): Map<string, string> {
  const byName = new Map(builtAll.map((b) => [b.name, b]));
  const stale = new Map<string, string>();
  for (const name of FUNCTIONS) {
    const [fn, floor] = [byName.get(name)!, byName.get(FLOORS[name])!];
    const [have, want] = [sdkClientsOf(fn).join(', ') || 'none', sdkClientsOf(floor).join(', ') || 'none'];
    if (have !== want) stale.set(name, `${name} carries ${have}; its floor (${floor.name}) carries ${want}: update bench/floors/ and FLOORS in bench/bundles.ts`);
  }
  return stale;
}

/** A floor's import and then its first handler call (the first send), in one fresh process; the call's ms. */
function firstCallOnce(built: Built): number {
  const result = spawnSync(process.execPath, [PROBE, pathToFileURL(built.file).href, 'invoke'], {
    cwd: built.dir,
    env: lambdaEnv(built, true),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`calling the ${built.name} bundle failed (exit ${result.status}):\n${result.stderr.slice(-2_000)}`);
  return (JSON.parse(result.stdout) as { firstCallMs: number }).firstCallMs;
}

/** Every bundle the comparison needs: the empty handler, the SES-only sample, each floor, each function. */
export function bundleEntries(): Array<{ name: string; kind: BundleKind; entry: string }> {
  const floorFile = (name: string) => fileURLToPath(new URL(`./floors/${name}.ts`, import.meta.url));
  return [
    { name: EMPTY, kind: 'baseline', entry: EMPTY_ENTRY },
    { name: SES_ONLY, kind: 'baseline', entry: floorFile('ses-only') },
    ...[...new Set(Object.values(FLOORS))]
      .filter((floor) => floor.startsWith(FLOOR_PREFIX))
      .map((floor) => ({ name: floor, kind: 'floor' as const, entry: floorFile(floor.slice(FLOOR_PREFIX.length)) })),
    ...FUNCTIONS.map((name) => ({ name, kind: 'function' as const, entry: join(REPO_ROOT, 'functions', name, 'handler.ts') })),
  ];
}

export async function benchBundles(outDir: string, runs: number, progress: (line: string) => void): Promise<BundleFigures[]> {
  const builtAll: Built[] = [];
  for (const { name, kind, entry } of bundleEntries()) builtAll.push(await buildOne(name, kind, entry, outDir));
  const stale = staleFloors(builtAll);
  progress(`built ${builtAll.length} bundles in ${outDir}`);
  for (const problem of stale.values()) progress(`STALE FLOOR: ${problem}`);

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
  // The first send of each floor and of the SES-only handler: what the first invocation adds to the import.
  const firstCalls = new Map<string, number[]>();
  const callable = builtAll.filter((b) => b.kind !== 'function' && b.name !== EMPTY);
  for (let run = 0; run < Math.max(3, Math.ceil(runs / 3)); run++) {
    for (const built of callable) firstCalls.set(built.name, [...(firstCalls.get(built.name) ?? []), firstCallOnce(built)]);
  }
  progress(`first sends: ${callable.length} bundles`);

  const medians = (samples: Sample[]) => ({
    importMs: median(samples.map((s) => s.importMs)),
    importCpuMs: median(samples.map((s) => s.importCpuMs)),
    processMs: median(samples.map((s) => s.processMs)),
  });
  const base = medians(times.get(EMPTY)!.withMaps);
  const baseNoMaps = medians(times.get(EMPTY)!.withoutMaps);
  const byName = new Map(builtAll.map((b) => [b.name, b]));
  const ratios = (of: Built, to: Built): Ratios => {
    const [a, b] = [medians(times.get(of.name)!.withMaps), medians(times.get(to.name)!.withMaps)];
    return {
      importMs: round(a.importMs / b.importMs, 2),
      importCpuMs: round(a.importCpuMs / b.importCpuMs, 2),
      processMs: round(a.processMs / b.processMs, 2),
      gzipKb: round(sizes(of).gzipKb / sizes(to).gzipKb, 2),
    };
  };
  return builtAll.map((built): BundleFigures => {
    const withMaps = medians(times.get(built.name)!.withMaps);
    const withoutMaps = medians(times.get(built.name)!.withoutMaps);
    const floor = built.kind === 'function' ? byName.get(FLOORS[built.name as FunctionName])! : undefined;
    const calls = firstCalls.get(built.name);
    return {
      name: built.name,
      kind: built.kind,
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
      ...(floor
        ? {
            floor: floor.name,
            ...(stale.has(built.name) ? { staleFloor: stale.get(built.name) } : {}),
            vsFloor: ratios(built, floor),
            vsSesOnly: ratios(built, byName.get(SES_ONLY)!),
            beyondFloor: beyond(built, floor),
          }
        : {}),
      ...(calls ? { firstCallMs: round(median(calls), 1) } : {}),
      runs,
    };
  });
}

export const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
