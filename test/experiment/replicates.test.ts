import { describe, expect, it } from 'vitest';
import { runReplicateBatch } from '../../src/experiment/batch/replicated-run.js';
import { replicateSeeds, runReplicates } from '../../src/experiment/batch/replicates.js';
import { replicatesTimeseriesCsv } from '../../src/experiment/batch/replicate-timeseries.js';
import { loadValue, tinyScenario } from '../helpers.js';

/** Collects what a batch streams as its replicates finish. */
const memorySink = () => ({ text: '', append(text: string) { this.text += text; } });

const loaded = loadValue(tinyScenario());

describe('replicate seeds', () => {
  it('differ between replicates and are the same for the same root seed', () => {
    const seeds = replicateSeeds(7, 20);
    expect(new Set(seeds).size).toBe(20);
    expect(replicateSeeds(7, 20)).toEqual(seeds);
    expect(replicateSeeds(8, 20)).not.toEqual(seeds);
  });
});

describe('a batch of replicates', () => {
  it('writes the same replicates.csv for the same root seed, however many workers run it', async () => {
    const streamed = memorySink();
    const first = await runReplicateBatch(loaded, { replicates: 4, rootSeed: 11, rowsFile: streamed, jobs: 1 });
    const second = await runReplicateBatch(loaded, { replicates: 4, rootSeed: 11, jobs: 2 });
    // The months of every replicate, in replicate order whatever order they finished in.
    expect(replicatesTimeseriesCsv(second.months)).toBe(replicatesTimeseriesCsv(first.months));
    const csv = first.rowsCsv;
    expect(second.rowsCsv).toBe(csv);
    // The safety copy streamed as replicates finished holds the same rows.
    expect(streamed.text.trim().split('\n').sort()).toEqual(csv.trim().split('\n').sort());
    const lines = csv.trim().split('\n');
    expect(lines[0]).toMatch(/^replicate,seed,scenarioHash,broadcasts,/);
    expect(lines).toHaveLength(5);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['0', '1', '2', '3']);
    expect(lines[1]).toContain(loaded.hash);
  });

  it('reports each metric with its mean, standard deviation and 95% interval', async () => {
    const result = await runReplicateBatch(loaded, { replicates: 5, rootSeed: 3 });
    const orders = result.estimates.orders!;
    const values = result.rows.map((row) => row.metrics.orders!);
    expect(orders.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / 5, 9);
    expect(orders.ci95[0]).toBeLessThan(orders.mean);
    expect(orders.ci95[1]).toBeGreaterThan(orders.mean);
  });

  it('adds replicates until the headline metrics are precise enough, within a cap', async () => {
    const loose = await runReplicateBatch(loaded, { replicates: 3, rootSeed: 3, precision: 0.5, jobs: 2 });
    expect(loose.precisionReached).toBe(true);
    expect(loose.rows.length).toBeLessThan(10);
    const half = (loose.estimates.gmv!.ci95[1] - loose.estimates.gmv!.ci95[0]) / 2;
    expect(half / loose.estimates.gmv!.mean).toBeLessThanOrEqual(0.5);
    const strict = await runReplicateBatch(loaded, { replicates: 3, rootSeed: 3, precision: 0.001, maxReplicates: 7, jobs: 2 });
    expect(strict.precisionReached).toBe(false);
    expect(strict.rows.length).toBe(7);
    expect(strict.complete).toBe(true);
  });

  it('keeps the rows of the replicates that finished when it is stopped', async () => {
    const streamed = memorySink();
    const controller = new AbortController();
    const result = await runReplicateBatch(loadValue(tinyScenario({ end: '2020-03-20' })), {
      replicates: 20,
      rootSeed: 5,
      rowsFile: streamed,
      jobs: 2,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 3) controller.abort();
      },
    });
    expect(result.complete).toBe(false);
    expect(streamed.text.trim().split('\n').length - 1).toBe(result.rows.length);
    expect(result.rowsCsv.trim().split('\n').length - 1).toBe(result.rows.length);
    expect(result.rows.length).toBeGreaterThanOrEqual(3);
    expect(result.rows.length).toBeLessThan(20);
  });

  it('gives the same outcomes in this thread and on workers', async () => {
    const seeds = replicateSeeds(1, 3);
    const here = await runReplicates(loaded, seeds, { jobs: 1 });
    const workers = await runReplicates(loaded, seeds, { jobs: 2, forceWorkers: true });
    expect(workers.map((outcome) => outcome.summary)).toEqual(here.map((outcome) => outcome.summary));
  });
});
