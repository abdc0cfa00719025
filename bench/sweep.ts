// Sweep cost: the reminder sweep reads the sparse "due" index, so its read capacity and time should follow the
// number of due reports (20 here), not the number of reports (100, 10 000, 100 000). For contrast, the read
// capacity and time of the sweep's alternative: a Scan of the whole table with a filter.
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ReportRepository } from '../core/adapters/dynamodb/report-repository.ts';
import type { Directory } from '../core/directory/directory.ts';
import { fixedDirectorySource } from '../core/directory/source.ts';
import { DUE_BUCKET } from '../core/storage/table.ts';
import { sweepDue as sweep } from '../core/app/sweep-due.ts';
import { createTable } from '../local/dynamodb.ts';
import { batchWrite, makeReport, reportItem } from './fixtures/reports.ts';
import { median } from './stats.ts';

export interface SweepSizeFigures {
  reports: number;
  due: number;
  /** Seconds to seed this size's new reports (on top of the previous size's). */
  seedSeconds: number;
  seededItems: number;
  /** Read capacity the sweep's due() queries consumed (ReturnConsumedCapacity TOTAL). */
  sweepReadUnits: number;
  /** Median time of one sweep (all `due` reports claimed and changed), ms. */
  sweepMs: number;
  sweepRuns: number;
  /** What the sweep handled in its last run: every due report, none lost. */
  handled: number;
  /** A full-table Scan with the due filter: its read capacity, matches, pages and time. */
  scanReadUnits: number;
  scanMatches: number;
  scanPages: number;
  scanSegments: number;
  scanMs: number;
}

export interface SweepFigures {
  sizes: SweepSizeFigures[];
  /** Largest size / smallest size, for the sweep and for the Scan. */
  sweepReadUnitsRatio: number;
  sweepTimeRatio: number;
  scanReadUnitsRatio: number;
  scanTimeRatio: number;
  seedSecondsTotal: number;
}

const DUE = 20;

