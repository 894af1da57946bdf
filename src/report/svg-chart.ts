/**
 * Charts rendered in Node as SVG text, for reports that need no scripts, no network and no
 * browser: ECharts' server-side renderer (`ssr: true` needs no DOM or canvas). Animation is off,
 * and every chart is disposed, so nothing keeps the process alive.
 */
import * as echarts from 'echarts';
import { formatQuantity } from '../format.js';
import { escapeHtml } from './html-page.js';

/**
 * The reports' colours, declared once. Where a colour means something it means the same on every
 * page: green the farmers, a pass or a rise; red a loss, a miss or a fall; grey what is not
 * significant or without e-commerce; blue the headline series.
 */
export const COLOR = {
  blue: '#1565c0',
  green: '#2e7d32',
  teal: '#00838f',
  purple: '#6a1b9a',
  orange: '#ef6c00',
  brown: '#8d6e63',
  red: '#c62828',
  lightRed: '#e57373',
  amber: '#f9a825',
  grey: '#9e9e9e',
  darkGrey: '#757575',
} as const;

/** Colours for series that mean nothing by colour (one per anchor, per swept value), in turn. */
const SERIES_COLORS = [COLOR.blue, COLOR.green, COLOR.orange, COLOR.purple, COLOR.teal, COLOR.red, COLOR.brown, COLOR.grey] as const;

export const seriesColor = (index: number): string => SERIES_COLORS[index % SERIES_COLORS.length]!;

export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/** A vertical value axis' title sits above it, starting at the axis: centred, a long one is cut at the chart's left edge. */
function leftAlignedTitle(axis: echarts.EChartsOption['yAxis']): Pick<echarts.EChartsOption, 'yAxis'> {
  if (axis === undefined || Array.isArray(axis) || axis.type === 'category' || axis.nameLocation !== undefined) return {};
  return { yAxis: { ...axis, nameTextStyle: { align: 'left', ...axis.nameTextStyle } } as typeof axis };
}

/** Value axes read as people read numbers (12.3k, 5.6M, 1,493.6bn), unless the chart says how. */
function readableValueAxis(axis: echarts.EChartsOption['xAxis']): echarts.EChartsOption['xAxis'] {
  if (axis === undefined || Array.isArray(axis) || (axis.type !== 'value' && axis.type !== 'log') || axis.axisLabel?.formatter !== undefined) return axis;
  return { ...axis, axisLabel: { ...axis.axisLabel, formatter: (value: number) => formatQuantity(value) } } as typeof axis;
}

/** Whether a chart has nothing to show: every value of every series zero or missing. */
function isEmpty(option: echarts.EChartsOption): boolean {
  const series = Array.isArray(option.series) ? option.series : option.series === undefined ? [] : [option.series];
  const numbers = (value: unknown): number[] => (typeof value === 'number' ? [value] : Array.isArray(value) ? value.flatMap(numbers) : value !== null && typeof value === 'object' && 'value' in value ? numbers(value.value) : []);
  return series.length > 0 && series.every((item) => numbers((item as { data?: unknown }).data).every((value) => value === 0 || !Number.isFinite(value)));
}

/**
 * The chart as SVG text; a chart whose every value is zero is a line saying so (`empty`), not a
 * panel of flat lines.
 */
export function svgChart(option: echarts.EChartsOption, size: ChartSize = { width: 760, height: 320 }, empty = 'Nothing to draw: every value is zero.'): string {
  if (isEmpty(option)) return `<p class="empty">${escapeHtml(empty)}</p>`;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    const axes = { xAxis: readableValueAxis(option.xAxis), yAxis: readableValueAxis(option.yAxis as echarts.EChartsOption['xAxis']) as echarts.EChartsOption['yAxis'] };
    chart.setOption({ animation: false, textStyle: { fontFamily: 'sans-serif' }, ...option, ...axes, ...leftAlignedTitle(axes.yAxis) });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * Points nobody sees at `values` along x: ECharts sizes an axis from its points only, so charts
 * that draw intervals as lines add their ends this way and the axis still gets round ticks.
 */
export function extentPoints(values: readonly number[]): echarts.ScatterSeriesOption {
  return { type: 'scatter', symbolSize: 0, silent: true, data: values.filter(Number.isFinite).map((value) => [value, 0]) };
}
