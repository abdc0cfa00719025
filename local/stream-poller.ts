// Local mode's stand-in for Lambda's DynamoDB Stream event source mapping: reads the table's stream from
// DynamoDB Local and calls the notify handler with the event Lambda builds, retrying as the mapping does
// (functions/notify/stream-settings.ts): a record reported in batchItemFailures is delivered again from
// the first failed record on, with exponential backoff; after the last attempt it is appended to a local
// dead-letter file and logged (ids only). A handler that throws gets its batch split in halves.
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type _Record as StreamRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { notifyStreamSettings } from '../functions/notify/stream-settings.ts';
import { LOCAL_CREDENTIALS } from './dynamodb.ts';
import { lambdaContext } from './http-server.ts';

export type StreamHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse | void>;

export interface StreamPollerOptions {
  dynamoEndpoint: string;
  tableName: string;
  handler: StreamHandler;
  /** Where records go after the last retry (JSON lines). */
  dlqFile: string;
  log?: (line: string) => void;
  settings?: Partial<PollerSettings>;
  /** The consumer's name, in its Lambda context, log lines and dead letters (each consumer has its own poller and
   * its own position in every shard, as each Lambda event source mapping does). Default: notify. */
  functionName?: string;
}

export interface PollerSettings {
  batchSize: number;
  retryAttempts: number;
  bisectBatchOnFunctionError: boolean;
  pollIntervalMs: number;
  retryBackoffMs: { initial: number; max: number };
}

export interface StreamPoller {
  stop: () => Promise<void>;
  /** Resolves when every record written so far has been handled (or dead-lettered). For tests. */
  idle: () => Promise<void>;
}

interface ShardState {
  shardId: string;
  parentShardId?: string;
  iterator?: string;
  lastSequenceNumber?: string;
  finished: boolean;
}

const REGION = 'ddblocal';

/** Lambda's record shape from a DynamoDB Streams API record (DynamoDB Local leaves empty maps as `{}`). */
export function toLambdaRecord(record: StreamRecord, streamArn: string): DynamoDBRecord {
  const data = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion ?? REGION,
    eventSourceARN: streamArn,
    dynamodb: {
      ApproximateCreationDateTime: data.ApproximateCreationDateTime
        ? Math.floor(new Date(data.ApproximateCreationDateTime).getTime() / 1000)
        : undefined,
      Keys: fixImage(data.Keys),
      ...(data.NewImage ? { NewImage: fixImage(data.NewImage) } : {}),
      ...(data.OldImage ? { OldImage: fixImage(data.OldImage) } : {}),
      SequenceNumber: data.SequenceNumber,
      SizeBytes: data.SizeBytes,
      StreamViewType: data.StreamViewType,
    } as DynamoDBRecord['dynamodb'],
  };
}

/** DynamoDB Local writes an empty map as `{}` in stream images; Lambda delivers `{"M":{}}`. */
function fixImage(image: Record<string, unknown> | undefined): Record<string, never> | undefined {
  if (!image) return undefined;
  const fixed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(image)) fixed[name] = fixValue(value);
  return fixed as Record<string, never>;
}

function fixValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return { M: {} };
  const [[type, inner]] = entries as [[string, unknown]];
  if (type === 'M' && typeof inner === 'object' && inner !== null) {
    return { M: Object.fromEntries(Object.entries(inner).map(([k, v]) => [k, fixValue(v)])) };
  }
  if (type === 'L' && Array.isArray(inner)) return { L: inner.map(fixValue) };
  return value;
}

