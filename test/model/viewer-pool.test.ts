import { describe, expect, it } from 'vitest';
import type { LiveBroadcast } from '../../src/model/demand/live-broadcast.js';
import { ViewerPool } from '../../src/model/demand/viewer-pool.js';

const broadcast = (name: string) => ({ name }) as unknown as LiveBroadcast;

describe('ViewerPool', () => {
  it('remembers which broadcast each viewer watches and when it leaves', () => {
    const pool = new ViewerPool();
    const morning = broadcast('morning');
    const evening = broadcast('evening');
    const first = pool.admit(morning, 12.5);
    const second = pool.admit(evening, 30);
    expect([pool.broadcastOf(first), pool.leavesAt(first)]).toEqual([morning, 12.5]);
    expect([pool.broadcastOf(second), pool.leavesAt(second)]).toEqual([evening, 30]);
  });

  it("gives a departed viewer's number to the next arrival, so a steady audience needs no new numbers", () => {
    const pool = new ViewerPool();
    const show = broadcast('show');
    const watching = Array.from({ length: 3000 }, (_, index) => pool.admit(show, index));
    const highest = Math.max(...watching);
    for (let turn = 0; turn < 10_000; turn++) {
      const leaving = watching.shift()!;
      pool.release(leaving);
      watching.push(pool.admit(show, turn));
    }
    expect(Math.max(...watching)).toBe(highest);
    expect(new Set(watching).size).toBe(3000);
  });
});
