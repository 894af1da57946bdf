/**
 * A metric month by month across replicates: for each series (one batch, or A and B of a
 * comparison) its median as a line and its 5-95% band shaded. The band is drawn as two stacked,
 * invisible lines (the 5% line, then the band's height) with the upper one filled.
 */
import type { YAXisComponentOption } from 'echarts';
import type { MonthlyBand } from '../experiment/batch/replicate-timeseries.js';
import type { Section } from './html-page.js';
import { metricAxis } from './metric-axis.js';
import { svgChart } from './svg-chart.js';
import { chartsByDay, lineWithPartialMonths, monthCoverage, monthLabelInterval, periodLabels } from './time-axis.js';

export interface BandSeries {
  readonly name: string;
  readonly color: string;
  readonly bands: readonly MonthlyBand[];
}

/** The scenario's period (start, end exclusive), to tell its partial months. */
export interface RunSpan {
  readonly start: string;
  readonly end: string;
}

/** What a batch's or comparison's page says instead of months, for a run shorter than three months. */
export const SHORT_RUN: Section = {
  title: 'Over time',
  reading: 'These runs are shorter than three months: their months would be one or two partial ones. A single run’s report charts its days (livesim run <scenario> --seed <seed> --report).',
  body: '',
};

/** Whether a span is long enough for months: a shorter run's months are one or two partial ones, nothing to read a trend from. */
export const hasMonths = (span: RunSpan | undefined) => span === undefined || !chartsByDay(span.start, span.end);

/** A run's span from its manifest's resolved scenario. */
export function spanOf(resolvedScenario: unknown): RunSpan | undefined {
  // A comparison's manifest holds both sides' scenarios; B's span is the one its months follow.
  const resolved = resolvedScenario as { start?: unknown; end?: unknown; b?: unknown } | undefined;
  const scenario = (resolved?.start === undefined && resolved?.b !== undefined ? resolved.b : resolved) as { start?: unknown; end?: unknown } | undefined;
  return typeof scenario?.start === 'string' && typeof scenario.end === 'string' ? { start: scenario.start, end: scenario.end } : undefined;
}

export function bandChart(metric: string, series: readonly BandSeries[], span?: RunSpan): string {
  const periods = [...new Set(series.flatMap((item) => item.bands.map((band) => band.period)))].sort();
  const coverage = span ? monthCoverage(periods, span.start, span.end) : periods.map((period) => ({ period, days: 1, of: 1 }));
  const partial = coverage.map((item) => item.days < item.of);
  const at = (item: BandSeries) => {
    const byPeriod = new Map(item.bands.map((band) => [band.period, band]));
    // A partial month's band is not drawn: its dot is (lineWithPartialMonths).
    return periods.map((period, index) => (partial[index] ? undefined : byPeriod.get(period)));
  };
  const medians = (item: BandSeries) => {
    const byPeriod = new Map(item.bands.map((band) => [band.period, band.median]));
    return periods.map((period) => byPeriod.get(period) ?? Number.NaN);
  };
  return svgChart({
    legend: { top: 0, data: [...series.map((item) => item.name), ...(partial.some(Boolean) ? ['partial month'] : [])] },
    grid: { left: 20, right: 50, top: 40, bottom: 40, containLabel: true },
    xAxis: { type: 'category', name: 'month', nameLocation: 'middle', nameGap: 30, data: periodLabels(coverage), boundaryGap: false, axisLabel: { interval: monthLabelInterval(coverage.length) } },
    yAxis: metricAxis(metric) as YAXisComponentOption,
    series: series.flatMap((item, index) => {
      const bands = at(item);
      const hidden = { type: 'line' as const, stack: `band-${index}`, symbol: 'none', lineStyle: { opacity: 0 }, silent: true };
      return [
        { ...hidden, name: `${item.name} 5%`, data: bands.map((band) => band?.low ?? null) },
        { ...hidden, name: `${item.name} 5-95%`, data: bands.map((band) => (band ? band.high - band.low : null)), areaStyle: { color: item.color, opacity: 0.18 } },
        ...lineWithPartialMonths({ name: item.name, color: item.color, data: medians(item) }, coverage).map((part) => (part.type === 'line' ? { ...part, symbol: 'none', lineStyle: { width: 2 } } : part)),
      ];
    }),
  });
}
