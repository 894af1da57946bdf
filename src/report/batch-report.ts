/**
 * Reports of a batch of replicates (each headline metric's replicates with the mean and its 95%
 * interval, and the months as a median with a 5-95% band) and of a sweep (each metric against
 * the swept parameter: case means with their 95% band, one line per value of the other parameters).
 */
import type { YAXisComponentOption } from 'echarts';
import { labelOf, titleOf } from '../experiment/data-dictionary.js';
import { formatMetric } from '../format.js';
import { metricAxis } from './metric-axis.js';
import type { Manifest } from '../experiment/run/manifest.js';
import type { BatchSummary } from '../experiment/batch/replicated-run.js';
import type { SweepSummary } from '../experiment/analysis/sweep.js';
import { REPLICATES_TIMESERIES, monthlyBands } from '../experiment/batch/replicate-timeseries.js';
import { SHORT_RUN, bandChart, hasMonths, spanOf } from './band-chart.js';
import { dictionarySection } from './dictionary-section.js';
import { htmlPage, type Section } from './html-page.js';
import { readOptionalCsv, readRunCsv, readRunJson } from './run-files.js';
import { SUMMARY_KEYS } from './reportable-run.js';
import { COLOR, seriesColor, svgChart } from './svg-chart.js';


/** The metrics a batch or sweep report charts (summary.json has them all). */
const SHOWN = ['gmv', 'farmerRevenue', 'farmerShare', 'orders', 'householdsAboveLine', 'lostOrders'];
/** The monthly series a batch report draws with their bands: the run report's months. */
const MONTHLY = ['gmv', 'farmerRevenue', 'lostGmv'];



export function replicatesReportHtml(directory: string, manifest: Manifest): string {
  const summary = readRunJson<BatchSummary>(directory, 'summary.json', SUMMARY_KEYS.replicates);
  const rows = readRunCsv(directory, 'replicates.csv');
  const distributions: Section[] = SHOWN.filter((name) => summary.metrics[name]).map((name) => {
    const estimate = summary.metrics[name]!;
    const values = rows.map((row) => Number(row[name])).filter(Number.isFinite);
    return {
      title: titleOf(name),
      reading: `Each replicate's ${labelOf(name)} (dots); the mean ${formatMetric(name, estimate.mean)} as a line, its 95% interval ${formatMetric(name, estimate.ci95[0])} – ${formatMetric(name, estimate.ci95[1])} shaded.`,
      body: svgChart(
        {
          grid: { left: 20, right: 60, top: 30, bottom: 40, containLabel: true },
          xAxis: { type: 'value', name: 'replicate', nameLocation: 'middle', nameGap: 26, min: 0, max: values.length + 1, minInterval: 1 },
          yAxis: metricAxis(name, { scale: true }) as YAXisComponentOption,
          series: [
            {
              type: 'scatter',
              symbolSize: 7,
              color: COLOR.blue,
              data: values.map((value, index) => [index + 1, value]),
              markArea: { itemStyle: { color: COLOR.green, opacity: 0.1 }, data: [[{ yAxis: estimate.ci95[0] }, { yAxis: estimate.ci95[1] }]] },
              markLine: { symbol: 'none', lineStyle: { color: COLOR.green }, label: { formatter: 'mean' }, data: [{ yAxis: estimate.mean }] },
            },
          ],
        },
        { width: 760, height: 260 },
      ),
    };
  });
  const span = spanOf(manifest.resolvedScenario);
  const months = hasMonths(span) ? readOptionalCsv(directory, REPLICATES_TIMESERIES) : undefined;
  const monthly: Section[] = months
    ? MONTHLY.map((name) => ({
        title: `${titleOf(name)}, month by month`,
        reading: `The median ${labelOf(name)} over the ${rows.length} replicates each month (line), and the band holding 90% of them (5-95%); a month the run covers only in part is a hollow dot.`,
        body: bandChart(name, [{ name: 'median', color: COLOR.blue, bands: monthlyBands(months, name) }], span),
      }))
    : [SHORT_RUN];
  return htmlPage(
    `livesim replicates: ${manifest.scenario}`,
    `${manifest.replicates} replicates from root seed ${manifest.seed}; every metric, with its interval, in summary.json; every replicate's months in ${REPLICATES_TIMESERIES}.`,
    manifest.complete ? undefined : 'This batch was stopped before it finished: the figures use the replicates that did.',
    [...distributions, ...monthly, dictionarySection([...SHOWN, ...MONTHLY, 'replicate', 'seed'])],
  );
}

type SweepCase = SweepSummary['cases'][number];

