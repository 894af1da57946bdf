/**
 * The time axis of a report's charts: days for a run shorter than three months (a week's run has
 * a point a day, not two months), months otherwise; a month the run covers only in part (it
 * started or ended inside it) is marked as such and drawn apart, as a hollow dot with its days,
 * so a half month never reads as a collapse.
 */
import type { LineSeriesOption, ScatterSeriesOption } from 'echarts';

/** Under this many days a run's charts go by day. */
const DAILY_BELOW_DAYS = 90;
const DAY_MS = 86_400_000;

const dayNumber = (date: string) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS;

/** Days from `start` to `end` (end exclusive), as `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`. */
const daysBetween = (start: string, end: string) => Math.max(0, Math.ceil(dayNumber(end) - dayNumber(start) + (end.length > 10 && end.slice(11, 16) !== '00:00' ? 1 : 0)));

export const chartsByDay = (start: string, end: string) => daysBetween(start, end) < DAILY_BELOW_DAYS;

export interface PeriodCoverage {
  readonly period: string;
  /** Days of the period the run covered. */
  readonly days: number;
  /** Days in the period. */
  readonly of: number;
}

/** Each month's days inside [start, end). */
export function monthCoverage(periods: readonly string[], start: string, end: string): PeriodCoverage[] {
  const [from, to] = [dayNumber(start), dayNumber(end) + (end.length > 10 && end.slice(11, 16) !== '00:00' ? 1 : 0)];
  return periods.map((period) => {
    const first = dayNumber(`${period}-01`);
    const [year, month] = period.split('-').map(Number) as [number, number];
    const next = dayNumber(`${month === 12 ? year + 1 : year}-${String(month === 12 ? 1 : month + 1).padStart(2, '0')}-01`);
    return { period, days: Math.max(0, Math.min(next, to) - Math.max(first, from)), of: next - first };
  });
}

const isPartial = (coverage: PeriodCoverage) => coverage.days < coverage.of;

/** The months' labels, a partial one with its days beneath: `2020-10` / `(16 of 31 days)`. */
export const periodLabels = (coverage: readonly PeriodCoverage[]) => coverage.map((item) => (isPartial(item) ? `${item.period}\n(${item.days} of ${item.of} days)` : item.period));

/** A month axis shows every label up to two years of months (a partial month's must not be the one skipped). */
export const monthLabelInterval = (periods: number) => (periods <= 24 ? 0 : 'auto');

/**
 * A monthly line with its partial months taken out of the line and drawn as hollow dots of the
 * same colour (`partial` in the legend once, whatever the series).
 */
export function lineWithPartialMonths(series: { readonly name: string; readonly color: string; readonly data: readonly number[] }, coverage: readonly PeriodCoverage[]): (LineSeriesOption | ScatterSeriesOption)[] {
  const partial = coverage.map(isPartial);
  const line: LineSeriesOption = { type: 'line', name: series.name, color: series.color, data: series.data.map((value, index) => (partial[index] ? null : value)), connectNulls: false };
  if (!partial.some(Boolean)) return [line];
  const dots: ScatterSeriesOption = {
    type: 'scatter',
    name: 'partial month',
    color: series.color,
    symbol: 'emptyCircle',
    symbolSize: 9,
    data: series.data.map((value, index) => (partial[index] ? value : null)),
  };
  return [line, dots];
}
