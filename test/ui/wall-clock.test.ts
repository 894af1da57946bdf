import { describe, expect, it } from 'vitest';
import { WallClock } from '../../src/ui/wall-clock.js';

/** A wall clock the test moves by hand, started at 0 ms. */
function clockAt() {
  const time = { now: 0 };
  return { time, clock: () => time.now };
}

describe("the dashboard's wall clock", () => {
  it('leaves paused time out of the ETA', () => {
    const { time, clock } = clockAt();
    const wall = new WallClock(clock, 100, false);
    time.now = 1000;
    wall.paused();
    time.now = 5000;
    wall.resumed();
    time.now = 6000;
    // Two working seconds for half the run: two more to go.
    expect(wall.etaSeconds(0.5)).toBe(2);
  });

  it('tells no ETA before there is progress to go by, at the end, or when paced', () => {
    const { time, clock } = clockAt();
    time.now = 1000;
    expect(new WallClock(clock, 100, false).etaSeconds(0.001)).toBeUndefined();
    expect(new WallClock(clock, 100, false).etaSeconds(1)).toBeUndefined();
    expect(new WallClock(clock, 100, true).etaSeconds(0.5)).toBeUndefined();
  });

  it('measures the speed once a second has passed, and asks for a frame at most once a frame', () => {
    const { time, clock } = clockAt();
    const wall = new WallClock(clock, 100, false);
    time.now = 50;
    expect(wall.slice(1000)).toEqual({ eventsPerSecond: undefined, frameDue: true });
    time.now = 120;
    expect(wall.slice(2000)).toEqual({ eventsPerSecond: undefined, frameDue: false });
    time.now = 2000;
    expect(wall.slice(8000)).toEqual({ eventsPerSecond: 4000, frameDue: true });
    time.now = 2500;
    expect(wall.slice(9000).eventsPerSecond).toBeUndefined();
  });
});
