import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/engine/event-queue.js';

function drain(queue: EventQueue<string>): string[] {
  const out: string[] = [];
  while (queue.pop()) out.push(queue.poppedTarget!);
  return out;
}

describe('EventQueue', () => {
  it('pops events in time order', () => {
    const queue = new EventQueue<string>();
    queue.push(5, 'c', null);
    queue.push(1, 'a', null);
    queue.push(3, 'b', null);
    expect(drain(queue)).toEqual(['a', 'b', 'c']);
  });

  it('runs same-time events in the order they were scheduled', () => {
    const queue = new EventQueue<string>();
    for (const name of ['first', 'second', 'third', 'fourth']) queue.push(7, name, null);
    queue.push(2, 'earlier', null);
    expect(drain(queue)).toEqual(['earlier', 'first', 'second', 'third', 'fourth']);
  });

  it('reports the earliest pending time, or infinity when empty', () => {
    const queue = new EventQueue<string>();
    expect(queue.peekTime()).toBe(Number.POSITIVE_INFINITY);
    queue.push(4, 'x', null);
    queue.push(2, 'y', null);
    expect(queue.peekTime()).toBe(2);
    expect(queue.size).toBe(2);
  });

  it('matches a stable sort by (time, insertion) for any interleaving of pushes and pops', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(-1)), { maxLength: 200 }), (operations) => {
        const queue = new EventQueue<number>();
        const reference: { time: number; id: number }[] = [];
        let id = 0;
        let now = 0;
        for (const operation of operations) {
          if (operation < 0) {
            reference.sort((a, b) => a.time - b.time || a.id - b.id);
            const expected = reference.shift();
            const popped = queue.pop();
            expect(popped ? queue.poppedTarget : undefined).toBe(expected?.id);
            if (popped) now = queue.poppedTime;
          } else {
            // Like a simulation, never schedule before the current time.
            const time = now + operation;
            queue.push(time, id, null);
            reference.push({ time, id });
            id++;
          }
        }
      }),
    );
  });

  it('grows past its first arrays and reuses the slots of popped events, keeping the order', () => {
    const queue = new EventQueue<number>();
    // A rolling window of 5,000 pending events, as an audience keeps departures waiting.
    for (let id = 0; id < 5000; id++) queue.push(id % 97, id, id);
    const popped: number[] = [];
    for (let id = 5000; id < 20000; id++) {
      queue.pop();
      popped.push(queue.poppedTime);
      expect(queue.poppedPayload).toBe(queue.poppedTarget);
      queue.push(queue.poppedTime + (id % 89), id, id);
    }
    expect(queue.size).toBe(5000);
    expect(popped).toEqual([...popped].sort((a, b) => a - b));
  });
});

