/** replicates-timeseries.csv: every replicate's months in one long table, and the bands the reports draw from it. */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/experiment/batch/csv.js';
import { runReplicateBatch } from '../../src/experiment/batch/replicated-run.js';
import { monthlyBands, replicatesTimeseriesCsv } from '../../src/experiment/batch/replicate-timeseries.js';
import { loadValue, tinyScenario } from '../helpers.js';

describe('replicates-timeseries.csv', () => {
  it('holds one row per replicate and month, keyed by replicate, seed and period, with timeseries.csv’s columns', async () => {
    const loaded = loadValue(tinyScenario({ start: '2020-03-20', end: '2020-04-10' }));
    const batch = await runReplicateBatch(loaded, { replicates: 3, rootSeed: 5, jobs: 1 });
    const records = parseCsv(replicatesTimeseriesCsv(batch.months));
    expect(records.map((record) => `${record.replicate} ${record.period}`)).toEqual(['0 2020-03', '0 2020-04', '1 2020-03', '1 2020-04', '2 2020-03', '2 2020-04']);
    expect(records.map((record) => Number(record.seed))).toEqual(batch.rows.flatMap((row) => [row.keys.seed, row.keys.seed]));
    // Summed over months, each replicate's GMV is its summary's.
    for (const row of batch.rows) {
      const months = records.filter((record) => record.replicate === String(row.keys.replicate));
      expect(months.reduce((sum, record) => sum + Number(record.gmv), 0)).toBeCloseTo(row.metrics.gmv!, 1);
    }
  });
});

describe('monthly bands', () => {
  it('give each period the median and the 5% and 95% quantiles over replicates, periods in order', () => {
    const records = [10, 20, 30, 40, 50].flatMap((value, replicate) => [
      { replicate: String(replicate), period: '2020-02', gmv: String(value * 2) },
      { replicate: String(replicate), period: '2020-01', gmv: String(value) },
    ]);
    const bands = monthlyBands(records, 'gmv');
    expect(bands.map((band) => band.period)).toEqual(['2020-01', '2020-02']);
    expect(bands[0]).toEqual({ period: '2020-01', median: 30, low: 12, high: 48 });
    expect(bands[1]!.median).toBe(60);
  });
});
