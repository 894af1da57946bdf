/**
 * Reports of a sensitivity run (a tornado of μ* per metric) and of an uncertainty run (each
 * metric's spread across the parameter sets, with its value as fitted).
 */
import type { Manifest } from '../experiment/run/manifest.js';
import type { MetricEffects } from '../experiment/analysis/sensitivity.js';
import type { Band } from '../experiment/analysis/uncertainty.js';
import { formatMetric, formatPercent } from '../format.js';
import type { XAXisComponentOption, YAXisComponentOption } from 'echarts';
import { axisTitle, labelOf, titleOf } from '../experiment/data-dictionary.js';
import { metricAxis } from './metric-axis.js';
import { dictionarySection } from './dictionary-section.js';
import { escapeHtml, htmlPage, type Section } from './html-page.js';
import { readRunCsv, readRunJson } from './run-files.js';
import { SUMMARY_KEYS } from './reportable-run.js';
import { COLOR, svgChart } from './svg-chart.js';

const SHOWN_PARAMETERS = 12;


export function sensitivityReportHtml(directory: string, manifest: Manifest): string {
  const summary = readRunJson<{ method: string; designPoints: number; metrics: MetricEffects[] }>(directory, 'summary.json', SUMMARY_KEYS.sensitivity);
  const sections: Section[] = summary.metrics.map((metric) => {
    const top = metric.effects.slice(0, SHOWN_PARAMETERS).reverse();
    return {
      title: titleOf(metric.name),
      reading: `How much ${labelOf(metric.name)} moves when each parameter crosses its prior range (μ*, bars; the mean over the design is ${formatMetric(metric.name, metric.reference)}); the ${Math.min(SHOWN_PARAMETERS, metric.effects.length)} largest, largest at the top.`,
      body: svgChart(
        {
          grid: { left: 20, right: 60, top: 10, bottom: 40, containLabel: true },
          xAxis: { ...metricAxis(metric.name, { nameLocation: 'middle', nameGap: 26 }), name: `μ*: ${axisTitle(metric.name)}` } as XAXisComponentOption,
          yAxis: { type: 'category', data: top.map((effect) => labelOf(effect.param)) },
          series: [{ type: 'bar', data: top.map((effect) => ({ value: effect.muStar, itemStyle: { color: effect.mu >= 0 ? COLOR.green : COLOR.red } })) }],
        },
        { width: 760, height: 60 + 26 * top.length },
      ),
    };
  });
  return htmlPage(
    `livesim sensitivity: ${manifest.scenario}`,
    `${summary.method === 'oat' ? 'One at a time' : 'Morris elementary effects'}, ${summary.designPoints} design points × ${manifest.replicates} replicates, seed ${manifest.seed}. Green bars raise the metric, red ones lower it.`,
    manifest.complete ? undefined : 'This design was stopped before it finished: the effects use the points that did.',
    [...sections, dictionarySection([...summary.metrics.map((metric) => metric.name), 'muStar', 'mu', 'sigma', 'param'])],
  );
}

export function uncertaintyReportHtml(directory: string, manifest: Manifest): string {
  const summary = readRunJson<{ samples: number; metrics: Band[]; targets: { target: string; share: number }[] }>(directory, 'summary.json', SUMMARY_KEYS.uncertainty);
  const samples = readRunCsv(directory, 'samples.csv').filter((row) => row.sample !== 'base');
  const sections: Section[] = summary.metrics.map((band) => {
    const values = samples.map((row) => Number(row[band.name])).filter(Number.isFinite).sort((a, b) => a - b);
    return {
      title: titleOf(band.name),
      reading: `Each parameter set's ${labelOf(band.name)} (dots, in order); the 5-95% band ${formatMetric(band.name, band.low)} – ${formatMetric(band.name, band.high)} shaded, the value as fitted (${formatMetric(band.name, band.base)}) as a line.`,
      body: svgChart({
        grid: { left: 20, right: 70, top: 40, bottom: 40, containLabel: true },
        xAxis: { type: 'value', name: 'parameter sets, in order of the result', nameLocation: 'middle', nameGap: 26, min: 0, max: values.length },
        yAxis: metricAxis(band.name, { scale: true }) as YAXisComponentOption,
        series: [
          {
            type: 'scatter',
            symbolSize: 5,
            color: COLOR.blue,
            data: values.map((value, index) => [index + 0.5, value]),
            markArea: { itemStyle: { color: COLOR.blue, opacity: 0.08 }, data: [[{ yAxis: band.low }, { yAxis: band.high }]] },
            markLine: { symbol: 'none', lineStyle: { color: COLOR.green }, label: { formatter: 'as fitted' }, data: [{ yAxis: band.base }] },
          },
        ],
      }),
    };
  });
  if (summary.targets.length > 0) {
    sections.push({
      title: 'Targets still met',
      reading: 'The share of parameter sets whose replicates still meet each target.',
      body: `<table>${summary.targets.map((target) => `<tr><td>${escapeHtml(target.target)}</td><td>${escapeHtml(formatPercent(target.share, 0))}</td></tr>`).join('')}</table>`,
    });
  }
  return htmlPage(
    `livesim uncertainty: ${manifest.scenario}`,
    `${summary.samples} parameter sets drawn by Latin hypercube across the priors, ${manifest.replicates} replicates each, seed ${manifest.seed}.`,
    manifest.complete ? undefined : 'This design was stopped before it finished: the bands use the sets that did.',
    [...sections, dictionarySection([...summary.metrics.map((band) => band.name), 'sample'])],
  );
}
