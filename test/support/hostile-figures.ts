// The figures of the hostile tests: each test file counts what it tried (inputs, faults, reports accepted and
// found again) and records them in test-results/hostile/<file>.json when it ends. Every file prints its own line
// and the running total of this run; the file that finishes last prints the total over all hostile files.
// (A run is one vitest process: the test files run in its child processes, so their parent pid names the run.)
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../local/app.ts';

export interface HostileFigures {
  /** Bad, random or hostile inputs sent (bodies, headers, paths, ids). */
  inputsTried: number;
  /** Ordinary requests and deliveries made under load or around faults (not counted as inputs). */
  requests: number;
  /** Faults injected (a service stopped, a consumer or sweep killed, a send made to fail). */
  faultsInjected: number;
  /** Reports the system answered 201 for (real ones: honeypot decoys are not reports). */
  reportsAccepted: number;
  /** Of those, found stored exactly once afterwards. */
  reportsFound: number;
  /** Answers that were errors where none was allowed (5xx on bad input, unexpected failures). */
  errors: number;
  /** Anything else worth printing (throughput, emails counted…). */
  notes?: Record<string, number | string>;
}

const DIR = join(PROJECT_ROOT, 'test-results', 'hostile');
const HOSTILE_TESTS = join(PROJECT_ROOT, 'test', 'hostile');

export function newFigures(): HostileFigures {
  return { inputsTried: 0, requests: 0, faultsInjected: 0, reportsAccepted: 0, reportsFound: 0, errors: 0 };
}

function line(figures: HostileFigures): string {
  const notes = Object.entries(figures.notes ?? {}).map(([k, v]) => `${k} ${v}`);
  return [
    `bad inputs tried ${figures.inputsTried}`,
    `requests under load or faults ${figures.requests}`,
    `faults injected ${figures.faultsInjected}`,
    `reports accepted ${figures.reportsAccepted}`,
    `found ${figures.reportsFound}`,
    `lost ${figures.reportsAccepted - figures.reportsFound}`,
    `errors ${figures.errors}`,
    ...notes,
  ].join(', ');
}

/** Records this file's figures and prints them, with the total of the run so far. */
export async function recordFigures(file: string, figures: HostileFigures): Promise<string> {
  await mkdir(DIR, { recursive: true });
  const run = process.ppid;
  await writeFile(join(DIR, `${file}.json`), JSON.stringify({ run, file, at: new Date().toISOString(), ...figures }, null, 2));
  const expected = (await readdir(HOSTILE_TESTS)).filter((name) => name.endsWith('.test.ts')).length;
  const total = newFigures();
  let files = 0;
  for (const name of await readdir(DIR)) {
    if (!name.endsWith('.json')) continue;
    const recorded = JSON.parse(await readFile(join(DIR, name), 'utf8')) as HostileFigures & { run: number };
    if (recorded.run !== run) continue;
    files++;
    total.inputsTried += recorded.inputsTried;
    total.requests += recorded.requests ?? 0;
    total.faultsInjected += recorded.faultsInjected;
    total.reportsAccepted += recorded.reportsAccepted;
    total.reportsFound += recorded.reportsFound;
    total.errors += recorded.errors;
  }
  const own = `hostile figures (${file}): ${line(figures)}`;
  const sum = `hostile totals (${files} of ${expected} hostile files${files >= expected ? ', all' : ' so far'}): ${line(total)}`;
  console.log(`${own}\n${sum}`);
  return sum;
}
