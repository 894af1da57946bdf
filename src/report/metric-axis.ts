/** A value axis for a metric: titled in words with its unit, its numbers read the metric's way (shares as percentages). */
import type { XAXisComponentOption } from 'echarts';
import { axisTitle, describeColumn } from '../experiment/data-dictionary.js';
import { formatQuantity } from '../format.js';

const isShare = (name: string) => ['share', 'orders per view'].includes(describeColumn(name)?.unit ?? '');

/** `extra`: the axis' other settings (scale, name placement). */
export function metricAxis(name: string, extra: Readonly<Record<string, unknown>> = {}): XAXisComponentOption {
  const formatter = isShare(name) ? (value: number) => `${Number((value * 100).toPrecision(4))}%` : (value: number) => formatQuantity(value);
  return { ...extra, type: 'value', name: axisTitle(name), axisLabel: { formatter } } as XAXisComponentOption;
}
