// The benchmarks that call handlers in-process against DynamoDB Local and the local SES: submit overhead,
// notify throughput, sweep cost. Run by bench/run.ts as a child process whose stdout (the functions' JSON log
// lines, as Lambda would ship them) goes to /dev/null; progress goes to stderr, the figures back over IPC.
// The environment is the functions' own (set by run.ts before this process starts): TABLE_NAME,
// DYNAMODB_ENDPOINT, SES_ENDPOINT, DIRECTORY_FILE, LOCAL_MODE=true.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { runtimeConfig } from '../core/config/runtime.ts';
import { loadDirectory } from '../core/directory/load.ts';
import { createTable, LOCAL_CREDENTIALS } from '../local/dynamodb.ts';
import { benchNotify, type NotifyFigures } from './notify.ts';
import { benchSubmit, type SubmitFigures } from './submit.ts';
import { benchSweep, type SweepFigures } from './sweep.ts';
import { benchFigures, type FiguresBenchFigures } from './figures.ts';

export interface StorageOptions {
  submit: { rounds: number; perRound: number; warmup: number };
  notify: { rounds: number; records: number };
  sweep: { sizes: number[]; sweepRuns: number; parallel: number };
  figures: { sizes: number[]; reads: number };
}

export interface StorageFigures {
  submit: SubmitFigures;
  notify: NotifyFigures;
  sweep: SweepFigures;
  figures: FiguresBenchFigures;
  seconds: { submit: number; notify: number; sweep: number; figures: number };
}

const progress = (line: string) => process.stderr.write(`  ${line}\n`);

function plainClient(endpoint: string): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint, region: 'eu-north-1', credentials: LOCAL_CREDENTIALS }), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

/** A client with the functions' settings (core/adapters/dynamodb/client.ts: retries, timeouts, marshalling) on another endpoint. */
function documentClient(endpoint: string): DynamoDBDocumentClient {
  const config = runtimeConfig();
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: config.AWS_REGION,
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000 },
      endpoint,
      credentials: LOCAL_CREDENTIALS,
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
}

async function main(options: StorageOptions): Promise<StorageFigures> {
  const config = runtimeConfig();
  const endpoint = config.DYNAMODB_ENDPOINT;
  const sesEndpoint = config.SES_ENDPOINT;
  if (!endpoint || !sesEndpoint) throw new Error('DYNAMODB_ENDPOINT and SES_ENDPOINT must be set (bench/run.ts sets them)');
  await createTable(endpoint, config.TABLE_NAME);
  const directory = loadDirectory();
  // For seeding and fixtures only (the functions use their own documentClient()).
  const client = plainClient(endpoint);
  const seconds = { submit: 0, notify: 0, sweep: 0, figures: 0 };
  const timed = async <T>(part: keyof typeof seconds, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    seconds[part] = Math.round((performance.now() - start) / 1000);
    return result;
  };
  const submit = await timed('submit', () => benchSubmit(options.submit, progress));
  const notify = await timed('notify', () => benchNotify({ client, directory, sesEndpoint, ...options.notify }, progress));
  // The sweep on a DynamoDB Local of its own (see run.ts), through a client with the functions' settings
  // (core/adapters/dynamodb/client.ts); seeding and the Scan through a plain one.
  const sweepEndpoint = process.env.BENCH_SWEEP_DYNAMODB_ENDPOINT ?? endpoint;
  const sweepClient = documentClient(sweepEndpoint);
  const seedClient = plainClient(sweepEndpoint);
  const sweep = await timed('sweep', () =>
    benchSweep({ client: seedClient, sweepClient, endpoint: sweepEndpoint, tableName: `${config.TABLE_NAME}-sweep`, directory, ...options.sweep }, progress),
  );
  const figures = await timed('figures', () =>
    benchFigures({ client, endpoint, tableName: `${config.TABLE_NAME}-figures`, directory, ...options.figures }, progress),
  );
  for (const c of [client, sweepClient, seedClient]) c.destroy();
  return { submit, notify, sweep, figures, seconds };
}

if (!process.send) throw new Error('bench/storage.ts is started by bench/run.ts (it reports over IPC)');
process.once('message', (options: StorageOptions) => {
  main(options).then(
    (figures) => process.send!({ ok: true, figures }, () => process.exit(0)),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.send!({ ok: false, error: String((error as Error).message ?? error) }, () => process.exit(1));
    },
  );
});
