// Log lines that something outside the code counts: their text is a contract, like a metric name.
// (infra/constructs/monitoring.ts turns them into CloudWatch metrics with metric filters.)

/** Logged by submit when the hidden honeypot field was filled: the report was dropped without a trace. */
export const HONEYPOT_TRIGGERED = 'honeypot triggered';
