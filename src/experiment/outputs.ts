/**
 * The files of a run directory, as text: what a user opens in pandas, R or Excel. Every number
 * here comes from the run's flows and levels; nothing is recomputed differently elsewhere.
 */
import { FLOW_KEYS, Flows, MONEY_KEYS } from '../model/flows.js';
import type { DayRow } from '../model/metrics.js';
import type { ModelResult } from '../model/model-run.js';
import { toCsv, ratioCell, yuanCell, type Cell } from './csv.js';

const LEVEL_COLUMNS = ['followers', 'stockAvailable', 'householdsSupplying', 'householdsAboveLine', 'peakConcurrentViewers'] as const;

const flowCells = (flows: Flows): Cell[] => FLOW_KEYS.map((key) => (MONEY_KEYS.has(key) ? yuanCell(flows[key]) : flows[key]));

/**
 * One row per period: flows summed over the period, levels at its end (peak viewers: the
 * period's maximum). Money in yuan.
 */
export function timeseriesCsv(days: readonly DayRow[], periodOf: (day: string) => string): string {
  const periods: { period: string; rows: DayRow[] }[] = [];
  for (const day of days) {
    const period = periodOf(day.day);
    const last = periods[periods.length - 1];
    if (last?.period === period) last.rows.push(day);
    else periods.push({ period, rows: [day] });
  }
  const rows = periods.map(({ period, rows: periodDays }) => {
    const flows = new Flows();
    for (const day of periodDays) flows.add(day.flows);
    const end = periodDays[periodDays.length - 1]!.levels;
    const peak = Math.max(...periodDays.map((day) => day.levels.peakConcurrentViewers));
    return [
      period,
      ...flowCells(flows),
      ...LEVEL_COLUMNS.map((column) => (column === 'peakConcurrentViewers' ? peak : end[column])),
    ];
  });
  return toCsv(['period', ...FLOW_KEYS, ...LEVEL_COLUMNS], rows);
}

export const monthlyTimeseriesCsv = (result: ModelResult) => timeseriesCsv(result.metrics.days, (day) => day.slice(0, 7));
export const dailyTimeseriesCsv = (result: ModelResult) => timeseriesCsv(result.metrics.days, (day) => day);

export function broadcastsCsv(result: ModelResult): string {
  const header = [
    'broadcast',
    'anchor',
    'series',
    'start',
    'minutes',
    'welfare',
    'views',
    'peakConcurrentViewers',
    'orders',
    'units',
    'lostOrders',
    'stockOuts',
    'gmv',
    'conversion',
    'gmvPerThousandViews',
    'finished',
  ];
  const rows = [...result.metrics.broadcasts]
    .sort((a, b) => a.index - b.index)
    .map((row) => [
      row.index + 1,
      row.anchor,
      row.series,
      row.start,
      Math.round(row.minutes * 100) / 100,
      row.welfare,
      row.views,
      row.peakConcurrentViewers,
      row.orders,
      row.units,
      row.lostOrders,
      row.stockOuts,
      yuanCell(row.gmv),
      ratioCell(row.views > 0 ? row.orders / row.views : 0),
      yuanCell(row.views > 0 ? (row.gmv * 1000) / row.views : 0),
      row.finished,
    ]);
  return toCsv(header, rows);
}

export function householdsCsv(result: ModelResult): string {
  const { households, scenario } = result.world;
  const groups = scenario.farmers;
  const header = [
    'household',
    'group',
    'persons',
    'baselineIncomePerPerson',
    'unitsSold',
    'revenue',
    'netIncome',
    'incomePerPerson',
    'aboveLineWithoutEcommerce',
    'aboveLine',
  ];
  const rows: Cell[][] = [];
  for (let household = 0; household < households.size; household++) {
    const income = households.incomePerPerson(household);
    const baseline = households.baselinePerPerson[household]!;
    rows.push([
      households.ids[household]!,
      groups[households.groupOf[household]!]!.id,
      households.persons[household]!,
      baseline.toFixed(2),
      households.unitsSold[household]!,
      yuanCell(households.revenue[household]!),
      yuanCell(households.netIncome[household]!),
      income.toFixed(2),
      baseline >= scenario.povertyLine,
      income >= scenario.povertyLine,
    ]);
  }
  return toCsv(header, rows);
}
