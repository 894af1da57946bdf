import { describe, expect, it } from 'vitest';
import { filter, map } from 'rxjs';
import { Simulation } from '../../src/engine/simulation.js';

describe('Simulation', () => {
  it('publishes scheduled events on their streams in time order, with the clock at each event', async () => {
    const simulation = new Simulation(1);
    const pings = simulation.stream<string>('ping');
    const seen: string[] = [];
    pings.on((label) => seen.push(`${label}@${simulation.now}`));
    simulation.schedule(30, pings, 'c');
    simulation.schedule(10, pings, 'a');
    simulation.schedule(20, pings, 'b');
    const outcome = await simulation.run({ until: 100 });
    expect(seen).toEqual(['a@10', 'b@20', 'c@30']);
    expect(outcome).toEqual({ complete: true, now: 100, events: 3 });
  });

  it('offers each event kind as an observable for RxJS pipelines', async () => {
    const simulation = new Simulation(1);
    const orders = simulation.stream<number>('order');
    const large: number[] = [];
    orders.events$.pipe(filter((units) => units > 2), map((units) => units * 10)).subscribe((value) => large.push(value));
    for (const [time, units] of [[1, 1], [2, 5], [3, 3]] as const) simulation.schedule(time, orders, units);
    await simulation.run({ until: 10 });
    expect(large).toEqual([50, 30]);
  });

  it('lets handlers schedule further events, and never runs events after `until`', async () => {
    const simulation = new Simulation(1);
    const ticks = simulation.stream<number>('tick');
    const seen: number[] = [];
    ticks.on((count) => {
      seen.push(simulation.now);
      simulation.schedule(simulation.now + 25, ticks, count + 1);
    });
    simulation.schedule(0, ticks, 0);
    await simulation.run({ until: 60 });
    expect(seen).toEqual([0, 25, 50]);
    expect(simulation.pending).toBe(1);
  });

  it('refuses to schedule into the past', async () => {
    const simulation = new Simulation(1);
    const stream = simulation.stream<null>('x');
    stream.on(() => expect(() => simulation.schedule(5, stream, null)).toThrow(/already at 10/));
    simulation.schedule(10, stream, null);
    await simulation.run({ until: 20 });
  });

  it('repeats ticks with `every`, up to and including `until`', async () => {
    const simulation = new Simulation(1);
    const ticks = simulation.stream<number>('tick');
    const seen: [number, number][] = [];
    ticks.on((index) => seen.push([index, simulation.now]));
    simulation.every(ticks, 10, 15, 40);
    await simulation.run({ until: 1000 });
    expect(seen).toEqual([
      [0, 10],
      [1, 25],
      [2, 40],
    ]);
  });

  it('stops between slices when aborted, keeping what it did and marking it incomplete', async () => {
    const simulation = new Simulation(1);
    const ticks = simulation.stream<null>('tick');
    const controller = new AbortController();
    let handled = 0;
    ticks.on(() => {
      handled++;
      if (handled === 250) controller.abort();
      simulation.schedule(simulation.now + 1, ticks, null);
    });
    simulation.schedule(0, ticks, null);
    const outcome = await simulation.run({ until: 1e9, signal: controller.signal, eventsPerSlice: 100 });
    expect(outcome.complete).toBe(false);
    expect(outcome.events).toBe(300); // the slice in which it was aborted finishes
    expect(handled).toBe(300);
  });

  it('ends an aborted run even while paused', async () => {
    const simulation = new Simulation(1);
    const ticks = simulation.stream<null>('tick');
    ticks.on(() => simulation.schedule(simulation.now + 1, ticks, null));
    simulation.schedule(0, ticks, null);
    const controller = new AbortController();
    simulation.pause();
    const running = simulation.run({ until: 1e9, signal: controller.signal, eventsPerSlice: 10 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const eventsWhilePaused = simulation.events;
    expect(eventsWhilePaused).toBe(10);
    controller.abort();
    await expect(running).resolves.toMatchObject({ complete: false });
  });

  it('gives the same results however the work is sliced or paced', async () => {
    async function trace(eventsPerSlice: number, paced: boolean): Promise<number[]> {
      const simulation = new Simulation('slicing');
      const ticks = simulation.stream<null>('tick');
      const uniform = simulation.random.stream('gaps');
      const times: number[] = [];
      ticks.on(() => {
        times.push(simulation.now);
        simulation.schedule(simulation.now + uniform() * 3, ticks, null);
      });
      simulation.schedule(0, ticks, null);
      await simulation.run({ until: 500, eventsPerSlice, nextSliceLimit: paced ? (now) => now + 7 : undefined });
      return times;
    }
    const reference = await trace(1_000_000, false);
    expect(await trace(3, false)).toEqual(reference);
    expect(await trace(50, true)).toEqual(reference);
  });
});
