// DynamoDB Stream consumer: the stream's records into the deliver-emails use case (core/app/deliver-emails.ts),
// whose failed records go back as batchItemFailures (partial batch response): the stream delivers them again
// with backoff, then to the dead-letter destination. The one place that sends email. Its ports: dependencies.ts.
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { changeRecordOf } from '../../core/adapters/dynamodb/stream-image.ts';
import { deliverEmails } from '../../core/app/deliver-emails.ts';
import { updateChildIndex } from '../../core/app/index-child.ts';
import { childIndexChangeOf } from '../../core/adapters/dynamodb/child-index-stream.ts';
import { deliverConsultationEmails } from '../../core/app/deliver-consultation-emails.ts';
import { consultationChangeRecordOf } from '../../core/adapters/dynamodb/consultation-stream-image.ts';
import { errorSummary } from '../../core/observability/error-summary.ts';
import { logger } from '../../core/observability/logger.ts';
import { resolveNotifyDependencies, type NotifyDependencies } from './dependencies.ts';

export { notifyConsultationLedger, notifyLedger, notifySettings, type NotifyDependencies } from './dependencies.ts';

export function createNotifyHandler(given: Partial<NotifyDependencies> = {}) {
  let deps: NotifyDependencies | undefined;
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const records = event.Records ?? [];
    try {
      deps ??= await resolveNotifyDependencies(given);
    } catch (error) {
      // The directory (for the sender's name) could not be read: the whole batch is retried.
      logger.error('notify dependencies unavailable', { error: errorSummary(error) });
      return { batchItemFailures: records.map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? '' })) };
    }
    const changes = records.map(changeRecordOf);
    const unindexed = deps.childIndexing ? await updateChildIndex(deps.childIndexing, records.map(childIndexChangeOf)) : [];
    // Each use case takes the records of its own items and passes over the rest.
    const failed = [
      ...new Set([
        ...(await deliverEmails(deps, changes)),
        ...(await deliverConsultationEmails(deps, records.map(consultationChangeRecordOf))),
        ...unindexed,
      ]),
    ];
    if (failed.length) logger.info('records to retry', { failed: failed.length, of: records.length });
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  };
}

export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  // No resetKeys: this function appends no keys of its own, and in local mode (one process for every handler) a
  // reset here would clear the correlation id of an HTTP request running beside it.
  .use(injectLambdaContext(logger))
  .handler(createNotifyHandler());