export async function benchSweep(
  options: {
    /** For seeding and the Scan. */
    client: DynamoDBDocumentClient;
    /** The repository's (the functions' own documentClient()). */
    sweepClient: DynamoDBDocumentClient;
    endpoint: string;
    tableName: string;
    directory: Directory;
    sizes: number[];
    sweepRuns: number;
    /** BatchWriteItem calls in flight while seeding. */
    parallel: number;
  },
  progress: (line: string) => void,
): Promise<SweepFigures> {
  const { client, tableName, directory } = options;
  await createTable(options.endpoint, tableName);
  const repository = new ReportRepository({ client: options.sweepClient, tableName, retentionDays: 90 });
  const sweepNow = new Date();
  const farFuture = new Date(sweepNow.getTime() + 365 * 86_400_000).toISOString();

  // The due reports: submitted five days ago and never acknowledged, so their acknowledge deadline (their
  // next action time) has passed. Kept, to be written again before each sweep (a sweep moves them on).
  const dueItems = Array.from({ length: DUE }, (_, n) => reportItem(makeReport(directory, new Date(sweepNow.getTime() - 5 * 86_400_000), n)));
  for (const item of dueItems) {
    if (!(typeof item.nextActionAt === 'string' && item.nextActionAt <= sweepNow.toISOString())) throw new Error('a "due" fixture is not due');
  }

  const sizes: SweepSizeFigures[] = [];
  let stored = 0;
  let sweepRound = 0;
  for (const size of options.sizes) {
    // Seed up to this size: the not-due reports are open, with their next action a year away.
    const started = performance.now();
    const items: Record<string, unknown>[] = stored === 0 ? [...dueItems] : [];
    for (let n = stored + items.length; n < size; n++) {
      const report = makeReport(directory, new Date(sweepNow.getTime() - 3_600_000), n);
      items.push(reportItem({ ...report, nextActionAt: farFuture }));
    }
    const built = performance.now();
    await batchWrite(client, tableName, items, options.parallel);
    const seedSeconds = (performance.now() - started) / 1000;
    stored = size;
    progress(
      `sweep: seeded ${items.length} reports in ${seedSeconds.toFixed(1)} s (${((built - started) / 1000).toFixed(1)} s making them; table now ${size})`,
    );

    const times: number[] = [];
    let readUnits = 0;
    let handled = 0;
    // One warm-up sweep (not counted), then the measured ones.
    for (let run = -1; run < options.sweepRuns; run++) {
      await batchWrite(client, tableName, dueItems, options.parallel); // due again, as first stored
      // A later "now" each run: the sweep's audit events are keyed by time and must not collide.
      const now = new Date(sweepNow.getTime() + ++sweepRound * 1_000);
      const start = performance.now();
      const result = await sweep({ reports: repository, directory: fixedDirectorySource(directory) }, now);
      if (run >= 0) times.push(performance.now() - start);
      readUnits = result.consumedCapacity;
      handled = result.due;
      if (result.due !== DUE || result.lostClaims) throw new Error(`the sweep handled ${result.due} of ${DUE} due reports (${result.lostClaims} lost)`);
    }

    await batchWrite(client, tableName, dueItems, options.parallel); // the Scan finds the same 20 due reports
    const segments = Math.min(32, Math.ceil(size / 1_000));
    const scan = await scanSweep(client, tableName, new Date(sweepNow.getTime() + sweepRound * 1_000), segments);
    progress(`sweep: ${size} reports: sweep ${readUnits} RCU, ${median(times).toFixed(0)} ms; scan (${segments} segments) ${scan.readUnits} RCU, ${scan.ms.toFixed(0)} ms`);
    sizes.push({
      reports: size,
      due: DUE,
      seedSeconds: round(seedSeconds, 1),
      seededItems: items.length,
      sweepReadUnits: readUnits,
      sweepMs: round(median(times), 1),
      sweepRuns: options.sweepRuns,
      handled,
      scanReadUnits: scan.readUnits,
      scanMatches: scan.matches,
      scanPages: scan.pages,
      scanSegments: segments,
      scanMs: round(scan.ms, 0),
    });
  }
  const first = sizes[0]!;
  const last = sizes[sizes.length - 1]!;
  return {
    sizes,
    sweepReadUnitsRatio: round(last.sweepReadUnits / first.sweepReadUnits, 2),
    sweepTimeRatio: round(last.sweepMs / first.sweepMs, 2),
    scanReadUnitsRatio: round(last.scanReadUnits / first.scanReadUnits, 1),
    scanTimeRatio: round(last.scanMs / first.scanMs, 1),
    seedSecondsTotal: round(sizes.reduce((sum, s) => sum + s.seedSeconds, 0), 1),
  };
}

/**
 * What finding the due reports would cost without the sparse index: a Scan of the whole table, filtered (the
 * filter is applied after the read: every item read is paid for). A parallel Scan, as a Scan-based sweep would
 * do it: DynamoDB Local takes time proportional to a segment's size for each page, so one segment over 100 000
 * items takes minutes here; the read units are the same either way. Only reads; changes nothing.
 */
async function scanSweep(
  client: DynamoDBDocumentClient,
  tableName: string,
  now: Date,
  segments: number,
): Promise<{ readUnits: number; matches: number; pages: number; ms: number }> {
  const start = performance.now();
  let readUnits = 0;
  let matches = 0;
  let pages = 0;
  const scanSegment = async (segment: number) => {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: tableName,
          FilterExpression: '#bucket = :bucket AND #next <= :now',
          ExpressionAttributeNames: { '#bucket': 'dueBucket', '#next': 'nextActionAt' },
          ExpressionAttributeValues: { ':bucket': DUE_BUCKET, ':now': now.toISOString() },
          ReturnConsumedCapacity: 'TOTAL',
          ExclusiveStartKey: startKey,
          ...(segments > 1 ? { Segment: segment, TotalSegments: segments } : {}),
        }),
      );
      readUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
      matches += page.Count ?? 0;
      pages++;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  };
  await Promise.all(Array.from({ length: segments }, (_, segment) => scanSegment(segment)));
  return { readUnits, matches, pages, ms: performance.now() - start };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
