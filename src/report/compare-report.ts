/**
 * The report of a comparison: a forest plot of B's relative difference from A per metric, with
 * its paired 95% interval (significant ones first), then A's and B's months overlaid, each as a
 * median with its 5-95% band over the replicates.
 */
import { SIDE_FILES, type ComparisonSummary } from '../experiment/analysis/compare.js';
import type { Manifest } from '../experiment/run/manifest.js';
import { monthlyBands } from '../experiment/batch/replicate-timeseries.js';
import { formatRelativeChange, relativeEnd } from '../format.js';
import { SHORT_RUN, bandChart, hasMonths, spanOf } from './band-chart.js';
import { labelOf, titleOf } from '../experiment/data-dictionary.js';
import { dictionarySection } from './dictionary-section.js';
import { escapeHtml, htmlPage, type Section } from './html-page.js';
import { readOptionalCsv, readRunJson } from './run-files.js';
import { SUMMARY_KEYS } from './reportable-run.js';
import { COLOR, extentPoints, svgChart } from './svg-chart.js';

const MONTHLY = ['gmv', 'farmerRevenue'];
const COLORS = { a: COLOR.darkGrey, b: COLOR.blue };

export function compareReportHtml(directory: string, manifest: Manifest): string {
  const summary = readRunJson<ComparisonSummary>(directory, 'summary.json', SUMMARY_KEYS.compare);
  const sides = { a: readOptionalCsv(directory, SIDE_FILES.a), b: readOptionalCsv(directory, SIDE_FILES.b) };
  const sections: Section[] = [
    {
      title: 'A and B',
      reading: `${summary.replicates} paired replicates: A and B ran with the same seeds (common random numbers).`,
      body: `<table><tr><td>A</td><td class="meaning">${escapeHtml(summary.a.label)}</td></tr><tr><td>B</td><td class="meaning">${escapeHtml(summary.b.label)}</td></tr></table>`,
    },
    {
      title: 'What changes from A to B',
      reading: 'Each metric’s change from A to B as a share of A (dot), with its paired 95% interval (line); significant changes (the interval excludes 0) first, in colour.',
      body: forestPlot(summary),
    },
    ...(hasMonths(spanOf(manifest.resolvedScenario)) ? [] : [SHORT_RUN]),
    ...MONTHLY.filter(() => sides.a && sides.b && hasMonths(spanOf(manifest.resolvedScenario))).map((name) => ({
      title: `${titleOf(name)}, month by month`,
      reading: `A’s and B’s median ${labelOf(name)} each month over the replicates (lines), with the bands holding 90% of them; a month the run covers only in part is a hollow dot.`,
      body: bandChart(
        name,
        [
          { name: 'A', color: COLORS.a, bands: monthlyBands(sides.a!, name) },
          { name: 'B', color: COLORS.b, bands: monthlyBands(sides.b!, name) },
        ],
        spanOf(manifest.resolvedScenario),
      ),
    })),
  ];
  return htmlPage(
    `livesim compare: ${manifest.scenario}`,
    'B against A, metric by metric; every figure with its interval in summary.json and comparison.csv.',
    manifest.complete ? undefined : 'This comparison was stopped before it finished: the figures use the replicates that did.',
    [...sections, dictionarySection([...summary.metrics.map((metric) => metric.name), 'significant'])],
  );
}

function forestPlot(summary: ComparisonSummary): string {
  const rows = summary.metrics
    .filter((metric) => metric.delta.relative !== null)
    .sort((x, y) => Number(y.significant) - Number(x.significant) || Math.abs(y.delta.relative!.mean) - Math.abs(x.delta.relative!.mean))
    // The category axis draws its first entry at the bottom: reverse, so the first row is on top.
    .reverse();
  const percent = (value: number) => value * 100;
  return svgChart(
    {
      grid: { left: 20, right: 90, top: 10, bottom: 40, containLabel: true },
      xAxis: { type: 'value', name: 'B − A, % of A', nameLocation: 'middle', nameGap: 26, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: rows.map((metric) => labelOf(metric.name)) },
      series: [
        // The intervals are lines, which ECharts does not size the axis to.
        extentPoints([0, ...rows.flatMap((metric) => [relativeEnd(metric.name, metric.delta.relative!.ci95[0]), metric.delta.relative!.ci95[1]].map(percent))]),
        {
          type: 'lines',
          coordinateSystem: 'cartesian2d',
          silent: true,
          data: rows.map((metric, index) => ({
            coords: [
              // A metric that cannot be negative cannot fall more than -100%: its interval is drawn from there.
              [percent(relativeEnd(metric.name, metric.delta.relative!.ci95[0])), index],
              [percent(metric.delta.relative!.ci95[1]), index],
            ],
            lineStyle: { color: metric.significant ? COLOR.blue : COLOR.grey, width: 2 },
          })),
        },
        {
          type: 'scatter',
          symbolSize: 8,
          data: rows.map((metric, index) => ({
            value: [percent(metric.delta.relative!.mean), index],
            itemStyle: { color: metric.significant ? COLOR.blue : COLOR.grey },
          })),
        },
        {
          // Each change in words, just past the end of its interval, where it covers no line.
          type: 'scatter',
          symbolSize: 0,
          silent: true,
          data: rows.map((metric, index) => ({
            value: [percent(metric.delta.relative!.ci95[1]), index],
            label: { show: true, position: 'right', distance: 6, formatter: formatRelativeChange(metric.delta.relative!.mean), color: '#444', fontSize: 11, textBorderColor: '#fff', textBorderWidth: 3 },
          })),
          markLine: { symbol: 'none', silent: true, lineStyle: { color: '#222', type: 'solid' }, label: { show: false }, data: [{ xAxis: 0 }] },
        },
      ],
    },
    { width: 760, height: 60 + 24 * rows.length },
  );
}
