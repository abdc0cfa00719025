// `npm run bench`: cold start, handler overhead, sweep cost and notify throughput, each figure a ratio to a
// baseline measured side by side in the same run (the machine is shared and noisy: absolute numbers vary
// from run to run, the ratios much less). Prints the tables and writes bench/results.json. Never part of
// `npm test`, and nothing asserts on timing.
//
//   npm run bench                     the full run (about 5–10 minutes on 2 cores)
//   npm run bench -- --quick          smaller sizes and fewer runs, to try a change (its figures are rougher)
//   npx node bench/run.ts --bundles-only [--quick]
//                                     only part 1 (bundles, floors, cold imports): a minute or two, no DynamoDB
//                                     Local; writes bench/results.json with the bundles only
//   npx node bench/modules.ts         what each library costs alone (the findings in bench/COLD-START.md)
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDynamoDbLocal } from '../local/dynamodb.ts';
import { freePort, stopAllChildren } from '../local/processes.ts';
import { startLocalSes } from '../local/ses.ts';
import { benchBundles, EMPTY, REPO_ROOT, SES_ONLY, type BundleFigures, type Ratios } from './bundles.ts';
import type { StorageFigures, StorageOptions } from './storage.ts';
import { format, table } from './table.ts';
import { figuresSection } from './figures.ts';

const quick = process.argv.includes('--quick');
const bundlesOnly = process.argv.includes('--bundles-only');
const IMPORT_RUNS = quick ? 5 : 21;
const storageOptions: StorageOptions = quick
  ? { submit: { rounds: 2, perRound: 50, warmup: 10 }, notify: { rounds: 2, records: 100 }, sweep: { sizes: [100, 1_000, 10_000], sweepRuns: 3, parallel: 16 }, figures: { sizes: [1_000, 10_000], reads: 5 } }
  : { submit: { rounds: 5, perRound: 200, warmup: 50 }, notify: { rounds: 3, records: 100 }, sweep: { sizes: [100, 10_000, 100_000], sweepRuns: 5, parallel: 16 }, figures: { sizes: [1_000, 100_000], reads: 11 } };

const log = (line = '') => process.stdout.write(`${line}\n`);
const started = performance.now();
const elapsed = () => `${Math.round((performance.now() - started) / 1000)} s`;

process.once('SIGINT', () => {
  void stopAllChildren().finally(() => process.exit(130));
});

/** Runs bench/storage.ts in a child process (its stdout, the functions' log lines, to /dev/null). */
function runStorage(env: NodeJS.ProcessEnv): Promise<StorageFigures> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./storage.ts', import.meta.url)), [], {
      env,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let answered = false;
    child.once('message', (message: { ok: boolean; figures?: StorageFigures; error?: string }) => {
      answered = true;
      if (message.ok && message.figures) resolve(message.figures);
      else reject(new Error(`the storage benchmarks failed: ${message.error}`));
    });
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`the storage benchmarks exited with code ${code} without an answer`));
    });
    child.send(storageOptions);
  });
}

