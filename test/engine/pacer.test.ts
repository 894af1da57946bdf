import { describe, expect, it } from 'vitest';
import { Pacer, type PacerClock } from '../../src/engine/pacer.js';
import { ScenarioRun } from '../../src/experiment/run/single-run.js';
import { loadValue, tinyScenario } from '../helpers.js';

/** A clock that only moves when the pacer sleeps. */
function fakeClock(): PacerClock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (milliseconds) => {
      slept.push(milliseconds);
      now += milliseconds;
    },
  };
}

describe('Pacer', () => {
  it('lets simulated time run at the pace of the wall clock', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(60, clock); // an hour a second
    const limit = await pacer.nextLimit(0);
    expect(limit).toBeGreaterThan(0);
    // Already at the limit: it waits until the wall clock allows more.
    const next = await pacer.nextLimit(30);
    expect(clock.now()).toBeGreaterThanOrEqual(500);
    expect(next).toBeGreaterThan(30);
    expect(clock.slept.every((milliseconds) => milliseconds <= 50)).toBe(true);
  });

  it('changes pace from now on, without catching up', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(60, clock);
    await pacer.nextLimit(10);
    pacer.setPace(10, 10);
    expect(pacer.pace).toBe(10);
    const before = clock.now();
    await pacer.nextLimit(20); // 10 more simulated minutes at 10 a second: a second
    expect(clock.now() - before).toBeGreaterThanOrEqual(1000);
    expect(clock.now() - before).toBeLessThan(1100);
  });

  it('holds a real run to the pace: six simulated hours at an hour a second take six seconds', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(60, clock);
    const run = new ScenarioRun(loadValue(tinyScenario({ start: '2020-03-02T18:00', end: '2020-03-03T00:00' })), 1);
    const reference = await new ScenarioRun(loadValue(tinyScenario({ start: '2020-03-02T18:00', end: '2020-03-03T00:00' })), 1).run();
    const finished = await run.run({ nextSliceLimit: (now) => pacer.nextLimit(now) });
    expect(clock.now()).toBeGreaterThanOrEqual(6000 - 1);
    expect(clock.now()).toBeLessThan(6000 + 100);
    // Pacing changes when work happens, never what it computes.
    expect(finished.summary).toEqual(reference.summary);
  });

  it('refuses a pace that is not positive', () => {
    expect(() => new Pacer(0)).toThrow(/positive/);
  });
});
