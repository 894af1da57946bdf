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
 * Points nobody sees at `values` along x: ECharts sizes an axis from its points only, so charts
 * that draw intervals as lines add their ends this way and the axis still gets round ticks.
 */
export function extentPoints(values: readonly number[]): echarts.ScatterSeriesOption {
  return { type: 'scatter', symbolSize: 0, silent: true, data: values.filter(Number.isFinite).map((value) => [value, 0]) };
}
