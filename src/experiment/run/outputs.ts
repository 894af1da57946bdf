/**
 * The files of a run directory, as text: what a user opens in pandas, R or Excel. Every number
 * here comes from the run's flows and levels; nothing is recomputed differently elsewhere.
 */
import { catalogueEntry } from '../../model/observation/metric-catalogue.js';
import type { ModelResult } from '../../model/model-run.js';
import { toCsv, ratioCell, yuanCell, type Cell } from '../batch/csv.js';
import { timeseriesTable, type TimeseriesRow, type TimeseriesTable } from './timeseries.js';

/** A timeseries row's cells, as timeseries.csv writes them: money with two decimals, counts as integers. */
export function timeseriesCells(table: TimeseriesTable): (row: TimeseriesRow) => Cell[] {
  const money = new Set(table.columns.filter((column) => catalogueEntry(column)?.unit === 'yuan' || column.startsWith('gmv:')));
  return (row) => table.columns.map((column) => (money.has(column) ? row.values[column]!.toFixed(2) : row.values[column]!));
}

function timeseriesCsv(table: TimeseriesTable): string {
  const cells = timeseriesCells(table);
  return toCsv(['period', ...table.columns], table.rows.map((row) => [row.period, ...cells(row)]));
}

export const monthlyTimeseriesCsv = (result: ModelResult) => timeseriesCsv(timeseriesTable(result, 'month'));
export const dailyTimeseriesCsv = (result: ModelResult) => timeseriesCsv(timeseriesTable(result, 'day'));

export function broadcastsCsv(result: ModelResult): string {
  const header = [
    'broadcast',
    'count',
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
    'sellerMargin',
    'conversion',
    'gmvPerThousandViews',
    'finished',
  ];
  const rows = [...result.metrics.broadcasts]
    .sort((a, b) => a.index - b.index)
    .map((row) => [
      row.index + 1,
      row.count,
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
      yuanCell(row.sellerMargin),
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
    'represents',
    'joined',
    'persons',
    'baselineIncomePerPerson',
    'unitsSold',
    'revenue',
    'wages',
    'netIncome',
    'offlineRevenue',
    'farmSalesWithout',
    'gain',
    'gainPremium',
    'gainVolume',
    'gainSpillover',
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
      households.represents[household]!,
      households.joined[household] === 1,
      households.persons[household]!,
      baseline.toFixed(2),
      households.unitsSold[household]!,
      yuanCell(households.revenue[household]!),
      yuanCell(households.wages[household]!),
      yuanCell(households.netIncome[household]!),
      yuanCell(households.offlineRevenue[household]!),
      yuanCell(households.farmSalesWithout[household]!),
      yuanCell(households.gainOf(household)),
      yuanCell(households.premium[household]!),
      yuanCell(households.volume[household]!),
      yuanCell(households.spillover[household]!),
      income.toFixed(2),
      baseline >= scenario.povertyLine,
      income >= scenario.povertyLine,
    ]);
  }
  return toCsv(header, rows);
}
