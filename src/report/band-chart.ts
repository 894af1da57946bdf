/**
 * A metric month by month across replicates: for each series (one batch, or A and B of a
 * comparison) its median as a line and its 5-95% band shaded. The band is drawn as two stacked,
 * invisible lines (the 5% line, then the band's height) with the upper one filled.
 */
import { axisTitle } from '../experiment/data-dictionary.js';
import type { MonthlyBand } from '../experiment/replicate-timeseries.js';
import { svgChart } from './svg-chart.js';

export interface BandSeries {
  readonly name: string;
  readonly color: string;
  readonly bands: readonly MonthlyBand[];
}

export function bandChart(metric: string, series: readonly BandSeries[]): string {
  const periods = [...new Set(series.flatMap((item) => item.bands.map((band) => band.period)))].sort();
  const at = (item: BandSeries) => {
    const byPeriod = new Map(item.bands.map((band) => [band.period, band]));
    return periods.map((period) => byPeriod.get(period));
  };
  return svgChart({
    legend: { top: 0, data: series.map((item) => item.name) },
    grid: { left: 20, right: 30, top: 40, bottom: 40, containLabel: true },
    xAxis: { type: 'category', name: 'month', nameLocation: 'middle', nameGap: 26, data: periods, boundaryGap: false },
    yAxis: { type: 'value', name: axisTitle(metric) },
    series: series.flatMap((item, index) => {
      const bands = at(item);
      const hidden = { type: 'line' as const, stack: `band-${index}`, symbol: 'none', lineStyle: { opacity: 0 }, silent: true };
      return [
        { ...hidden, name: `${item.name} 5%`, data: bands.map((band) => band?.low ?? null) },
        { ...hidden, name: `${item.name} 5-95%`, data: bands.map((band) => (band ? band.high - band.low : null)), areaStyle: { color: item.color, opacity: 0.18 } },
        { type: 'line' as const, name: item.name, symbol: 'none', color: item.color, lineStyle: { width: 2 }, data: bands.map((band) => band?.median ?? null) },
      ];
    }),
  });
}
