// The reminder sweep (EventBridge schedule): the scheduled event's time into the sweep use case
// (core/app/sweep-due.ts), with Powertools' logger context like every function.
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { ScheduledEvent } from 'aws-lambda';
import { reportRepository } from '../../core/adapters/dynamodb/report-repository.ts';
import { sweepDue, type SweepResult } from '../../core/app/sweep-due.ts';
import { logger } from '../../core/observability/logger.ts';

export type { SweepResult };

export const handler = middy<Pick<ScheduledEvent, 'time'>, SweepResult>()
  // No resetKeys: this function appends no keys of its own, and in local mode (one process for every handler) a
  // reset here would clear the correlation id of an HTTP request running beside it.
  .use(injectLambdaContext(logger))
  .handler(async (event) => {
    const result = await sweepDue(reportRepository(), new Date(event.time));
    logger.info('sweep finished', { ...result });
    return result;
  });
