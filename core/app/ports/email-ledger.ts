// The email ledger port: which emails of a report were sent, so that none goes out twice (claim → send → record).
// The DynamoDB adapter keeps it on the report item (core/adapters/dynamodb/email-ledger.ts).
export type ClaimResult =
  /** This consumer may send; pass `claim` to record or release. No other consumer may claim it before `until` (ISO, the caller's clock). */
  | { kind: 'claimed'; claim: string; until: string }
  /** Already sent: nothing to do. */
  | { kind: 'already-sent' }
  /** Another consumer holds a live claim: try again later. */
  | { kind: 'held'; until: string }
  /** The report item does not exist (expired and deleted): nothing to send. */
  | { kind: 'gone' }
  /** The report was closed (feedback given) since: a reminder or escalation is no longer to be sent. */
  | { kind: 'closed' };

export interface ClaimOptions {
  /** Claim only while the report is not closed (reminders, escalations: never after feedback). */
  onlyWhileOpen?: boolean;
}

export interface EmailLedger {
  /** Claims the email for a lease that starts at `now` (the caller's clock). */
  claim(reportId: string, key: string, now: Date, options?: ClaimOptions): Promise<ClaimResult>;
  /** Marks the email sent and drops the claim. Harmless if it is already marked. */
  record(reportId: string, key: string, claim: string): Promise<void>;
  /** Drops this claim (only this one), so the email can be claimed again at once. */
  release(reportId: string, key: string, claim: string): Promise<void>;
}