function printBundles(bundles: BundleFigures[]): void {
  log(`\n1. Bundles — esbuild with the CDK's settings (infra/bundling.ts); cold import = median of ${IMPORT_RUNS} fresh Node.js processes per bundle, interleaved`);
  log(`   "process" is the whole fresh process (Node.js start + import + exit: what a cold start pays); "import" is await import(bundle)`);
  log(`   timed inside it (wall, and CPU of all threads). With the deployed NODE_OPTIONS (--enable-source-maps), then without it.`);
  log(`   ×empty = against the empty handler bundled the same way, same settings, same run.\n`);
  log(
    table(
      ['function', 'min KB', 'gzip KB', 'map KB', 'process ms', '×empty', 'import ms', '×empty', 'import CPU ms', '| no maps: process ms', '×empty', 'import ms'],
      bundles.map((b) => [
        b.name,
        b.minifiedKb,
        b.gzipKb,
        b.sourceMapKb,
        b.processMs,
        b.processRatio,
        b.importMs,
        b.importRatio,
        b.importCpuMs,
        b.processMsNoSourceMaps,
        b.processRatioNoSourceMaps,
        b.importMsNoSourceMaps,
      ]),
    ),
  );
  log('\n   Biggest inputs (KB of the minified output), and biggest packages:\n');
  log(
    table(
      ['function', 'top 3 inputs', 'top 3 packages'],
      bundles
        .filter((b) => b.name !== EMPTY)
        .map((b) => [
          b.name,
          b.topInputs.map((i) => `${i.path.replace(/^node_modules\//, '')} ${i.kb}`).join(', '),
          b.topPackages.map((p) => `${p.name} ${p.kb}`).join(', '),
        ]),
      'text',
    ),
  );
  printAgainstFloors(bundles);
  const functions = bundles.filter((b) => b.kind === 'function');
  const heavy = functions.filter((b) => b.gzipKb > 300).map((b) => b.name);
  const slow = functions.filter((b) => b.processRatio > 5).map((b) => b.name);
  log(`\n   Over 300 KB gzipped: ${heavy.join(', ') || 'none'}. Cold start (process) over 5× the empty handler's: ${slow.join(', ') || 'none'}.`);
}

/** Each function against its floor and against the SES-only sample: the ratios of issue 18, from this run. */
function printAgainstFloors(bundles: BundleFigures[]): void {
  const named = new Map(bundles.map((b) => [b.name, b]));
  const ses = named.get(SES_ONLY)!;
  const times = (r: number) => `×${format(r)}`;
  log(`\n   Against the floor (a bare handler with exactly the SDK clients the function uses, bench/floors/) and against`);
  log(`   the SES-only handler of AWS's contact-form samples, same settings, same run (with source maps, as deployed):\n`);
  const vsSes = (b: BundleFigures, key: 'gzipKb' | 'importMs' | 'importCpuMs' | 'processMs') =>
    b === ses ? '×1' : times(Math.round((b[key] / ses[key]) * 100) / 100);
  log(
    table(
      ['function', 'floor', 'gzip KB', '×floor', '×SES-only', 'import ms', '×floor', '×SES-only', 'import CPU ms', '×floor', '×SES-only', 'process ms', '×floor', '×SES-only'],
      [
        ...bundles
          .filter((b) => b.kind !== 'function')
          .map((b) => [b.name, '', b.gzipKb, '', vsSes(b, 'gzipKb'), b.importMs, '', vsSes(b, 'importMs'), b.importCpuMs, '', vsSes(b, 'importCpuMs'), b.processMs, '', vsSes(b, 'processMs')]),
        ...bundles
          .filter((b) => b.kind === 'function')
          .map((b) => [
            b.name,
            b.staleFloor ? `${b.floor!} (STALE)` : b.floor!,
            b.gzipKb,
            times(b.vsFloor!.gzipKb),
            times(b.vsSesOnly!.gzipKb),
            b.importMs,
            times(b.vsFloor!.importMs),
            times(b.vsSesOnly!.importMs),
            b.importCpuMs,
            times(b.vsFloor!.importCpuMs),
            times(b.vsSesOnly!.importCpuMs),
            b.processMs,
            times(b.vsFloor!.processMs),
            times(b.vsSesOnly!.processMs),
          ]),
      ],
    ),
  );
  const over = (key: keyof Ratios) =>
    bundles.filter((b) => b.kind === 'function' && b.vsFloor![key] > 1.15).map((b) => `${b.name} ×${format(b.vsFloor![key])}`).join(', ') || 'none';
  log(`\n   Over 1.15× the floor: whole process ${over('processMs')}; import CPU ${over('importCpuMs')}.`);
  const web = named.get('web');
  if (web) log(`   web's second bar, below the SES-only handler in import CPU: ${web.importCpuMs < ses.importCpuMs ? 'met' : 'NOT met'} (×${format(web.vsSesOnly!.importCpuMs)}).`);
  for (const b of bundles.filter((f) => f.staleFloor)) log(`   STALE FLOOR, ratios not to be trusted: ${b.staleFloor}.`);
  const calls = bundles.filter((b) => b.firstCallMs !== undefined).map((b) => `${b.name} ${format(b.firstCallMs!)} ms`);
  log(`   The first send after the import (credential chain, HTTP handler, a refused connection), paid in the first`);
  log(`   invocation, not in the Init: ${calls.join(', ')}.`);
  log('\n   What each function carries beyond its floor (KB of the minified output, per package or project file):\n');
  log(
    table(
      ['function', 'beyond the floor (top 8)'],
      bundles
        .filter((b) => b.kind === 'function')
        .map((b) => [b.name, b.beyondFloor!.slice(0, 8).map((e) => `${e.name.replace(/^(core|web|forms|functions)\//, '$1/')} ${e.kb}`).join(', ')]),
      'text',
    ),
  );
}

