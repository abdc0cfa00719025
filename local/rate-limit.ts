// Local mode's per-client rate limit on the public submit route: a token bucket per source address, with the
// numbers AWS uses (core/http/throttling.ts). Over the limit: 429 with Retry-After, before the handler runs.
import type { IncomingMessage } from 'node:http';
import { retryAfterSeconds, type Throttle } from '../core/http/throttling.ts';
import type { RouteDefinition } from '../core/http/routes.ts';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface TokenBucketOptions extends Throttle {
  now?: () => number;
  /** Buckets kept at most; when more, the full (idle) ones are dropped. */
  maxClients?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  readonly #throttle: Throttle;
  readonly #now: () => number;
  readonly #maxClients: number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: TokenBucketOptions) {
    if (!(options.ratePerSecond > 0) || !(options.burst >= 1)) throw new Error('a rate limit needs ratePerSecond > 0 and burst >= 1');
    this.#throttle = { ratePerSecond: options.ratePerSecond, burst: options.burst };
    this.#now = options.now ?? (() => Date.now());
    this.#maxClients = options.maxClients ?? 10_000;
  }

  /** Takes one token for the client, or says how long to wait for one. */
  take(client: string): RateDecision {
    const now = this.#now();
    const bucket = this.#refilled(this.#buckets.get(client), now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.#buckets.set(client, bucket);
      if (this.#buckets.size > this.#maxClients) this.#prune(now);
      return { allowed: true };
    }
    this.#buckets.set(client, bucket);
    return { allowed: false, retryAfterSeconds: retryAfterSeconds(bucket.tokens, this.#throttle) };
  }

  get clients(): number {
    return this.#buckets.size;
  }

  #refilled(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.#throttle.burst, at: now };
    const elapsed = Math.max(0, now - bucket.at) / 1000;
    return { tokens: Math.min(this.#throttle.burst, bucket.tokens + elapsed * this.#throttle.ratePerSecond), at: now };
  }

  /** A full bucket is the same as no bucket: drop those. */
  #prune(now: number): void {
    for (const [client, bucket] of this.#buckets) {
      if (this.#refilled(bucket, now).tokens >= this.#throttle.burst) this.#buckets.delete(client);
    }
  }
}

/** The hook the local server calls for every matched route: limits the public submit route per source address. */
export function submitRateLimit(throttle: Throttle, now?: () => number): (request: IncomingMessage, route: RouteDefinition) => RateDecision {
  const buckets = new TokenBuckets({ ...throttle, now });
  return (request, route) => {
    if (route.function !== 'submit') return { allowed: true };
    return buckets.take(request.socket.remoteAddress ?? 'unknown');
  };
}