export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const settings: PollerSettings = { ...notifyStreamSettings, ...options.settings };
  const FUNCTION_NAME = options.functionName ?? 'notify';
  const log = options.log ?? (() => undefined);
  const clientConfig = { endpoint: options.dynamoEndpoint, region: 'eu-north-1', credentials: LOCAL_CREDENTIALS };
  const dynamo = new DynamoDBClient(clientConfig);
  const streams = new DynamoDBStreamsClient(clientConfig);
  const table = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
  dynamo.destroy();
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${options.tableName} has no stream`);

  const shards = new Map<string, ShardState>();
  const abort = new AbortController();
  let lastDiscovery = 0;
  let round = 0;
  /** Waiters for a round that started after they asked and found nothing new. */
  const idleWaiters: Array<{ after: number; resolve: () => void }> = [];

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (abort.signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        abort.signal.removeEventListener('abort', done);
        resolve();
      }
      abort.signal.addEventListener('abort', done, { once: true });
    });

  async function discoverShards(): Promise<void> {
    let start: string | undefined;
    const found: Shard[] = [];
    do {
      const page = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }));
      found.push(...(page.StreamDescription?.Shards ?? []));
      start = page.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    for (const shard of found) {
      if (!shard.ShardId || shards.has(shard.ShardId)) continue;
      shards.set(shard.ShardId, { shardId: shard.ShardId, parentShardId: shard.ParentShardId, finished: false });
    }
    lastDiscovery = Date.now();
  }

  /** A shard is read once its parent (if we know it) is read to its end: records stay in order. */
  function readable(shard: ShardState): boolean {
    if (shard.finished) return false;
    const parent = shard.parentShardId ? shards.get(shard.parentShardId) : undefined;
    return !parent || parent.finished;
  }

  async function iteratorFor(shard: ShardState): Promise<string | undefined> {
    const result = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shard.shardId,
        ...(shard.lastSequenceNumber
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: shard.lastSequenceNumber }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return result.ShardIterator;
  }

  async function deadLetter(records: DynamoDBRecord[], reason: string): Promise<void> {
    await mkdir(dirname(options.dlqFile), { recursive: true });
    const at = new Date().toISOString();
    const lines = records.map((record) =>
      JSON.stringify({
        at,
        reason,
        function: FUNCTION_NAME,
        eventSourceARN: streamArn,
        eventID: record.eventID,
        eventName: record.eventName,
        keys: record.dynamodb?.Keys,
        sequenceNumber: record.dynamodb?.SequenceNumber,
        approximateCreationDateTime: record.dynamodb?.ApproximateCreationDateTime,
      }),
    );
    await appendFile(options.dlqFile, lines.map((line) => `${line}\n`).join(''));
    for (const record of records) {
      // Ids only: the key is REPORT#<uuid>, the sequence number a counter.
      log(`${FUNCTION_NAME}: gave up on stream record ${record.dynamodb?.SequenceNumber} (${record.dynamodb?.Keys?.pk?.S}, ${reason}); written to ${options.dlqFile}`);
    }
  }

  /** Delivers a batch as the event source mapping does, retrying until it succeeds or retries run out. */
  async function deliver(records: DynamoDBRecord[], attempt = 0): Promise<void> {
    let remaining = records;
    for (let n = attempt; remaining.length > 0; n++) {
      if (abort.signal.aborted) return;
      let failedFrom = -1;
      let failedIds = new Set<string>();
      try {
        const result = await options.handler({ Records: remaining }, lambdaContext(FUNCTION_NAME));
        const failures = result?.batchItemFailures ?? [];
        if (failures.length === 0) return;
        failedIds = new Set(failures.map((f) => String(f.itemIdentifier)));
        failedFrom = remaining.findIndex((r) => failedIds.has(r.dynamodb?.SequenceNumber ?? ''));
        // An identifier that matches no record fails the whole batch, as in Lambda.
        if (failedFrom < 0) failedFrom = 0;
      } catch (error) {
        log(`${FUNCTION_NAME}: handler error (${(error as Error).name}) on a batch of ${remaining.length}`);
        if (settings.bisectBatchOnFunctionError && remaining.length > 1) {
          const half = Math.ceil(remaining.length / 2);
          await deliver(remaining.slice(0, half), n + 1);
          await deliver(remaining.slice(half), n + 1);
          return;
        }
        failedFrom = 0;
        failedIds = new Set(remaining.map((r) => r.dynamodb?.SequenceNumber ?? ''));
      }
      remaining = remaining.slice(failedFrom);
      if (n >= settings.retryAttempts) {
        // Out of retries: the records that still failed go to the dead-letter file; the rest were handled.
        const dead = remaining.filter((r) => failedIds.has(r.dynamodb?.SequenceNumber ?? ''));
        await deadLetter(dead.length ? dead : remaining, `failed after ${n + 1} attempts`);
        return;
      }
      await sleep(Math.min(settings.retryBackoffMs.max, settings.retryBackoffMs.initial * 2 ** n));
    }
  }

  async function pollShard(shard: ShardState): Promise<number> {
    shard.iterator ??= await iteratorFor(shard);
    if (!shard.iterator) {
      shard.finished = true;
      return 0;
    }
    let page;
    try {
      page = await streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: settings.batchSize }));
    } catch (error) {
      if (error instanceof ExpiredIteratorException) {
        shard.iterator = undefined;
        return 0;
      }
      if (error instanceof TrimmedDataAccessException) {
        shard.lastSequenceNumber = undefined;
        shard.iterator = undefined;
        return 0;
      }
      throw error;
    }
    const records = (page.Records ?? []).map((record) => toLambdaRecord(record, streamArn!));
    if (records.length) {
      await deliver(records);
      shard.lastSequenceNumber = records.at(-1)!.dynamodb?.SequenceNumber ?? shard.lastSequenceNumber;
    }
    shard.iterator = page.NextShardIterator;
    if (!shard.iterator) {
      shard.finished = true; // closed: its children carry on
      lastDiscovery = 0;
    }
    return records.length;
  }

  const loop = (async () => {
    while (!abort.signal.aborted) {
      let delivered = 0;
      const thisRound = ++round;
      try {
        if (Date.now() - lastDiscovery > 5_000) await discoverShards();
        for (const shard of shards.values()) {
          if (abort.signal.aborted) break;
          if (readable(shard)) delivered += await pollShard(shard);
        }
      } catch (error) {
        if (!abort.signal.aborted) log(`${FUNCTION_NAME}: stream poll failed (${(error as Error).name}); retrying`);
        await sleep(1_000);
        continue;
      }
      if (delivered === 0) {
        for (let i = idleWaiters.length - 1; i >= 0; i--) {
          if (idleWaiters[i]!.after < thisRound) idleWaiters.splice(i, 1)[0]!.resolve();
        }
        await sleep(settings.pollIntervalMs);
      }
    }
  })();

  return {
    stop: async () => {
      abort.abort();
      await loop;
      streams.destroy();
      for (const waiter of idleWaiters.splice(0)) waiter.resolve();
    },
    idle: () =>
      new Promise<void>((resolve) => {
        if (abort.signal.aborted) return resolve();
        idleWaiters.push({ after: round, resolve });
      }),
  };
}
