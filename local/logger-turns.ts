// In AWS each function runs in its own process; locally every handler shares this process and so the one
// Powertools logger, whose per-invocation context (function name, correlation id) the stream consumer would
// overwrite in the middle of an HTTP request, and the other way round. Turns keep them apart: notify waits until
// no HTTP request is in flight, and a request that arrives while notify runs waits for it. Each wait is capped, so
// under steady load nothing stalls (the log context may then mix, as before); requests still run side by side.
const MAX_WAIT_MS = 2_000;

export function loggerTurns() {
  let requests = 0;
  let notifying: Promise<unknown> | null = null;
  const drained: Array<() => void> = [];
  const capped = (wait: Promise<unknown>) => Promise.race([wait, new Promise((resolve) => setTimeout(resolve, MAX_WAIT_MS).unref())]);

  return {
    /** Wraps an HTTP function's handler. */
    request<A extends unknown[], R>(handler: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
      return async (...args) => {
        if (notifying) await capped(notifying);
        requests++;
        try {
          return await handler(...args);
        } finally {
          if (--requests === 0) drained.splice(0).forEach((resolve) => resolve());
        }
      };
    },
    /** Wraps the stream consumer's handler. */
    consumer<A extends unknown[], R>(handler: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
      return async (...args) => {
        if (requests > 0) await capped(new Promise<void>((resolve) => drained.push(resolve)));
        const run = handler(...args);
        notifying = run.catch(() => undefined);
        try {
          return await run;
        } finally {
          notifying = null;
        }
      };
    },
  };
}
