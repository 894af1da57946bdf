/**
 * replicates-timeseries.csv: every replicate's months in one tidy long table (replicate, seed,
 * period, then timeseries.csv's columns), written in replicate order so it is the same for the
 * same root seed however the work was scheduled; and, read back, a column's median and 5-95%
 * band across replicates, month by month, for the reports.
 */
import { toCsv, type Cell } from './csv.js';
import { timeseriesCells } from '../run/outputs.js';
import { band } from './statistics.js';
import type { TimeseriesTable } from '../run/timeseries.js';

export const REPLICATES_TIMESERIES = 'replicates-timeseries.csv';

export interface ReplicateMonths {
  readonly replicate: number;
  readonly seed: number;
  readonly months: TimeseriesTable;
}

export function replicatesTimeseriesCsv(entries: readonly ReplicateMonths[]): string {
  const sorted = [...entries].sort((a, b) => a.replicate - b.replicate);
  const columns = sorted[0]?.months.columns ?? [];
  const rows: Cell[][] = [];
  for (const entry of sorted) {
    const cells = timeseriesCells(entry.months);
    for (const row of entry.months.rows) rows.push([entry.replicate, entry.seed, row.period, ...cells(row)]);
  }
  return toCsv(['replicate', 'seed', 'period', ...columns], rows);
}

export interface MonthlyBand {
  readonly period: string;
  readonly median: number;
  readonly low: number;
  readonly high: number;
}

/** A column's median and 5-95% band over the replicates, per period, from the CSV's records. */
export function monthlyBands(records: readonly Record<string, string>[], column: string): MonthlyBand[] {
  const byPeriod = new Map<string, number[]>();
  for (const record of records) {
    const value = Number(record[column]);
    if (record.period === undefined || !Number.isFinite(value)) continue;
    const values = byPeriod.get(record.period) ?? [];
    values.push(value);
    byPeriod.set(record.period, values);
  }
  return [...byPeriod.keys()].sort().map((period) => ({ period, ...band(byPeriod.get(period)!) }));
}
