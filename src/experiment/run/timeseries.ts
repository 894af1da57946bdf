/**
 * The run's timeseries as a table: one row per period (month or day), with flows summed over the
 * period, levels at its end (peak viewers: the period's maximum), GMV by group and units by
 * product. timeseries.csv is this table, and calibration targets read their metrics from it, so
 * a user can read off the same numbers. Money in yuan.
 */
import { Flows, fenToYuan } from '../../model/money/flows.js';
import { COUNTER_NAMES, DAY_LEVEL_NAMES, METRIC_CATALOGUE, MONEY_COUNTERS, TIMESERIES_METRICS } from '../../model/observation/metric-catalogue.js';
import type { DayRow } from '../../model/observation/metrics.js';
import type { ModelResult } from '../../model/model-run.js';

export interface TimeseriesTable {
  readonly columns: readonly string[];
  /** Period label (`YYYY-MM` or `YYYY-MM-DD`) and one number per column. */
  readonly rows: readonly TimeseriesRow[];
}

export interface TimeseriesRow {
  readonly period: string;
  /** Number of simulated days the period covers in the run. */
  readonly days: number;
  readonly values: Readonly<Record<string, number>>;
}

export function timeseriesTable(result: ModelResult, granularity: 'month' | 'day'): TimeseriesTable {
  const { world } = result;
  const groups = [...world.groups.keys()];
  const products = world.products.map((product) => product.id);
  const columns = [...TIMESERIES_METRICS, ...groups.map((group) => `gmv:${group}`), ...products.map((product) => `units:${product}`)];
  const periodOf = granularity === 'month' ? (day: string) => day.slice(0, 7) : (day: string) => day;
  const periods: { period: string; days: DayRow[] }[] = [];
  for (const day of result.metrics.days) {
    const period = periodOf(day.day);
    const last = periods[periods.length - 1];
    if (last?.period === period) last.days.push(day);
    else periods.push({ period, days: [day] });
  }
  const rows = periods.map(({ period, days }) => {
    const flows = new Flows();
    for (const day of days) flows.add(day.flows);
    const values: Record<string, number> = {};
    for (const key of COUNTER_NAMES) values[key] = MONEY_COUNTERS.has(key) ? fenToYuan(flows[key]) : flows[key];
    const end = days[days.length - 1]!.levels;
    for (const key of DAY_LEVEL_NAMES) values[key] = METRIC_CATALOGUE[key].overTime === 'max' ? Math.max(...days.map((day) => day.levels[key])) : end[key];
    for (const group of groups) values[`gmv:${group}`] = fenToYuan(days.reduce((sum, day) => sum + (day.groupGmv[group] ?? 0), 0));
    for (const product of products) values[`units:${product}`] = days.reduce((sum, day) => sum + (day.productUnits[product] ?? 0), 0);
    return { period, days: days.length, values };
  });
  return { columns, rows };
}
