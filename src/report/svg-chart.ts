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

export function svgChart(option: echarts.EChartsOption, size: ChartSize = { width: 760, height: 320 }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'sans-serif' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
