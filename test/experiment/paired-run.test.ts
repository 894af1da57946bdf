/** One paired comparison, computed as replicates finish: what compare, the studio and watch mode share. */
import { describe, expect, it } from 'vitest';
import { comparePaired, type Comparison } from '../../src/experiment/analysis/compare.js';
import { runPaired } from '../../src/experiment/analysis/paired-run.js';
import { replicateSeeds } from '../../src/experiment/batch/replicates.js';
import { loadValue, tinyScenario } from '../helpers.js';

const baseline = loadValue(tinyScenario());
const tweaked = loadValue(tinyScenario(), ['products.apple.price=46']);
const seeds = replicateSeeds(11, 6);
const gmv = (comparison: Comparison) => comparison.metrics.find((metric) => metric.name === 'gmv')!;

describe('runPaired', () => {
  it('updates the comparison as each seed’s pair completes, and ends where a comparison of all the rows does', async () => {
    const updates: Comparison[] = [];
    const ran = await runPaired([{ loaded: baseline }, { loaded: tweaked }], seeds, { jobs: 1, onPair: (comparison) => updates.push(comparison) });
    expect(updates.map((comparison) => comparison.replicates)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ran.complete).toBe(true);
    expect(ran.comparison).toEqual(comparePaired(ran.rows[0], ran.rows[1]));
    expect(updates.at(-1)).toEqual(ran.comparison);
  });

  it('narrows the interval of a real change as pairs arrive', async () => {
    const widths: number[] = [];
    await runPaired([{ loaded: baseline }, { loaded: tweaked }], seeds, {
      jobs: 1,
      metrics: ['gmv'],
      onPair: (comparison) => comparison.replicates >= 2 && widths.push(gmv(comparison).delta.ci95[1] - gmv(comparison).delta.ci95[0]),
    });
    expect(widths).toHaveLength(5);
    expect(widths.at(-1)!).toBeLessThan(widths[0]! / 3);
  });

  it('takes a side as rows already computed (a stored batch, a kept baseline) and runs only the other', async () => {
    const both = await runPaired([{ loaded: baseline }, { loaded: tweaked }], seeds, { jobs: 1 });
    let ran = 0;
    const kept = await runPaired([{ rows: both.rows[0] }, { loaded: tweaked }], seeds, { jobs: 1, onProgress: () => ran++ });
    expect(ran).toBe(seeds.length);
    expect(kept.comparison).toEqual(both.comparison);
    expect(kept.months[0]).toEqual([]);
  });

  it('keeps the pairs that finished when stopped, marked incomplete', async () => {
    const controller = new AbortController();
    const ran = await runPaired([{ loaded: baseline }, { loaded: tweaked }], seeds, {
      jobs: 1,
      signal: controller.signal,
      onPair: (comparison) => comparison.replicates === 2 && controller.abort(),
    });
    expect(ran.complete).toBe(false);
    expect(ran.comparison.replicates).toBe(2);
  });
});
