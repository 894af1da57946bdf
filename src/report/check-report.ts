/**
 * The report of `livesim check`: each figure's allowed region (its tolerance or range) and the
 * simulated mean with its 95% interval, all as a ratio to the figure so targets of every size
 * share one axis; the reproduced targets and inputs apart from the validation figures, then a
 * table of every figure as the terminal prints it.
 */
import { describeExpected, sectionOf, sectionTally, verdictWord, type CheckedFigure } from '../experiment/evidence/check-figures.js';
import type { Manifest } from '../experiment/run/manifest.js';
import { formatQuantity, formatSignedPercent } from '../format.js';
import { dictionarySection } from './dictionary-section.js';
import { escapeHtml, htmlPage, type Section } from './html-page.js';
import { readRunJson } from './run-files.js';
import { SUMMARY_KEYS } from './reportable-run.js';
import { COLOR, extentPoints, svgChart } from './svg-chart.js';

/** summary.json of a check (what `check --json` prints). */
interface CheckSummary {
  readonly pass: boolean;
  readonly complete: boolean;
  readonly results: readonly CheckedFigure[];
  readonly validation: readonly CheckedFigure[];
}

/** Errors beyond these (in % of the figure) are drawn at the edge, so one wild miss does not squash the rest. */
const EDGE = { low: -100, high: 400 };

export function checkReportHtml(directory: string, manifest: Manifest): string {
  const summary = readRunJson<CheckSummary>(directory, 'summary.json', SUMMARY_KEYS.check);
  const { reproduced, 'fitted-exactly': exact, input: inputs } = sectionTally(summary.results);
  const { validation: independent } = sectionTally(summary.validation);
  const sections: Section[] = [
    {
      title: 'Targets: reproduced by the mechanisms, fitted exactly, and inputs',
      reading: `${reproduced.pass}/${reproduced.total} reproduced targets pass${exact.total > 0 ? `; ${exact.pass}/${exact.total} fitted exactly (as many knobs as targets: checked, not evidence)` : ''}${inputs.total > 0 ? `; ${inputs.pass}/${inputs.total} inputs as set` : ''}. Each figure's allowed region (shaded bar), the simulated mean (dot: green passes, red misses) and its 95% interval (line), as its distance from the figure in % (a range: from its middle; beyond −100% or +400%: at the edge); a target passes when its whole interval lies in the region.`,
      body: errorChart(summary.results, 'target'),
    },
    {
      title: 'Validation: public figures not used in fitting',
      reading: `${independent.pass}/${independent.total} independent figures within their tolerance; ${summary.validation.length - independent.total} more are not independent of the targets or inputs (see each one's standing in the table) and are not counted. Reported as they came out, never tuned to: amber dots fall outside.`,
      body: summary.validation.length > 0 ? errorChart(summary.validation, 'validation') : '<p>No validation figures in these scenarios.</p>',
    },
    { title: 'Every figure', reading: 'As `livesim check` prints it: what each measures, the expected figure, and the simulated mean with its 95% interval.', body: figureTable([...summary.results, ...summary.validation]) },
  ];
  return htmlPage(
    `livesim check: ${manifest.scenario}`,
    `${manifest.replicates} replicates per scenario; a target passes when the 95% interval of its mean lies inside its tolerance or range.`,
    manifest.complete ? undefined : 'This check was stopped before every replicate ran: the figures use those that did.',
    [...sections, dictionarySection([...new Set([...summary.results, ...summary.validation].map((figure) => figure.metric))])],
  );
}

/** The figure's reference value: the figure itself, or the middle of its range. */
const referenceOf = (figure: CheckedFigure) => (typeof figure.expected === 'number' ? figure.expected : (figure.expected[0] + figure.expected[1]) / 2);

function errorChart(figures: readonly CheckedFigure[], kind: 'target' | 'validation'): string {
  const rows = [...figures].reverse();
  const error = (figure: CheckedFigure, value: number) => {
    const percent = (value / referenceOf(figure) - 1) * 100;
    return Math.min(EDGE.high, Math.max(EDGE.low, Number.isFinite(percent) ? percent : EDGE.low));
  };
  const allowed = (figure: CheckedFigure): number[] =>
    typeof figure.expected === 'number' ? [-(figure.tolerance ?? 0) * 100, (figure.tolerance ?? 0) * 100] : figure.expected.map((end) => error(figure, end));
  const miss = kind === 'validation' ? COLOR.amber : COLOR.red;
  return svgChart(
    {
      grid: { left: 20, right: 30, top: 10, bottom: 40, containLabel: true },
      xAxis: { type: 'value', name: 'simulated − figure, % of the figure', nameLocation: 'middle', nameGap: 26, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: rows.map((figure) => `${figure.scenario} · ${figure.target}`) },
      series: [
        // The regions and intervals are lines, which ECharts does not size the axis to.
        extentPoints(rows.flatMap((figure) => [...allowed(figure), ...figure.simulated.ci95.map((value) => error(figure, value))])),
        {
          type: 'lines',
          coordinateSystem: 'cartesian2d',
          silent: true,
          data: rows.map((figure, index) => ({ coords: allowed(figure).map((x) => [x, index]), lineStyle: { color: COLOR.green, opacity: 0.25, width: 12 } })),
        },
        {
          type: 'lines',
          coordinateSystem: 'cartesian2d',
          silent: true,
          data: rows.map((figure, index) => ({ coords: figure.simulated.ci95.map((value) => [error(figure, value), index]), lineStyle: { color: '#222', width: 1.5 } })),
        },
        {
          type: 'scatter',
          symbolSize: 8,
          data: rows.map((figure, index) => ({ value: [error(figure, figure.simulated.mean), index], itemStyle: { color: figure.pass ? COLOR.green : miss } })),
          markLine: { symbol: 'none', silent: true, lineStyle: { color: '#222', type: 'dashed' }, label: { show: false }, data: [{ xAxis: 0 }] },
        },
      ],
    },
    { width: 760, height: 60 + 26 * rows.length },
  );
}

function figureTable(figures: readonly CheckedFigure[]): string {
  const rows = figures.map((figure) =>
    [
      `${figure.scenario} · ${figure.target}`,
      standingOf(figure),
      `${figure.metric} ${figure.measures}`,
      describeExpected(figure),
      `${formatQuantity(figure.simulated.mean)} [${formatQuantity(figure.simulated.ci95[0])}, ${formatQuantity(figure.simulated.ci95[1])}]`,
      figure.relativeError === 0 ? '0.0%' : formatSignedPercent(figure.relativeError),
      verdictWord(figure),
    ]
      .map((cell) => `<td>${escapeHtml(cell)}</td>`)
      .join(''),
  );
  const header = ['figure', 'standing', 'measures', 'expected', 'simulated [95% CI]', 'error', ''].map((cell) => `<th>${escapeHtml(cell)}</th>`).join('');
  return `<table class="figures"><tr>${header}</tr>${rows.map((row) => `<tr>${row}</tr>`).join('')}</table>`;
}

/** A figure's standing in words: reproduced, fitted exactly, input, or validation with its relation. */
function standingOf(figure: CheckedFigure): string {
  if (figure.kind !== 'validation') return sectionOf(figure) === 'fitted-exactly' ? 'fitted exactly' : figure.kind;
  const relation = 'relation' in figure && figure.relation ? ` (${figure.relation})` : '';
  return `validation${relation}`;
}