function printStorage({ submit, notify, sweep, figures }: StorageFigures): void {
  log(`\n2. Submit overhead — the submit handler in-process (API Gateway v2 events) vs the bare TransactWriteItems it sends,`);
  log(`   same items and client, DynamoDB Local; ${submit.rounds} alternating rounds × ${submit.perRound} each, one call at a time\n`);
  log(
    table(
      ['', 'calls', 'per second', 'median ms', 'p99 ms', 'CPU ms per call'],
      [
        ['submit handler', submit.handler.calls, submit.handler.perSecond, submit.handler.medianMs, submit.handler.p99Ms, submit.handler.cpuMsPerCall],
        ['bare TransactWriteItems', submit.bareWrite.calls, submit.bareWrite.perSecond, submit.bareWrite.medianMs, submit.bareWrite.p99Ms, submit.bareWrite.cpuMsPerCall],
        ['ratio handler / bare', '', `×${format(submit.throughputRatio)}`, `×${format(submit.medianRatio)}`, `×${format(submit.p99Ratio)}`, `×${format(Math.round((submit.handler.cpuMsPerCall / submit.bareWrite.cpuMsPerCall) * 100) / 100)}`],
        ['handler, storing nothing', submit.handlerNoStorage.calls, submit.handlerNoStorage.perSecond, submit.handlerNoStorage.medianMs, submit.handlerNoStorage.p99Ms, submit.handlerNoStorage.cpuMsPerCall],
      ],
    ),
  );
  log(`\n   The handler adds ${format(submit.overheadMs)} ms (median) to the write; on its own (a repository that stores nothing) it takes ${format(submit.handlerNoStorage.medianMs)} ms.`);

  const first = sweep.sizes[0]!;
  const last = sweep.sizes[sweep.sizes.length - 1]!;
  log(`\n3. Sweep cost — ${first.due} due reports among N open ones; the sweep (sparse "due" index) vs a full-table Scan with a filter`);
  log(`   RCU = ConsumedCapacity (TOTAL) as DynamoDB Local reports it; sweep ms = median of ${first.sweepRuns} sweeps (each claims and changes the 20);`);
  log(`   the Scan is a parallel Scan (segments) reading every item; seeding by BatchWriteItem, 25 items a call, several calls at a time\n`);
  log(
    table(
      ['reports', 'due', 'seeded', 'seed s', 'sweep RCU', 'sweep ms', 'scan RCU', 'scan ms', 'scan segments', 'scan pages', 'scan found'],
      sweep.sizes.map((s) => [
        s.reports,
        s.due,
        s.seededItems,
        s.seedSeconds,
        s.sweepReadUnits,
        s.sweepMs,
        s.scanReadUnits,
        s.scanMs,
        s.scanSegments,
        s.scanPages,
        s.scanMatches,
      ]),
    ),
  );
  log(
    `\n   ${format(last.reports)} / ${format(first.reports)} reports: sweep RCU ×${format(sweep.sweepReadUnitsRatio)}, sweep time ×${format(sweep.sweepTimeRatio)};` +
      ` Scan RCU ×${format(sweep.scanReadUnitsRatio)}, Scan time ×${format(sweep.scanTimeRatio)}. Seeding took ${format(sweep.seedSecondsTotal)} s in all.`,
  );

  log(`\n4. Notify throughput — batches of ${notify.recordsPerBatch} INSERT records (${notify.emailsPerBatch} emails: alerts + receipts) through the notify`);
  log(`   handler (ledger claim → send → record) vs as many plain SendEmail calls, both ${notify.concurrency} at a time, local SES; ${notify.rounds} alternating rounds.`);
  log(`   "ledger calls alone" = the same claim → SendEmail → record calls without the handler around them.\n`);
  log(
    table(
      ['', 'emails per second', 'ms per email', 'ratio', 'CPU ms per email'],
      [
        ['notify handler', notify.handlerEmailsPerSecond, notify.handlerMsPerEmail, `×${format(notify.ratio)} of plain SendEmail`, notify.handlerCpuMsPerEmail],
        ['plain SendEmail', notify.directEmailsPerSecond, notify.directMsPerEmail, '×1', notify.directCpuMsPerEmail],
        ['ledger calls alone', notify.ledgerEmailsPerSecond, notify.ledgerMsPerEmail, `×${format(notify.ledgerRatio)} of plain SendEmail`, notify.ledgerCpuMsPerEmail],
      ],
    ),
  );
  log(`\n   The handler runs at ×${format(notify.handlerOverLedgerRatio)} the speed of its own ledger and SES calls made bare.`);
  for (const line of figuresSection(figures)) log(line);
}

