// The versioned directory in the one table (keys in core/storage/table.ts): each version is an item holding the
// directory as gzip-compressed JSON (base64 in a string attribute, so the CDK's seeding custom resource can write
// the very same item), and the CURRENT pointer holds the current version's number and a copy of its data, so a
// function's read is one GetItem. A save is one transaction conditional on the pointer's version.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { DirectoryVersionInfo, DirectoryVersions, OpenReports, StoredDirectory } from '../../app/directory/ports.ts';
import { runtimeConfig } from '../../config/runtime.ts';
import { parseDirectory, type Directory } from '../../directory/directory.ts';
import { DIRECTORY_PARTITION, DIRECTORY_VERSION_PREFIX, directoryCurrentKey, directoryVersionKey, reportTable } from '../../storage/table.ts';
import { documentClient } from './client.ts';
import { storageCall } from './errors.ts';

export const compressDirectory = (directory: Directory): string => gzipSync(JSON.stringify(directory)).toString('base64');
export const decompressDirectory = (data: string): Directory =>
  // Validated on the way out too: a function never works from a directory the schema would refuse.
  parseDirectory(JSON.parse(gunzipSync(Buffer.from(data, 'base64')).toString('utf8')), 'stored directory');

/** The attributes of a version item (and of the pointer, which adds its key), as written by the app and the seed. */
export function directoryVersionAttributes(stored: Omit<StoredDirectory, 'directory'> & { directory: Directory }) {
  return {
    version: stored.version,
    savedAt: stored.savedAt,
    savedBy: stored.savedBy,
    changes: stored.changes,
    data: compressDirectory(stored.directory),
  };
}

function infoOf(item: Record<string, unknown>): DirectoryVersionInfo {
  return {
    version: Number(item.version),
    savedAt: String(item.savedAt),
    savedBy: String(item.savedBy),
    changes: (item.changes as DirectoryVersionInfo['changes']) ?? { added: [], removed: [], changed: [] },
  };
}

export class DynamoDirectoryVersions implements DirectoryVersions {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(options: { client: DynamoDBDocumentClient; tableName: string }) {
    this.#client = options.client;
    this.#table = options.tableName;
  }

  async current(): Promise<StoredDirectory | null> {
    const { Item } = await storageCall(() =>
      this.#client.send(new GetCommand({ TableName: this.#table, Key: directoryCurrentKey(), ConsistentRead: true })),
    );
    if (!Item) return null;
    return { ...infoOf(Item), directory: decompressDirectory(String(Item.data)) };
  }

  async save(next: StoredDirectory): Promise<'saved' | 'stale'> {
    const attributes = directoryVersionAttributes(next);
    const first = next.version === 1;
    try {
      await storageCall(() =>
        this.#client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.#table,
                  Item: { ...directoryCurrentKey(), ...attributes },
                  ConditionExpression: first ? 'attribute_not_exists(pk)' : '#version = :expected',
                  ...(first ? {} : { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': next.version - 1 } }),
                },
              },
              { Put: { TableName: this.#table, Item: { ...directoryVersionKey(next.version), ...attributes }, ConditionExpression: 'attribute_not_exists(pk)' } },
            ],
          }),
        ),
      );
      return 'saved';
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause ?? error;
      if (cause instanceof TransactionCanceledException && cause.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) {
        return 'stale';
      }
      throw error;
    }
  }

  async history(): Promise<DirectoryVersionInfo[]> {
    const versions: DirectoryVersionInfo[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await storageCall(() =>
        this.#client.send(
          new QueryCommand({
            TableName: this.#table,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': DIRECTORY_PARTITION, ':prefix': DIRECTORY_VERSION_PREFIX },
            // Who, when and what: the compressed content stays in the table.
            ProjectionExpression: '#version, savedAt, savedBy, changes',
            ExpressionAttributeNames: { '#version': 'version' },
            ScanIndexForward: false,
            ExclusiveStartKey: start,
          }),
        ),
      );
      versions.push(...(page.Items ?? []).map(infoOf));
      start = page.LastEvaluatedKey;
    } while (start);
    return versions;
  }
}

/**
 * Whether teams have open reports, from the byTeam index with Select COUNT: the administrators' function learns
 * whether there are any, never what they are (its IAM role allows only COUNT queries there).
 */
export function openReportsIn(options: { client: DynamoDBDocumentClient; tableName: string }): OpenReports {
  const { partitionKey } = reportTable.indexes.byTeam;
  return {
    async teamsWithOpenReports(teamIds) {
      const open = await Promise.all(
        teamIds.map(async (teamId) => {
          const { Count } = await storageCall(() =>
            options.client.send(
              new QueryCommand({
                TableName: options.tableName,
                IndexName: 'byTeam',
                KeyConditionExpression: '#teamStatus = :open',
                ExpressionAttributeNames: { '#teamStatus': partitionKey },
                ExpressionAttributeValues: { ':open': `${teamId}#open` },
                Select: 'COUNT',
                Limit: 1,
              }),
            ),
          );
          return (Count ?? 0) > 0 ? teamId : null;
        }),
      );
      return open.filter((teamId): teamId is string => teamId !== null);
    },
  };
}

let defaultVersions: DynamoDirectoryVersions | undefined;

/** The versions every function uses: the table from the environment. */
export function directoryVersions(): DynamoDirectoryVersions {
  defaultVersions ??= new DynamoDirectoryVersions({ client: documentClient(), tableName: runtimeConfig().TABLE_NAME });
  return defaultVersions;
}
