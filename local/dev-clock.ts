// Local mode's simulated time (`POST /dev/clock {now}`, DESIGN.md "Second slice"): moves the one process clock
// (systemClock) that every handler, the sweep timer, notify, the email ledger and the repository's expiry filter
// read, so a person can look at a simulated month in the portal. Forward only; from the new time on it runs at
// real speed. Sign-in tokens keep real time (jose reads the real clock).
import type { Clock } from '../core/app/ports/clock.ts';

export type ClockMove = { kind: 'moved'; now: string } | { kind: 'backwards'; current: string };

/** Sets `clock` to `to` (and lets it run on from there); refuses a time before the clock's current one. */
export function moveClock(clock: Clock, to: Date): ClockMove {
  const current = clock.now();
  if (to.getTime() < current.getTime()) return { kind: 'backwards', current: current.toISOString() };
  const offsetMs = to.getTime() - Date.now();
  clock.now = () => new Date(Date.now() + offsetMs);
  return { kind: 'moved', now: to.toISOString() };
}
