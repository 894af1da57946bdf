/** Numbers as people read them: 1,234,567 and ¥616,252 and 3.61% (fixed locale, so output never varies by machine). */
import { catalogueEntry } from './model/metric-catalogue.js';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const groupedTwo = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const formatCount = (value: number): string => grouped.format(value);

export function formatYuan(value: number, decimals = false): string {
  const text = decimals ? groupedTwo.format(Math.abs(value)) : grouped.format(Math.abs(value));
  return `${value < 0 ? '-' : ''}¥${text}`;
}

/** ¥5.6M, ¥12.3k, ¥980 */
export function formatYuanShort(value: number): string {
  const magnitude = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (magnitude >= 1e9) return `${sign}¥${(magnitude / 1e9).toFixed(2)}bn`;
  if (magnitude >= 1e6) return `${sign}¥${(magnitude / 1e6).toFixed(2)}M`;
  if (magnitude >= 1e4) return `${sign}¥${(magnitude / 1e3).toFixed(1)}k`;
  return `${sign}¥${grouped.format(Math.round(magnitude))}`;
}

export function formatCountShort(value: number): string {
  if (value >= 1e9) return `${(value / 1e9).toFixed(2)}bn`;
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
  if (value >= 1e4) return `${(value / 1e3).toFixed(1)}k`;
  return formatCount(value);
}

export const formatPercent = (share: number, digits = 1): string => `${(share * 100).toFixed(digits)}%`;

/** 1m05s, 42s, 0.8s */
export function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(1)}s`;
  if (seconds < 60) return `${Math.round(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(Math.round(seconds - minutes * 60)).padStart(2, '0')}s`;
}

/** A measured quantity of any size, short: 397.5bn, 560.0M, 13.0k, 96.4, 0.0312. */
export function formatQuantity(value: number): string {
  const magnitude = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (magnitude >= 1e9) return `${sign}${(magnitude / 1e9).toFixed(1)}bn`;
  if (magnitude >= 1e6) return `${sign}${(magnitude / 1e6).toFixed(1)}M`;
  if (magnitude >= 1e4) return `${sign}${(magnitude / 1e3).toFixed(1)}k`;
  if (magnitude >= 100 || Number.isInteger(value)) return `${sign}${magnitude.toFixed(0)}`;
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
  const unit = catalogueEntry(name)?.unit;
  if (unit === 'share' || unit === 'orders per view') return formatPercent(value, 2);
  return formatQuantity(value);
}

/** Whether a metric is money (yuan, or yuan a year). */
export function isMoneyMetric(name: string): boolean {
  const unit = catalogueEntry(name)?.unit;
  return unit === 'yuan' || unit === 'yuan per year';
}
