/**
 * Charts rendered in Node as SVG text, for reports that need no scripts, no network and no
 * browser: ECharts' server-side renderer (`ssr: true` needs no DOM or canvas). Animation is off,
 * and every chart is disposed, so nothing keeps the process alive.
 */
import * as echarts from 'echarts';

export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/** A vertical value axis' title sits above it, starting at the axis: centred, a long one is cut at the chart's left edge. */
function leftAlignedTitle(axis: echarts.EChartsOption['yAxis']): Pick<echarts.EChartsOption, 'yAxis'> {
  if (axis === undefined || Array.isArray(axis) || axis.type === 'category' || axis.nameLocation !== undefined) return {};
  return { yAxis: { ...axis, nameTextStyle: { align: 'left', ...axis.nameTextStyle } } as typeof axis };
}

export function svgChart(option: echarts.EChartsOption, size: ChartSize = { width: 760, height: 320 }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'sans-serif' }, ...option, ...leftAlignedTitle(option.yAxis) });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * An axis' min and max covering `values` with a little room, on round numbers. ECharts sizes an
 * axis from its points only, so charts that draw intervals as lines set it themselves.
 */
export function axisExtent(values: readonly number[]): { min: number; max: number } {
  const finite = values.filter(Number.isFinite);
  const low = Math.min(0, ...finite);
  const high = Math.max(0, ...finite);
  const step = 10 ** Math.floor(Math.log10(Math.max(high - low, 1e-9))) / 2;
  return { min: Math.floor((low - (high - low) * 0.04) / step) * step, max: Math.ceil((high + (high - low) * 0.04) / step) * step };
}
