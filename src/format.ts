/** Numbers as people read them: 1,234,567 and ¥616,252 and 3.61% (fixed locale, so output never varies by machine). */
import { catalogueEntry } from './model/observation/metric-catalogue.js';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const groupedTwo = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const formatCount = (value: number): string => grouped.format(value);

export function formatYuan(value: number, decimals = false): string {
  const text = decimals ? groupedTwo.format(Math.abs(value)) : grouped.format(Math.abs(value));
  return `${value < 0 ? '-' : ''}¥${text}`;
}

const groupedDecimals = (value: number, digits: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

/** Short with a suffix, grouped the one way: 980, 12.3k, 5.60M, 1,493.63bn. */
function short(magnitude: number, whole: (value: number) => string): string {
  if (magnitude >= 1e9) return `${groupedDecimals(magnitude / 1e9, 2)}bn`;
  if (magnitude >= 1e6) return `${groupedDecimals(magnitude / 1e6, 2)}M`;
  if (magnitude >= 1e4) return `${groupedDecimals(magnitude / 1e3, 1)}k`;
  return whole(magnitude);
}

/** ¥5.60M, ¥12.3k, ¥980 */
export function formatYuanShort(value: number): string {
  return `${value < 0 ? '-' : ''}¥${short(Math.abs(value), (magnitude) => grouped.format(Math.round(magnitude)))}`;
}

/** 8,045, 12.3k, 3.47M */
export function formatCountShort(value: number): string {
  return `${value < 0 ? '-' : ''}${short(Math.abs(value), (magnitude) => grouped.format(magnitude))}`;
}

export const formatPercent = (share: number, digits = 1): string => `${(share * 100).toFixed(digits)}%`;

/** 1m05s, 42s, 0.8s */
export function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(1)}s`;
  if (seconds < 60) return `${Math.round(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(Math.round(seconds - minutes * 60)).padStart(2, '0')}s`;
}

/** A measured quantity of any size, short: 397.5bn, 560.0M, 13.0k, 4,050, 96.4, 0.0312. */
export function formatQuantity(value: number): string {
  const magnitude = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (magnitude >= 1e9) return `${sign}${groupedDecimals(magnitude / 1e9, 1)}bn`;
  if (magnitude >= 1e6) return `${sign}${(magnitude / 1e6).toFixed(1)}M`;
  if (magnitude >= 1e4) return `${sign}${(magnitude / 1e3).toFixed(1)}k`;
  if (magnitude >= 100 || Number.isInteger(value)) return `${sign}${grouped.format(magnitude)}`;
  return `${sign}${Number(magnitude.toPrecision(3))}`;
}

export function formatSignedPercent(share: number, digits = 1): string {
  return `${share >= 0 ? '+' : ''}${(share * 100).toFixed(digits)}%`;
}

/**
 * A metric's value the one way its unit is shown: money short (¥5.60M), shares and conversions
 * as percentages, counts and other quantities short (397.5bn, 13.0k, 0.0312).
 */
export function formatMetric(name: string, value: number): string {
  if (isMoneyMetric(name)) return formatYuanShort(value);
  const unit = unitOf(name);
  if (unit === 'share' || unit === 'orders per view') return formatPercent(value, 2);
  return formatQuantity(value);
}

/** A change in a metric, signed, in the metric's own unit: +¥28.6k, -665, +0.09 pp (a share's change is in percentage points). */
export function formatMetricChange(name: string, delta: number): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '-' : '';
  if (isMoneyMetric(name)) return `${sign}${formatYuanShort(Math.abs(delta))}`;
  const unit = unitOf(name);
  if (unit === 'share' || unit === 'orders per view') return `${sign}${(Math.abs(delta) * 100).toFixed(2)} pp`;
  return `${sign}${formatQuantity(Math.abs(delta))}`;
}

/** A relative change, signed (+2.8%, -36.7%). */
export const formatRelativeChange = (share: number, digits = 1): string => formatSignedPercent(share, digits);

/** What formatPairedChange reads of a paired comparison of one metric. */
interface PairedChange {
  readonly name: string;
  readonly relative: { readonly mean: number; readonly ci95: readonly [number, number] } | null;
  readonly delta: { readonly mean: number; readonly ci95: readonly [number, number]; readonly n: number };
}

/**
 * A paired change as the studio and watch mode print it: the change as a share of the baseline
 * (in the metric's own unit when no share can be taken) and its 95% interval, `[-1.1, -0.9%]`;
 * from one pair, no interval (one difference has no spread to measure).
 */
export function formatPairedChange(metric: PairedChange): { readonly change: string; readonly interval: string } {
  if (metric.relative) {
    const change = formatRelativeChange(metric.relative.mean);
    if (metric.delta.n < 2) return { change, interval: '[needs 2 pairs]' };
    const [low, high] = metric.relative.ci95.map((end) => relativeEnd(metric.name, end));
    return { change, interval: `[${formatRelativeChange(low!).replace('%', '')}, ${formatRelativeChange(high!)}]` };
  }
  const change = formatMetricChange(metric.name, metric.delta.mean);
  if (metric.delta.n < 2) return { change, interval: '[needs 2 pairs]' };
  return { change, interval: `[${formatMetricChange(metric.name, metric.delta.ci95[0])}, ${formatMetricChange(metric.name, metric.delta.ci95[1])}]` };
}

/**
 * An interval's end of a relative change, as drawn and printed: for a metric that cannot fall
 * below zero, at least -100% (B cannot lose more than all of A: an end below it is the noise of
 * the ratio, not a value); a metric that can be negative (a gain, a margin) keeps its own.
 */
export function relativeEnd(name: string, share: number): number {
  return entryOf(name)?.mayBeNegative ? share : Math.max(-1, share);
}

/** A metric's catalogue entry, for its own name or a column made from it (`ledger.logistics`, `gain:<group>`, `gmv:<platform>`). */
const entryOf = (name: string) => catalogueEntry(name) ?? catalogueEntry(name.replace(/^ledger\./, '')) ?? catalogueEntry(name.split(':')[0]!);
const unitOf = (name: string) => entryOf(name)?.unit;

/** Whether a metric is money (yuan, or yuan a year). */
export function isMoneyMetric(name: string): boolean {
  const unit = unitOf(name);
  return unit === 'yuan' || unit === 'yuan per year';
}
