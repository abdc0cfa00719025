// Figures read cost: reading a year of figures (GET /api/stats for twelve months: a Query per month of the counter
// rows) should cost the same read units at 1 000 and at 100 000 reports, since the rows are per month × team ×
// area × school and never per report. Each size gets its own table; its rows are the recount of N synthetic
// reports spread over a year and every school, in every state (core/app/figures/rebuild-figures.ts, the rule the
// stream counter uses too: test/integration/figures-rebuild.test.ts shows the two agree), written as the rebuild
// writes them. Then the twelve months are read through the stats function's own store, several times.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoFiguresStore } from '../core/adapters/dynamodb/figures-store.ts';
import { recount } from '../core/app/figures/rebuild-figures.ts';
import type { Countable } from '../core/app/ports/figures-store.ts';
import type { Directory } from '../core/directory/directory.ts';
import { contributionOf, monthsBetween } from '../core/domain/figures.ts';
import type { Report } from '../core/domain/report.ts';
import { createTable } from '../local/dynamodb.ts';
import { makeReport } from './fixtures/reports.ts';
import { median } from './stats.ts';
import { format, table } from './table.ts';

export interface FiguresSizeFigures {
  reports: number;
  rows: number;
  /** Read capacity of one read of twelve months (ReturnConsumedCapacity TOTAL, summed over the twelve queries). */
  readUnits: number;
  /** Median time of one read of twelve months, ms. */
  readMs: number;
  reads: number;
}

export interface FiguresBenchFigures {
  sizes: FiguresSizeFigures[];
  /** Largest size / smallest size. */
  readUnitsRatio: number;
  readTimeRatio: number;
}

const YEAR = monthsBetween('2025-12', '2026-11');
const HOUR = 3_600_000;

/** Report n of a year: its month and school rotate; four in five acknowledged, half closed, some escalated. */
function yearReport(directory: Directory, n: number): Report {
  const month = YEAR[n % 12]!;
  const submitted = new Date(`${month}-${String(1 + (n % 27)).padStart(2, '0')}T09:00:00Z`);
  const report = makeReport(directory, submitted, Math.floor(n / 12));
  const acknowledgedAt = n % 5 === 0 ? undefined : new Date(submitted.getTime() + (n % 41) * HOUR).toISOString();
  const closed = acknowledgedAt && n % 2 === 0;
  return {
    ...report,
    ...(acknowledgedAt ? { status: closed ? 'closed' : 'acknowledged', acknowledgedAt } : {}),
    ...(closed ? { feedback: { outcome: 'investigation-not-opened', note: '', at: new Date(submitted.getTime() + (n % 20) * 24 * HOUR).toISOString(), by: 'bench@example' } } : {}),
    ...(n % 7 === 0 ? { escalationCount: 1, lastEscalationAt: report.feedbackBy } : {}),
  } as Report;
}

export async function benchFigures(
  options: { client: DynamoDBDocumentClient; endpoint: string; tableName: string; directory: Directory; sizes: number[]; reads: number },
  progress: (line: string) => void,
): Promise<FiguresBenchFigures> {
  const sizes: FiguresSizeFigures[] = [];
  for (const size of options.sizes) {
    const tableName = `${options.tableName}-${size}`;
    await createTable(options.endpoint, tableName);
    const store = new DynamoFiguresStore({ client: options.client, tableName });
    const source = {
      countables: async function* (): AsyncGenerator<Countable> {
        for (let n = 0; n < size; n++) {
          const report = yearReport(options.directory, n);
          yield { subject: `REPORT#${report.id}`, version: 1, contribution: contributionOf(report) };
        }
      },
    };
    const { rows } = await recount(source);
    await store.replaceAll(rows, []);
    const times: number[] = [];
    let readUnits = 0;
    for (let run = -1; run < options.reads; run++) {
      const start = performance.now();
      const result = await store.rows(YEAR);
      if (run >= 0) times.push(performance.now() - start);
      readUnits = result.consumedCapacity;
      if (result.rows.length !== rows.length) throw new Error(`read ${result.rows.length} of ${rows.length} rows`);
    }
    progress(`figures: ${size} reports → ${rows.length} rows; a year read ${readUnits} RCU, ${median(times).toFixed(1)} ms`);
    sizes.push({ reports: size, rows: rows.length, readUnits, readMs: Math.round(median(times) * 10) / 10, reads: options.reads });
  }
  const first = sizes[0]!;
  const last = sizes[sizes.length - 1]!;
  return {
    sizes,
    readUnitsRatio: Math.round((last.readUnits / first.readUnits) * 100) / 100,
    readTimeRatio: Math.round((last.readMs / first.readMs) * 100) / 100,
  };
}

/** Section 5 of `npm run bench`: the read cost of a year of figures at each size, side by side. */
export function figuresSection(figures: FiguresBenchFigures): string[] {
  const first = figures.sizes[0]!;
  const last = figures.sizes[figures.sizes.length - 1]!;
  return [
    `\n5. Figures read cost — a year of figures (twelve monthly Queries of the counter rows, as GET /api/stats reads them)`,
    `   at N reports spread over the year and every school; rows = the recount of the N reports (the counter's rule);`,
    `   RCU = ConsumedCapacity (TOTAL) as DynamoDB Local reports it; ms = median of ${first.reads} reads.\n`,
    table(['reports', 'counter rows', 'year read RCU', 'year read ms'], figures.sizes.map((s) => [s.reports, s.rows, s.readUnits, s.readMs])),
    `\n   ${format(last.reports)} / ${format(first.reports)} reports: read RCU ×${format(figures.readUnitsRatio)}, read time ×${format(figures.readTimeRatio)}.`,
  ];
}

// Alone: `npx node bench/figures.ts [--quick]` starts a DynamoDB Local of its own and prints section 5 only.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { startDynamoDbLocal } = await import('../local/dynamodb.ts');
  const { freePort, stopAllChildren } = await import('../local/processes.ts');
  const { loadDirectory } = await import('../core/directory/load.ts');
  const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
  const { DynamoDBDocumentClient } = await import('@aws-sdk/lib-dynamodb');
  const { LOCAL_CREDENTIALS } = await import('../local/dynamodb.ts');
  const quick = process.argv.includes('--quick');
  const directoryFile = new URL('../directory/sample.json', import.meta.url).pathname;
  const dynamo = await startDynamoDbLocal(await freePort());
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'eu-north-1', credentials: LOCAL_CREDENTIALS }));
  try {
    const figures = await benchFigures(
      { client, endpoint: dynamo.endpoint, tableName: 'bench-figures', directory: loadDirectory(directoryFile), sizes: quick ? [1_000, 10_000] : [1_000, 100_000], reads: quick ? 5 : 11 },
      (line) => process.stderr.write(`  ${line}\n`),
    );
    for (const line of figuresSection(figures)) process.stdout.write(`${line}\n`);
  } finally {
    client.destroy();
    await dynamo.stop();
    await stopAllChildren();
  }
}
