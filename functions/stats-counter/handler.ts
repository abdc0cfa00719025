// DynamoDB Stream consumer for the figures: the stream's records into the count-changes use case
// (core/app/figures/count-changes.ts). Failed records go back as batchItemFailures: the stream delivers them again
// with backoff, then to the failure queue. Counting is exactly once per subject version, so re-delivery is harmless.
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { documentClient } from '../../core/adapters/dynamodb/client.ts';
import { countRecordOf } from '../../core/adapters/dynamodb/figures-countables.ts';
import { DynamoFiguresStore } from '../../core/adapters/dynamodb/figures-store.ts';
import { countChanges } from '../../core/app/figures/count-changes.ts';
import type { FiguresStore } from '../../core/app/ports/figures-store.ts';
import { runtimeConfig } from '../../core/config/runtime.ts';
import { logger } from '../../core/observability/logger.ts';

export function createStatsCounterHandler(given: { figures?: FiguresStore } = {}) {
  let figures = given.figures;
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    figures ??= new DynamoFiguresStore({ client: documentClient(), tableName: runtimeConfig().TABLE_NAME });
    const records = event.Records ?? [];
    const failed = await countChanges(figures, records.map(countRecordOf));
    if (failed.length) logger.info('records to retry', { failed: failed.length, of: records.length });
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  };
}

export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  // No resetKeys, as notify: it appends no keys of its own, and in local mode (one process for every handler) a
  // reset here would clear the correlation id of an HTTP request running beside it.
  .use(injectLambdaContext(logger))
  .handler(createStatsCounterHandler());
