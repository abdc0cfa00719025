// How the table's stream feeds notify: one place for the numbers, read by the CDK event source mapping and
// by the local stream poller (local/stream-poller.ts), so both retry and give up the same way.
//
// Retries: a record the handler reports in batchItemFailures (or a whole batch, when the handler throws)
// is delivered again, from the first failed record on, until `retryAttempts` is used up; then it goes to
// the dead-letter destination (an SQS queue with an alarm in AWS, .local/notify-dlq.jsonl locally).
// Re-delivery is harmless: the email ledger on the report item sends each email at most once.
export const notifyStreamSettings = {
  /** Records per invocation. Small batches keep one slow SES call from holding many reports back. */
  batchSize: 25,
  /** Seconds Lambda may wait to fill a batch (0: deliver at once; people wait for their receipt). */
  maxBatchingWindowSeconds: 0,
  /** A new table is read from its first record, so nothing written before the mapping existed is lost. */
  startingPosition: 'TRIM_HORIZON',
  /** Deliveries after the first; then the record goes to the dead-letter destination. */
  retryAttempts: 10,
  /** On a handler error (not a reported record failure), split the batch to find the record at fault. */
  bisectBatchOnFunctionError: true,
  /** The handler answers { batchItemFailures } rather than failing the whole batch. */
  reportBatchItemFailures: true,
  /** A record older than this goes to the dead-letter destination without more retries (one day). */
  maximumRecordAgeSeconds: 86_400,
  /**
   * Backoff between local retries: 0.5 s doubling up to 10 s (about 65 s over 10 retries). Lambda's own
   * backoff for stream retries is not configurable; these numbers copy its shape for local mode.
   */
  retryBackoffMs: { initial: 500, max: 10_000 },
  /** Local poller: how often an idle shard is read. */
  pollIntervalMs: 200,
  /**
   * How long a claimed email is reserved for the consumer that claimed it (see email-ledger.ts). Longer
   * than a claim → send → record can take (the SES client gives up after 3 attempts of at most 5 s each),
   * so no second consumer can claim an email while the first may still be sending it. Shorter than the
   * retry window, so a claim left by a crash expires before its record runs out of retries.
   */
  claimLeaseSeconds: 45,
  /**
   * Lambda event filter: only report items (not audit items), and only inserts and changes. The handler
   * checks the same itself, so an unfiltered feed (the local poller) is equally correct.
   */
  filterPattern: { eventName: ['INSERT', 'MODIFY'], dynamodb: { Keys: { sk: { S: ['REPORT'] } } } },
} as const;
