// Throttling of the public submit route, declared once: the local server's per-client token bucket
// (local/rate-limit.ts) and the AWS stack (API Gateway route throttling, a WAF rate-based rule) use these numbers.
//
// Who sends: school staff, a few reports a day per school. Many schools of one municipality may share one
// public address (one NAT for the whole school network), so the per-client limit is generous for people and
// still stops a script: 20 submissions at once, then one every 2 seconds (30 a minute) per address.

export interface Throttle {
  /** Sustained requests per second (the token bucket's refill rate). */
  ratePerSecond: number;
  /** Requests allowed at once (the bucket's size). */
  burst: number;
}

/** Per client (source IP) on POST /api/forms/concern-report/submissions. Local mode: local/rate-limit.ts. */
export const submitThrottle: Throttle = { ratePerSecond: 0.5, burst: 20 };

/**
 * The same per-client limit as an AWS WAF rate-based rule counts it (aggregate key IP, scoped down to the
 * submit path): requests per evaluation window. API Gateway's own throttling is per route for all clients
 * together, so the per-address limit in AWS belongs in WAF. One window's worth of the sustained rate plus the
 * burst; WAF's minimum limit is 10.
 */
export const submitWafRateRule = {
  evaluationWindowSec: 300,
  limit: Math.max(10, Math.ceil(submitThrottle.ratePerSecond * 300 + submitThrottle.burst)),
} as const;

/**
 * All clients together on the submit route (API Gateway HTTP API route settings: throttlingRateLimit,
 * throttlingBurstLimit). Far above any real intake (a municipality sends a few hundred reports a month); it caps
 * what a distributed flood can cost.
 */
export const submitRouteThrottle: Throttle = { ratePerSecond: 25, burst: 50 };

/** Seconds a client must wait for the next token (the Retry-After header), at least 1. */
export function retryAfterSeconds(tokens: number, throttle: Throttle): number {
  return Math.max(1, Math.ceil((1 - tokens) / throttle.ratePerSecond));
}
