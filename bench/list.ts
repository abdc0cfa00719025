// The portal list at 10 000 open reports of one team (issue 12): what the first page and a filtered page cost
// through the list use case (core/app/cases/list-cases.ts over the repository's byTeam reads), against a Query of
// the raw index for the same page. The first page should cost what the raw Query costs (50 of 10 000 read); a
// filtered page reads at most READ_SIZE × READS_PER_PAGE items, however rare the match (the page is short then),
// where a raw Query with a FilterExpression that must fill 50 cards reads (and pays for) as far as it takes.
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ReportRepository } from '../core/adapters/dynamodb/report-repository.ts';
import { listCases, PAGE_SIZE, READ_SIZE, READS_PER_PAGE } from '../core/app/cases/list-cases.ts';
import type { ReportStore } from '../core/app/ports/report-store.ts';
import type { Directory } from '../core/directory/directory.ts';
import { reportTable } from '../core/storage/table.ts';
import { createTable } from '../local/dynamodb.ts';
import { batchWrite, makeReport, reportItem } from './fixtures/reports.ts';
import { median } from './stats.ts';

const TEAM = 'mottagning-norr';
/** One report in URGENT_EVERY is urgent: the filtered page's filter (2 %). */
const URGENT_EVERY = 50;

export interface ListRow {
  what: string;
  readUnits: number;
  medianMs: number;
  cards: number;
}

export interface ListFigures {
  reports: number;
  runs: number;
  pageSize: number;
  readBudget: number;
  rows: ListRow[];
  seedSeconds: number;
}

export async function benchList(
  options: { client: DynamoDBDocumentClient; listClient: DynamoDBDocumentClient; endpoint: string; tableName: string; directory: Directory; reports: number; runs: number; parallel: number },
  progress: (line: string) => void,
): Promise<ListFigures> {
  const { client, tableName, directory } = options;
  await createTable(options.endpoint, tableName);
  const team = directory.teams.find((t) => t.id === TEAM)!;
  const areas = new Set(directory.areas.filter((a) => a.teamId === TEAM).map((a) => a.id));
  const teamDirectory: Directory = { ...directory, schools: directory.schools.filter((s) => areas.has(s.areaId)) };
  const now = new Date();
  const started = performance.now();
  const items = Array.from({ length: options.reports }, (_, n) => {
    const report = makeReport(teamDirectory, new Date(now.getTime() - (n % 600) * 60_000), n);
    return reportItem(n % URGENT_EVERY === 0 ? { ...report, urgency: 'urgent' } : report);
  });
  await batchWrite(client, tableName, items, options.parallel);
  const seedSeconds = (performance.now() - started) / 1000;
  progress(`list: seeded ${options.reports} open reports of ${team.id} in ${seedSeconds.toFixed(1)} s`);

  const repository = new ReportRepository({ client: options.listClient, tableName, retentionDays: 90 });
  let readUnits = 0;
  const counting: ReportStore = Object.assign(Object.create(repository) as ReportStore, {
    pageByTeam: async (...args: Parameters<ReportStore['pageByTeam']>) => {
      const page = await repository.pageByTeam(...args);
      readUnits += page.consumedCapacity;
      return page;
    },
  });
  const deps = { reports: counting, clock: { now: () => now }, cursorSecret: async () => 'bench-list-cursor-secret' };
  const staff = { id: team.contacts[0]!.email, teamIds: [TEAM] };

  const measure = async (what: string, run: () => Promise<{ units: number; cards: number }>): Promise<ListRow> => {
    const times: number[] = [];
    let last = { units: 0, cards: 0 };
    for (let i = -1; i < options.runs; i++) {
      const start = performance.now();
      last = await run();
      if (i >= 0) times.push(performance.now() - start);
    }
    const row = { what, readUnits: Math.round(last.units * 10) / 10, medianMs: Math.round(median(times) * 10) / 10, cards: last.cards };
    progress(`list: ${what}: ${row.readUnits} RCU, ${row.medianMs} ms, ${row.cards} cards`);
    return row;
  };
  const viaUseCase = (query: Record<string, string>) => async () => {
    readUnits = 0;
    const page = await listCases(deps, staff, directory, query);
    return { units: readUnits, cards: page.cases.length };
  };
  const rawQuery = (filter: boolean) => async () => {
    let units = 0;
    let cards = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await options.listClient.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'byTeam',
          KeyConditionExpression: '#teamStatus = :teamStatus',
          ExpressionAttributeNames: { '#teamStatus': reportTable.indexes.byTeam.partitionKey, ...(filter ? { '#urgency': 'urgency' } : {}) },
          ExpressionAttributeValues: { ':teamStatus': `${TEAM}#open`, ...(filter ? { ':urgent': 'urgent' } : {}) },
          ...(filter ? { FilterExpression: '#urgency = :urgent' } : { Limit: PAGE_SIZE }),
          ReturnConsumedCapacity: 'TOTAL',
          ExclusiveStartKey: start,
        }),
      );
      units += page.ConsumedCapacity?.CapacityUnits ?? 0;
      cards += page.Count ?? 0;
      start = filter && cards < PAGE_SIZE ? page.LastEvaluatedKey : undefined;
    } while (start);
    return { units, cards: Math.min(cards, PAGE_SIZE) };
  };

  const rows = [
    await measure('first page (list use case)', viaUseCase({})),
    await measure(`raw byTeam Query, Limit ${PAGE_SIZE}`, rawQuery(false)),
    await measure('urgent only (list use case, one page)', viaUseCase({ urgency: 'urgent' })),
    await measure(`raw byTeam Query + FilterExpression until ${PAGE_SIZE} urgent`, rawQuery(true)),
  ];
  return { reports: options.reports, runs: options.runs, pageSize: PAGE_SIZE, readBudget: READ_SIZE * READS_PER_PAGE, rows, seedSeconds: Math.round(seedSeconds * 10) / 10 };
}
