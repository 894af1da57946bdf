import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runFiles } from '../../src/experiment/run/single-run.js';
import { loadValue, simulate, tinyScenario } from '../helpers.js';

/** Parses our CSV (no quoted commas in these files) into records. */
function records(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.trim().split('\n');
  const columns = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, index) => [columns[index]!, cell])));
}

const sum = (rows: Record<string, string>[], column: string) => rows.reduce((total, row) => total + Number(row[column]), 0);

describe('run directory files', async () => {
  const value = tinyScenario({ start: '2020-03-20', end: '2020-05-10' });
  const finished = await simulate(value, { seed: 2 });
  const files = runFiles(loadValue(value), finished, new Date(0));
  const { metrics, ledger } = finished.summary;

  it('timeseries.csv: one row per month (YYYY-MM) whose flows add up to the summary', () => {
    const months = records(files['timeseries.csv']!);
    expect(months.map((row) => row.period)).toEqual(['2020-03', '2020-04', '2020-05']);
    expect(sum(months, 'gmv')).toBeCloseTo(metrics.gmv, 2);
    expect(sum(months, 'orders')).toBe(metrics.orders);
    expect(sum(months, 'farmerRevenue')).toBeCloseTo(ledger.parts.farmerRevenue, 2);
    expect(sum(months, 'broadcasts')).toBe(metrics.broadcasts);
    // Levels at the end of the last month are the run's end levels.
    expect(Number(months.at(-1)!.householdsAboveLine)).toBe(metrics.householdsAboveLine);
  });

  it('timeseries-daily.csv: one row per simulated day', () => {
    const days = records(files['timeseries-daily.csv']!);
    expect(days).toHaveLength(51);
    expect(days[0]!.period).toBe('2020-03-20');
    expect(sum(days, 'views')).toBe(metrics.views);
  });

  it('broadcasts.csv: one row per broadcast, with conversion and GMV per thousand views', () => {
    const rows = records(files['broadcasts.csv']!);
    expect(rows).toHaveLength(metrics.broadcasts);
    for (const row of rows) {
      expect(Number(row.conversion)).toBeCloseTo(Number(row.orders) / Number(row.views), 5);
      expect(Number(row.gmvPerThousandViews)).toBeCloseTo((Number(row.gmv) * 1000) / Number(row.views), 1);
    }
    expect(sum(rows, 'gmv')).toBeCloseTo(metrics.gmv, 2);
  });

  it('households.csv: one row per household, income against the poverty line', () => {
    const rows = records(files['households.csv']!);
    expect(rows).toHaveLength(metrics.households);
    expect(rows.filter((row) => row.aboveLine === 'true')).toHaveLength(metrics.householdsAboveLine);
    expect(sum(rows, 'revenue')).toBeCloseTo(ledger.parts.farmerRevenue, 2);
    expect(sum(rows, 'unitsSold')).toBe(metrics.units);
  });

  it('manifest.json: resolved scenario, hash, seed, version and completeness', () => {
    const manifest = parse(files['manifest.json']!);
    expect(manifest).toMatchObject({ complete: true, seed: 2, scenario: 'tiny' });
    expect(manifest.resolvedScenario.start).toBe('2020-03-20');
    expect(manifest.files).toContain('summary.json');
  });
});
