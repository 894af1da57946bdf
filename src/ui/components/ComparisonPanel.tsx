import { Box, Text } from 'ink';
import type { MetricComparison } from '../../experiment/analysis/compare.js';
import type { StudioUpdate } from '../../experiment/studio/studio-session.js';
import { formatPairedChange, relativeEnd } from '../../format.js';
import { catalogueEntry } from '../../model/observation/metric-catalogue.js';
import { fit } from './text.js';

export interface ComparisonPanelProps {
  readonly update: StudioUpdate;
  readonly metrics: readonly string[];
  readonly width: number;
  readonly colorful: boolean;
}

/** A metric's name in words, the catalogue's short one where its label is long (so that a row fits beside the parameters at 80 columns). */
function labelOf(name: string): string {
  const entry = catalogueEntry(name.replace(/^ledger\./, ''));
  return entry?.short ?? entry?.label ?? name;
}

/** Cells a bar needs beside a row's figures; fewer, and it goes on a line of its own. */
const MIN_BAR_BESIDE = 16;

/**
 * One row of the forest: the interval as a bar on a scale shared by every row, the mean as a
 * dot and zero as a rule, so a bar that clears the rule is a change the replicates show.
 */
export function forestBar(low: number, mean: number, high: number, scale: number, width: number): string {
  const cells = Array.from({ length: width }, () => ' ');
  const at = (value: number) => Math.max(0, Math.min(width - 1, Math.round(((value + scale) / (2 * scale)) * (width - 1))));
  for (let cell = at(low); cell <= at(high); cell++) cells[cell] = '─';
  cells[at(0)] = '│';
  cells[at(mean)] = '●';
  return cells.join('');
}

/** Baseline against the tweak, metric by metric: the change, its 95% paired interval and the forest. */
export function ComparisonPanel({ update, metrics, width, colorful }: ComparisonPanelProps) {
  const { comparison } = update;
  const status = update.tweaks.length === 0 ? 'no change yet: select, then + or -' : `${comparison?.replicates ?? 0}/${update.planned} pairs${update.running ? ' …' : ''}`;
  const rows = metrics.flatMap((name) => comparison?.metrics.filter((metric) => metric.name === name) ?? []);
  const shares = rows.flatMap((metric) => (metric.relative ? metric.relative.ci95.map((end) => Math.abs(relativeEnd(metric.name, end))) : []));
  const scale = Math.max(0.01, ...shares.filter(Number.isFinite));
  const labelWidth = 16;
  const intervalWidth = 15;
  const besideWidth = width - labelWidth - intervalWidth - 11;
  // Too narrow beside the figures to tell one interval from another (80 columns): each bar gets a line of its own, the panel's width.
  const ownLine = besideWidth < MIN_BAR_BESIDE;
  const barWidth = ownLine ? Math.max(MIN_BAR_BESIDE, width - 2) : besideWidth;
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate">{fit(`baseline vs tweak · ${status}`, width)}</Text>
      {update.error ? <Text color={colorful ? 'red' : undefined} wrap="truncate">{update.error}</Text> : null}
      {rows.map((metric) => {
        const { change: text, interval } = formatPairedChange(metric);
        const bar = metric.relative && metric.delta.n >= 2 ? forestBar(relativeEnd(metric.name, metric.relative.ci95[0]), metric.relative.mean, relativeEnd(metric.name, metric.relative.ci95[1]), scale, barWidth) : ' '.repeat(barWidth);
        const drawn = <Text color={colorful && metric.significant ? (metric.delta.mean > 0 ? 'green' : 'red') : undefined}>{bar}</Text>;
        return (
          <Box key={metric.name} flexDirection="column">
            <Text wrap="truncate">
              {fit(labelOf(metric.name), labelWidth)} <Text bold={metric.significant}>{text.padStart(8)}</Text> {fit(interval, intervalWidth)}
              {ownLine ? null : <> {drawn}</>}
            </Text>
            {ownLine ? <Text wrap="truncate">  {drawn}</Text> : null}
          </Box>
        );
      })}
    </Box>
  );
}

/**
 * The farmers' gain in one line: the change, its interval, and whether the replicates show it.
 * While pairs still come the verdict is only provisional (an interval looked at after every pair
 * clears zero by chance more often than one looked at once), and says so.
 */
export function reading(metric: MetricComparison, running: boolean): string {
  const { change: text, interval } = formatPairedChange(metric);
  const verdict = running ? (metric.significant ? 'clear of zero so far' : 'not clear of zero yet') : metric.significant ? 'significant' : 'not significant';
  return `${labelOf(metric.name)} ${text} ${interval} — ${verdict}`;
}