const outDir = mkdtempSync(join(tmpdir(), 'concern-intake-bench-'));
let exitCode = 0;
try {
  log(`Benchmarks${quick ? ' (--quick: rougher figures)' : ''} — Node.js ${process.version}, ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  log(`\n[${elapsed()}] bundles and cold imports…`);
  const bundles = await benchBundles(outDir, IMPORT_RUNS, (line) => log(`  ${line}`));
  if (bundlesOnly) {
    printBundles(bundles);
    const results = { at: new Date().toISOString(), quick, bundlesOnly, node: process.version, cpus: cpus().length, loadAverageAtEnd: loadavg(), bundles };
    writeFileSync(join(REPO_ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    log(`\nWrote bench/results.json (bundles only) — ${elapsed()} in all.`);
  } else {
    log(`\n[${elapsed()}] starting DynamoDB Local (two: one for the sweep's 100 000 reports) and the local SES…`);
    // The sweep's table gets a DynamoDB Local of its own: DynamoDB Local slows writes into a new stream-enabled
    // table as other tables' streams fill (seeding there took 3–4 times as long after the submit and notify runs).
    const [dynamo, sweepDynamo, ses] = await Promise.all([
      startDynamoDbLocal(await freePort()),
      startDynamoDbLocal(await freePort()),
      startLocalSes(await freePort()),
    ]);
    let storage: StorageFigures;
    try {
      storage = await runStorage({
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        TABLE_NAME: 'bench-reports',
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        SES_ENDPOINT: ses.endpoint,
        DIRECTORY_FILE: join(REPO_ROOT, 'directory', 'sample.json'),
        AWS_REGION: 'eu-north-1',
        LOCAL_MODE: 'true',
        BENCH_SWEEP_DYNAMODB_ENDPOINT: sweepDynamo.endpoint,
      });
    } finally {
      await Promise.all([dynamo.stop(), sweepDynamo.stop(), ses.stop()]);
    }

    printBundles(bundles);
    printStorage(storage);
    const results = {
      at: new Date().toISOString(),
      quick,
      node: process.version,
      cpus: cpus().length,
      loadAverageAtEnd: loadavg(),
      wallSeconds: Math.round((performance.now() - started) / 1000),
      bundles,
      ...storage,
    };
    writeFileSync(join(REPO_ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    log(`\nWrote bench/results.json — ${elapsed()} in all.`);
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
  await stopAllChildren();
}
process.exit(exitCode);
