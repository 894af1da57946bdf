import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/engine/event-queue.js';

function drain(queue: EventQueue<string>): string[] {
  const out: string[] = [];
  for (let event = queue.pop(); event; event = queue.pop()) out.push(event.target);
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
            expect(popped?.target).toBe(expected?.id);
            if (popped) now = popped.time;
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
});
