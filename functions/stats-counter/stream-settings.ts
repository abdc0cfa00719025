// How the table's stream feeds the figures' counter: the stream's second and last reader (DESIGN.md: at most two
// per shard). Read by the CDK event source mapping and by the local stream poller, like notify's settings.
// Re-delivery is harmless: a subject counted from a version is never counted from it again (count-changes.ts).
export const statsCounterStreamSettings = {
  /** Counting is cheap and nobody waits for it: larger batches, a short window to fill them. */
  batchSize: 100,
  maxBatchingWindowSeconds: 5,
  /** From the table's first record, so a new table's first reports are counted. */
  startingPosition: 'TRIM_HORIZON',
  retryAttempts: 10,
  bisectBatchOnFunctionError: true,
  reportBatchItemFailures: true,
  maximumRecordAgeSeconds: 86_400,
  retryBackoffMs: { initial: 500, max: 10_000 },
  pollIntervalMs: 200,
  /**
   * Lambda event filter: report items and consultation items, not audit events and not the counters' own items
   * (which would otherwise feed the counter its own writes). The handler checks the same itself.
   */
  filterPatterns: [
    { dynamodb: { Keys: { sk: { S: ['REPORT'] } } } },
    { dynamodb: { Keys: { pk: { S: [{ prefix: 'CONSULTATION#' }] } } } },
  ],
} as const;
