/**
 * Reports of a batch of replicates (each headline metric's replicates, with the mean and its 95%
 * interval) and of a sweep (each metric's case means with their intervals, case by case).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../experiment/csv.js';
import type { Manifest } from '../experiment/manifest.js';
import { htmlPage, type Section } from './html-page.js';
import { svgChart } from './svg-chart.js';

interface Estimate {
  readonly mean: number;
  readonly ci95: readonly [number, number];
  readonly n: number;
}

const SHOWN = ['gmv', 'farmerRevenue', 'farmerShare', 'orders', 'householdsAboveLine', 'lostOrders'];

const round = (value: number) => Number(value.toPrecision(4));

export function replicatesReportHtml(directory: string, manifest: Manifest): string {
  const summary = JSON.parse(readFileSync(path.join(directory, 'summary.json'), 'utf8')) as { metrics: Record<string, Estimate> };
  const rows = parseCsv(readFileSync(path.join(directory, 'replicates.csv'), 'utf8'));
  const sections: Section[] = SHOWN.filter((name) => summary.metrics[name]).map((name) => {
    const estimate = summary.metrics[name]!;
    const values = rows.map((row) => Number(row[name])).filter(Number.isFinite);
    return {
      title: name,
      reading: `Each replicate's ${name} (dots); the mean ${round(estimate.mean)} as a line, its 95% interval ${round(estimate.ci95[0])} – ${round(estimate.ci95[1])} shaded.`,
      body: svgChart(
        {
          grid: { left: 20, right: 60, top: 20, bottom: 40, containLabel: true },
          xAxis: { type: 'value', name: 'replicate', nameLocation: 'middle', nameGap: 26, min: 0, max: values.length + 1, minInterval: 1 },
          yAxis: { type: 'value', name, scale: true },
          series: [
            {
              type: 'scatter',
              symbolSize: 7,
              color: '#1565c0',
              data: values.map((value, index) => [index + 1, value]),
              markArea: { itemStyle: { color: 'rgba(46,125,50,0.10)' }, data: [[{ yAxis: estimate.ci95[0] }, { yAxis: estimate.ci95[1] }]] },
              markLine: { symbol: 'none', lineStyle: { color: '#2e7d32' }, label: { formatter: 'mean' }, data: [{ yAxis: estimate.mean }] },
            },
          ],
        },
        { width: 760, height: 260 },
      ),
    };
  });
  return htmlPage(
    `livesim replicates: ${manifest.scenario}`,
    `${manifest.replicates} replicates from root seed ${manifest.seed}; every metric, with its interval, in summary.json.`,
    manifest.complete ? undefined : 'This batch was stopped before it finished: the figures use the replicates that did.',
    sections,
  );
}

export function sweepReportHtml(directory: string, manifest: Manifest): string {
  const summary = JSON.parse(readFileSync(path.join(directory, 'summary.json'), 'utf8')) as { cases: { name: string; values: Record<string, unknown>; metrics: Record<string, Estimate> }[] };
  const names = summary.cases.map((item) => `${item.name}: ${Object.entries(item.values).map(([key, value]) => `${key.split('.').slice(-2).join('.')}=${String(value)}`).join(', ')}`);
  const sections: Section[] = SHOWN.filter((name) => summary.cases[0]?.metrics[name]).map((name) => ({
    title: name,
    reading: `Each case's mean ${name} (bars) with its 95% interval (lines), over the same replicate seeds.`,
    body: svgChart(
      {
        grid: { left: 20, right: 60, top: 10, bottom: 40, containLabel: true },
        xAxis: { type: 'value', name, nameLocation: 'middle', nameGap: 26 },
        yAxis: { type: 'category', data: names },
        series: [
          { type: 'bar', color: '#1565c0', data: summary.cases.map((item) => item.metrics[name]!.mean) },
          {
            type: 'scatter',
            symbol: 'rect',
            symbolSize: [2, 14],
            color: '#222',
            data: summary.cases.flatMap((item, index) => [
              [item.metrics[name]!.ci95[0], index],
              [item.metrics[name]!.ci95[1], index],
            ]),
          },
        ],
      },
      { width: 760, height: 60 + 30 * summary.cases.length },
    ),
  }));
  return htmlPage(
    `livesim sweep: ${manifest.scenario}`,
    `${summary.cases.length} cases × ${manifest.replicates} replicates from root seed ${manifest.seed}; every case and replicate in sweep.csv.`,
    manifest.complete ? undefined : 'This sweep was stopped before it finished: the figures use the replicates that did.',
    sections,
  );
}
