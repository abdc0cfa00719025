// Local mode's simulated time (local/dev-clock.ts): forward only, and it runs on from where it was set.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/app/ports/clock.ts';
import { moveClock } from '../../local/dev-clock.ts';

describe('the dev clock', () => {
  it('moves forward and keeps running; an earlier time is refused and changes nothing', async () => {
    const clock = fixedClock(new Date());
    const ahead = new Date(Date.now() + 40 * 86_400_000);
    expect(moveClock(clock, ahead)).toEqual({ kind: 'moved', now: ahead.toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.now().getTime()).toBeGreaterThan(ahead.getTime());
    const back = moveClock(clock, new Date(ahead.getTime() - 60_000));
    expect(back.kind).toBe('backwards');
    expect(clock.now().getTime()).toBeGreaterThan(ahead.getTime());
  });
});
