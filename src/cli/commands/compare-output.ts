/** How `livesim compare` prints a comparison: a table that fits the terminal, Markdown, or CSV. */
import { toCsv } from '../../experiment/batch/csv.js';
import type { Comparison, MetricComparison } from '../../experiment/analysis/compare.js';
import { formatMetric, formatMetricChange, formatRelativeChange, relativeEnd } from '../../format.js';
import { SINGLE_RUNS_NOTE, type SingleDifference } from '../../experiment/analysis/compare-single.js';
import type { Style } from '../style.js';
import { fitLine, formatTable } from '../table.js';
import { forestLines } from '../text-charts.js';
import { labelOf } from '../../experiment/data-dictionary.js';

const relativeCell = (metric: MetricComparison) =>
  metric.relative === null
    ? '—'
    : `${formatRelativeChange(metric.relative.mean)} [${formatRelativeChange(relativeEnd(metric.name, metric.relative.ci95[0]))}, ${formatRelativeChange(metric.relative.ci95[1])}]`;

export function formatComparison(
  labelA: string,
  labelB: string,
  comparison: Comparison,
  format: 'table' | 'markdown',
  style: Style,
  width = Number.POSITIVE_INFINITY,
): string {
  const rows = comparison.metrics.map((metric) => [
    metric.name,
    formatMetric(metric.name, metric.a.mean),
    formatMetric(metric.name, metric.b.mean),
    formatMetricChange(metric.name, metric.delta.mean),
    relativeCell(metric),
    metric.significant ? 'yes' : 'no',
  ]);
  const header = ['metric', 'A', 'B', 'B − A', 'relative [95% CI]', 'significant'];
  const intro = introLines(labelA, labelB, `${comparison.replicates} paired replicates (common random numbers); significant: the 95% interval of B − A excludes 0`, width);
  if (format === 'markdown') {
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    return `${intro}${[line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')}\n`;
  }
  // Too wide for the terminal: the metric names are cut, then A's and B's means left out (B − A stays).
  const lines = formatTable(header, rows, { width, right: [1, 2, 3, 4, 5], shrink: 0, optional: [1, 2], indent: '  ' });
  return `${intro}${lines.map((line, index) => (index > 0 ? line.replace(/ yes$/, ` ${style.green('yes')}`) : line)).join('\n')}\n`;
}

/** Two single runs: A, B and the difference, with the plain note that there is no interval. */
export function formatSingleComparison(labelA: string, labelB: string, metrics: readonly SingleDifference[], format: 'table' | 'markdown', width = Number.POSITIVE_INFINITY): string {
  const rows = metrics.map((metric) => [metric.name, formatMetric(metric.name, metric.a), formatMetric(metric.name, metric.b), formatMetricChange(metric.name, metric.delta), metric.relative === null ? '—' : formatRelativeChange(metric.relative)]);
  const header = ['metric', 'A', 'B', 'B − A', 'relative'];
  const intro = introLines(labelA, labelB, SINGLE_RUNS_NOTE, width);
  if (format === 'markdown') {
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    return `${intro}${[line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')}\n`;
  }
  return `${intro}${formatTable(header, rows, { width, right: [1, 2, 3, 4], shrink: 0, optional: [1, 2], indent: '  ' }).join('\n')}\n`;
}

export function singleComparisonCsv(metrics: readonly SingleDifference[]): string {
  return toCsv(['metric', 'a', 'b', 'delta', 'relative'], metrics.map((metric) => [metric.name, metric.a, metric.b, metric.delta, metric.relative ?? '']));
}

/** Who A and B are and how to read the table, each wrapped to the width. */
function introLines(labelA: string, labelB: string, reading: string, width: number): string {
  return `${[...fitLine(`A: ${labelA}`, width, '   '), ...fitLine(`B: ${labelB}`, width, '   '), ...fitLine(reading, width)].join('\n')}\n\n`;
}

/** The largest changes (significant first) as a forest: B − A as a share of A, with its interval, a line each. */
export function comparisonForest(metrics: readonly MetricComparison[], style: Style, width: number): string[] {
  const rows = metrics
    .filter((metric) => metric.relative !== null)
    // The largest changes, significant first, as the report's forest orders them.
    .sort((x, y) => Number(y.significant) - Number(x.significant) || Math.abs(y.relative!.mean) - Math.abs(x.relative!.mean))
    .slice(0, FOREST_ROWS)
    .map((metric) => ({ label: labelOf(metric.name), mean: metric.relative!.mean, low: relativeEnd(metric.name, metric.relative!.ci95[0]), high: metric.relative!.ci95[1], significant: metric.significant }));
  if (rows.length === 0) return [];
  return [style.dim('  B − A as a share of A, with its paired 95% interval (│ is no change)'), ...forestLines(rows, style, width)];
}

/** Rows a terminal forest draws at most (the table has them all). */
const FOREST_ROWS = 12;
