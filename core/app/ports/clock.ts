// The clock port: where every use case, the email ledger's leases and the repository's expiry filter get "now".
// One instance for the whole process, so local mode can move the time every handler sees by changing one object.
export interface Clock {
  now(): Date;
}

/** The process's clock: real time unless local mode sets it (its `now` may be replaced, never the object). */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that reads a given time (tests, simulations). */
export function fixedClock(at: Date | (() => Date)): Clock {
  return { now: typeof at === 'function' ? at : () => at };
}
