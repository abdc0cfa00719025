// What each library and each big project module costs on its own at cold start, and why each function loads it:
// the findings of issue 18 (bench/COLD-START.md). Each probe is a tiny handler that uses the module the way the
// project does, bundled with the deployed settings (infra/bundling.ts) and imported cold in fresh processes,
// interleaved with the empty handler; the figures are its bundle's gzip and its import time over the empty
// handler's. Then, from esbuild's metafile of every function, which functions carry each module and through
// which chain of top-level imports (entry → … → module).
//
//   npx node bench/modules.ts [--runs 15]
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { esbuildOptions } from '../infra/bundling.ts';
import { buildOne, FUNCTIONS, importOnce, inputBytes, REPO_ROOT, round, type Built } from './bundles.ts';
import { median } from './stats.ts';
import { table } from './table.ts';

interface Probe {
  name: string;
  /** The probe handler's source (TypeScript, resolved from the repository root). */
  code: string;
  /** How to find the module in a function's metafile: a package directory or a project file. */
  marker: string;
}

const SCHEMA = `{ name: z.string().check(z.minLength(1), z.maxLength(120)), email: z.email(), urgency: z.enum(['normal', 'urgent']) }`;
const PROBES: Probe[] = [
  { name: 'zod classic + one object schema', marker: 'node_modules/zod/v4/classic/', code: `import * as z from 'zod'; const s = z.object({ name: z.string().min(1).max(120), email: z.email(), urgency: z.enum(['normal', 'urgent']) }); export const handler = (x: unknown) => s.safeParse(x);` },
  { name: 'zod/mini, the same schema', marker: 'node_modules/zod/v4/mini/', code: `import * as z from 'zod/mini'; const s = z.object(${SCHEMA}); export const handler = (x: unknown) => s.safeParse(x);` },
  { name: 'zod/mini + toJSONSchema', marker: 'node_modules/zod/v4/core/json-schema-processors.js', code: `import * as z from 'zod/mini'; const s = z.object(${SCHEMA}); export const handler = () => z.toJSONSchema(s);` },
  { name: 'Powertools Logger (constructed)', marker: 'node_modules/@aws-lambda-powertools/logger/', code: `import { Logger } from '@aws-lambda-powertools/logger'; const logger = new Logger({ serviceName: 'probe' }); export const handler = () => logger.info('x');` },
  { name: 'Powertools Logger + injectLambdaContext', marker: 'node_modules/@aws-lambda-powertools/logger/lib/esm/middleware/', code: `import { Logger } from '@aws-lambda-powertools/logger'; import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'; const logger = new Logger({ serviceName: 'probe' }); export const handler = () => injectLambdaContext(logger);` },
  { name: '@middy/core', marker: 'node_modules/@middy/core/', code: `import middy from '@middy/core'; export const handler = middy().handler(async () => 1);` },
  { name: 'date-fns addDays + @date-fns/tz TZDate', marker: 'node_modules/@date-fns/tz/', code: `import { TZDate } from '@date-fns/tz'; import { addDays } from 'date-fns'; export const handler = () => addDays(new TZDate(Date.now(), 'Europe/Stockholm'), 1);` },
  { name: 'swedish-holidays', marker: 'node_modules/swedish-holidays/', code: `import { getHolidays } from 'swedish-holidays'; export const handler = () => getHolidays(2026);` },
  { name: 'escape-html', marker: 'node_modules/escape-html/', code: `import escapeHtml from 'escape-html'; export const handler = (x: string) => escapeHtml(x);` },
  { name: '@aws-sdk/util-dynamodb unmarshall', marker: 'node_modules/@aws-sdk/util-dynamodb/', code: `import { unmarshall } from '@aws-sdk/util-dynamodb'; export const handler = (x: never) => unmarshall(x);` },
  { name: 'jose jwtVerify', marker: 'node_modules/jose/', code: `import { jwtVerify } from 'jose'; export const handler = (t: string, k: Uint8Array) => jwtVerify(t, k);` },
  { name: 'calendar (core/domain/calendar.ts)', marker: 'core/domain/calendar.ts', code: `import { nextWorkingDay } from './core/domain/calendar.ts'; export const handler = (d: string) => nextWorkingDay(d);` },
  { name: 'form definition (forms/concern-report)', marker: 'forms/concern-report/index.ts', code: `import { concernReportForm } from './forms/concern-report/index.ts'; export const handler = (x: unknown) => concernReportForm.schema.safeParse(x);` },
  { name: 'form labels (labels.ts)', marker: 'forms/concern-report/labels.ts', code: `import { concernReportTexts } from './forms/concern-report/labels.ts'; export const handler = () => concernReportTexts;` },
  { name: 'form page rendering (form-page.ts)', marker: 'web/pages/form-page.ts', code: `import { renderFormPage } from './web/pages/form-page.ts'; export const handler = renderFormPage;` },
  { name: 'receipt page (receipt-page.ts)', marker: 'web/pages/receipt-page.ts', code: `import { renderReceiptPage } from './web/pages/receipt-page.ts'; export const handler = renderReceiptPage;` },
  { name: 'portal page shell (portal-page.ts)', marker: 'web/pages/portal-page.ts', code: `import { renderPortalPage } from './web/pages/portal-page.ts'; export const handler = renderPortalPage;` },
  { name: 'status page (status-page.ts)', marker: 'web/pages/status-page.ts', code: `import { renderStatusPage } from './web/pages/status-page.ts'; export const handler = renderStatusPage;` },
  { name: 'site assets (web/assets: CSS)', marker: 'web/assets/site-css.ts', code: `import { assets } from './web/assets/index.ts'; export const handler = () => assets;` },
  { name: 'email templates (core/email)', marker: 'core/email/templates.ts', code: `import { alertEmail } from './core/email/templates.ts'; export const handler = alertEmail;` },
  { name: 'http middleware (core/http)', marker: 'core/http/middleware.ts', code: `import { httpErrors, requestLogging } from './core/http/middleware.ts'; export const handler = () => [httpErrors(), requestLogging()];` },
  { name: 'directory: loadDirectory() at import', marker: 'core/directory/directory.ts', code: `import { loadDirectory } from './core/directory/load.ts'; const directory = loadDirectory(); export const handler = () => directory;` },
];

