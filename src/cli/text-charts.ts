/**
 * Small charts in text, for a terminal: a forest of changes with their intervals (compare) and a
 * line of blocks per metric across cases (sweep). They repeat what the table says, drawn, so a
 * reader sees at a glance which changes clear zero and which way a metric goes.
 */
import { formatRelativeChange } from '../format.js';
import type { Style } from './style.js';

export interface ForestRow {
  readonly label: string;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  readonly significant: boolean;
}

/**
 * One line per row: the label, then an axis on which `├──●──┤` is the interval and its mean, and
 * `│` is zero. Changes are shares of A, the rows' ends as the caller bounds them (relativeEnd).
 */
export function forestLines(rows: readonly ForestRow[], style: Style, width: number): string[] {
  if (rows.length === 0) return [];
  const labelWidth = Math.min(24, Math.max(...rows.map((row) => row.label.length)));
  const valueWidth = 8;
  const axisWidth = Math.max(10, Math.min(50, width - labelWidth - valueWidth - 6));
  const lows = rows.map((row) => Math.min(row.low, row.mean));
  const highs = rows.map((row) => row.high);
  const [min, max] = [Math.min(0, ...lows), Math.max(0, ...highs)];
  const span = max - min || 1;
  const at = (value: number) => Math.round(((value - min) / span) * (axisWidth - 1));
  const zero = at(0);
  const lines = rows.map((row) => {
    const cells: string[] = Array.from({ length: axisWidth }, (_, index) => (index === zero ? '│' : ' '));
    const [from, to, mean] = [at(row.low), at(row.high), at(row.mean)];
    for (let index = from; index <= to; index++) cells[index] = '─';
    cells[from] = '├';
    cells[to] = '┤';
    cells[mean] = '●';
    const axis = cells.join('');
    const label = row.label.length > labelWidth ? `${row.label.slice(0, labelWidth - 1)}…` : row.label.padEnd(labelWidth);
    return `  ${label}  ${row.significant ? style.cyan(axis) : style.dim(axis)}  ${formatRelativeChange(row.mean).padStart(valueWidth)}`;
  });
  const scale = `  ${' '.repeat(labelWidth)}  ${formatRelativeChange(min).padEnd(Math.max(0, axisWidth - 7))}${formatRelativeChange(max).padStart(7)}`;
  return [...lines, style.dim(scale)];
}

const BLOCKS = '▁▂▃▄▅▆▇█';

/** A metric's means across cases as a line of blocks, lowest to highest (flat: all the same). */
export function sparkline(values: readonly number[]): string {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return '';
  const [min, max] = [Math.min(...finite), Math.max(...finite)];
  return values.map((value) => (Number.isFinite(value) ? BLOCKS[max === min ? 3 : Math.round(((value - min) / (max - min)) * (BLOCKS.length - 1))] : ' ')).join('');
}
