import { describe, expect, it } from 'vitest';
import { ModelRun } from '../../src/model/model-run.js';
import { compileScenario } from '../../src/scenario/compile.js';
import type { Snapshot } from '../../src/model/observation/snapshot.js';
import { loadValue, tinyScenario } from '../helpers.js';

async function snapshotsOf(overrides: string[]): Promise<Snapshot[]> {
  const loaded = loadValue(tinyScenario(), overrides);
  const run = new ModelRun(compileScenario(loaded.scenario), 1);
  const snapshots: Snapshot[] = [];
  run.snapshots$.subscribe((snapshot) => snapshots.push(snapshot));
  await run.run();
  return snapshots;
}

describe('snapshots$', () => {
  it('emits every N simulated minutes and once more at the end', async () => {
    const snapshots = await snapshotsOf(['snapshotEvery=6h']);
    // 3 days = 72 hours: ticks at 6h ... 66h (not at the very end), then the final one.
    expect(snapshots.map((snapshot) => snapshot.time)).toEqual([...Array.from({ length: 11 }, (_, index) => (index + 1) * 360), 4320]);
    expect(snapshots.at(-1)).toMatchObject({ final: true, progress: 1, at: '2020-03-05 00:00' });
    expect(snapshots.slice(0, -1).every((snapshot) => !snapshot.final)).toBe(true);
  });

  it('are deeply frozen', async () => {
    const [snapshot] = await snapshotsOf(['snapshotEvery=1d']);
    expect(Object.isFrozen(snapshot)).toBe(true);
    expect(Object.isFrozen(snapshot!.totals)).toBe(true);
    expect(Object.isFrozen(snapshot!.ledger)).toBe(true);
  });

  it('share unchanged parts with the previous snapshot (immer structural sharing)', async () => {
    // Between 01:00 and 02:00 nothing is on air, so the totals do not change.
    const snapshots = await snapshotsOf(['snapshotEvery=1h']);
    const [one, two] = [snapshots[0]!, snapshots[1]!];
    expect(two).not.toBe(one);
    expect(two.totals).toBe(one.totals);
    expect(two.ledger).toBe(one.ledger);
  });

  it('show broadcasts on air, with what they sell', async () => {
    const snapshots = await snapshotsOf(['snapshotEvery=30m']);
    const during = snapshots.find((snapshot) => snapshot.at === '2020-03-02 21:00')!;
    expect(during.live).toHaveLength(1);
    expect(during.live[0]).toMatchObject({ anchor: 'mei', product: 'apple' });
    expect(during.live[0]!.viewers).toBeGreaterThan(0);
    expect(during.concurrentViewers).toBe(during.live[0]!.viewers);
    const after = snapshots.find((snapshot) => snapshot.at === '2020-03-02 23:00')!;
    expect(after.live).toHaveLength(0);
    expect(after.totals.orders).toBeGreaterThan(0);
  });
});