const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 15;
const log = (line = '') => process.stdout.write(`${line}\n`);

async function buildProbe(probe: Probe, outDir: string): Promise<Built & { gzipKb: number }> {
  const dir = join(outDir, probe.name.replace(/\W+/g, '-'));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'index.mjs');
  copyFileSync(join(REPO_ROOT, 'directory', 'sample.json'), join(dir, 'directory.json'));
  const { entryPoints: _entry, ...options } = esbuildOptions('unused', file);
  const result = await build({ ...options, stdin: { contents: probe.code, resolveDir: REPO_ROOT, loader: 'ts', sourcefile: 'probe.ts' }, absWorkingDir: REPO_ROOT, logLevel: 'error' });
  return { name: probe.name, kind: 'baseline', dir, file, metafile: result.metafile!, gzipKb: round(gzipSync(readFileSync(file)).byteLength / 1024, 1) };
}

/** The chain of top-level imports from a function's entry to the first input matching the marker, if any. */
function importChain(built: Built, marker: string): string[] | undefined {
  const inputs = built.metafile.inputs;
  const entry = Object.keys(inputs).find((path) => path.endsWith(`functions/${built.name}/handler.ts`));
  if (!entry) return undefined;
  const previous = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  while (queue.length) {
    const path = queue.shift()!;
    if (path.includes(marker)) {
      const chain: string[] = [];
      for (let at: string | null = path; at; at = previous.get(at) ?? null) chain.unshift(at);
      return chain;
    }
    for (const next of inputs[path]?.imports ?? []) {
      // Type-only and unused imports leave no bytes: follow only what the bundle really contains.
      if (!next.external && inputs[next.path] && !previous.has(next.path)) {
        previous.set(next.path, path);
        queue.push(next.path);
      }
    }
  }
  return undefined;
}

const short = (path: string) => path.replace(/^.*node_modules\//, '').replace(/\/(dist-es|dist|lib\/esm|v4)\/.*$/, '');

const outDir = mkdtempSync(join(tmpdir(), 'concern-intake-modules-'));
try {
  const empty = await buildOne('empty handler', 'baseline', join(REPO_ROOT, 'bench', 'fixtures', 'empty-handler.ts'), outDir);
  const probes = [];
  for (const probe of PROBES) probes.push(await buildProbe(probe, outDir));
  const functions: Built[] = [];
  for (const name of FUNCTIONS) functions.push(await buildOne(name, 'function', join(REPO_ROOT, 'functions', name, 'handler.ts'), outDir));
  log(`Node.js ${process.version}; ${probes.length} probes, ${RUNS} interleaved cold imports each (with --enable-source-maps, as deployed)\n`);

  const all = [empty, ...probes];
  const samples = new Map(all.map((b) => [b.name, { ms: [] as number[], cpu: [] as number[] }]));
  for (const built of all) importOnce(built, true); // warm the file cache
  for (let run = 0; run < RUNS; run++) {
    for (let i = 0; i < all.length; i++) {
      const built = all[(i + run) % all.length]!;
      const sample = importOnce(built, true);
      samples.get(built.name)!.ms.push(sample.importMs);
      samples.get(built.name)!.cpu.push(sample.importCpuMs);
    }
  }
  const base = { ms: median(samples.get(empty.name)!.ms), cpu: median(samples.get(empty.name)!.cpu) };
  const rows = probes.map((probe, index) => {
    const s = samples.get(probe.name)!;
    const marker = PROBES[index]!.marker;
    const carriers = functions.filter((f) => inputBytes(f).some((input) => input.bytes > 0 && input.path.includes(marker))).map((f) => f.name);
    return { probe, marker, carriers, ms: round(median(s.ms) - base.ms, 1), cpu: round(median(s.cpu) - base.cpu, 1) };
  });
  log(table(
    ['module (as the project uses it)', 'gzip KB', 'import ms over empty', 'import CPU ms over empty', 'in functions'],
    rows.map((r) => [r.probe.name, r.probe.gzipKb, r.ms, r.cpu, r.carriers.join(' ') || '—']),
  ));
  log(`\n(empty handler: import ${round(base.ms, 1)} ms, CPU ${round(base.cpu, 1)} ms)\n`);
  log('Why each function loads it (the chain of top-level imports from its entry):\n');
  for (const fn of functions) {
    log(`${fn.name}:`);
    for (const r of rows.filter((row) => row.carriers.includes(fn.name))) {
      const chain = importChain(fn, r.marker);
      if (chain) log(`  ${r.probe.name}: ${chain.map(short).join(' → ')}`);
    }
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