export function sweepReportHtml(directory: string, manifest: Manifest): string {
  const summary = readRunJson<SweepSummary>(directory, 'summary.json', SUMMARY_KEYS.sweep);
  const parameters = [...new Set(summary.cases.flatMap((item) => Object.keys(item.values)))];
  // A grid sets every parameter in every case; named cases that set different ones get a bar each.
  const swept = parameters.length > 0 && summary.cases.every((item) => parameters.every((parameter) => parameter in item.values)) ? parameters[0] : undefined;
  const others = parameters.slice(1);
  const sections: Section[] = SHOWN.filter((name) => summary.cases[0]?.metrics[name]).map((name) => ({
    title: titleOf(name),
    reading:
      `Each case's mean ${labelOf(name)} (line) with its 95% interval (band), over the same replicate seeds, against ${swept ?? 'the case'}` +
      (others.length > 0 ? `; one line per value of ${others.join(', ')}.` : '.'),
    body: swept === undefined ? caseBars(summary.cases, name) : sweepLines(summary.cases, name, swept, others),
  }));
  return htmlPage(
    `livesim sweep: ${manifest.scenario}`,
    `${summary.cases.length} cases × ${manifest.replicates} replicates from root seed ${manifest.seed}; every case and replicate in sweep.csv.`,
    manifest.complete ? undefined : 'This sweep was stopped before it finished: the figures use the replicates that did.',
    [...sections, dictionarySection([...SHOWN, 'case', ...parameters])],
  );
}


/** The metric against the swept parameter: a numeric one on a value axis, any other as categories. */
function sweepLines(cases: readonly SweepCase[], name: string, swept: string, others: readonly string[]): string {
  const numeric = cases.every((item) => typeof item.values[swept] === 'number');
  const xValues = [...new Set(cases.map((item) => item.values[swept]))];
  const groupOf = (item: SweepCase) => others.map((other) => `${labelOf(other)}=${String(item.values[other] ?? '—')}`).join(', ');
  const groups = [...new Set(cases.map(groupOf))];
  return svgChart({
    legend: others.length > 0 ? { top: 0, data: groups } : { show: false },
    grid: { left: 20, right: 40, top: 40, bottom: 40, containLabel: true },
    xAxis: numeric
      ? { type: 'value', name: labelOf(swept), nameLocation: 'middle', nameGap: 26, scale: true }
      : { type: 'category', name: labelOf(swept), nameLocation: 'middle', nameGap: 26, data: xValues.map(String), boundaryGap: false },
    yAxis: metricAxis(name, { scale: true }) as YAXisComponentOption,
    series: groups.flatMap((group, index) => {
      const members = cases.filter((item) => groupOf(item) === group && item.metrics[name]);
      if (numeric) members.sort((a, b) => Number(a.values[swept]) - Number(b.values[swept]));
      const x = (item: SweepCase) => (numeric ? Number(item.values[swept]) : String(item.values[swept]));
      const color = seriesColor(index);
      const hidden = { type: 'line' as const, stack: `band-${index}`, symbol: 'none', lineStyle: { opacity: 0 }, silent: true };
      return [
        { ...hidden, name: `${group} low`, data: members.map((item) => [x(item), item.metrics[name]!.ci95[0]]) },
        { ...hidden, name: `${group} 95%`, areaStyle: { color, opacity: 0.18 }, data: members.map((item) => [x(item), item.metrics[name]!.ci95[1] - item.metrics[name]!.ci95[0]]) },
        { type: 'line' as const, name: group, color, symbolSize: 6, data: members.map((item) => [x(item), item.metrics[name]!.mean]) },
      ];
    }),
  });
}

/** Cases named but not parameterised (a sweep block's `cases`): a bar per case with its interval. */
function caseBars(cases: readonly SweepCase[], name: string): string {
  return svgChart(
    {
      grid: { left: 20, right: 60, top: 10, bottom: 40, containLabel: true },
      xAxis: metricAxis(name, { nameLocation: 'middle', nameGap: 26 }),
      yAxis: { type: 'category', data: cases.map((item) => item.name) },
      series: [
        { type: 'bar', color: COLOR.blue, data: cases.map((item) => item.metrics[name]?.mean ?? null) },
        {
          type: 'scatter',
          symbol: 'rect',
          symbolSize: [2, 14],
          color: '#222',
          data: cases.flatMap((item, index) => (item.metrics[name] ? [[item.metrics[name].ci95[0], index], [item.metrics[name].ci95[1], index]] : [])),
        },
      ],
    },
    { width: 760, height: 60 + 30 * cases.length },
  );
}
