import { Box, Text } from 'ink';
import { formatCountShort, formatYuanShort } from '../../format.js';
import type { Snapshot } from '../../model/observation/snapshot.js';
import { Sparkline } from './Sparkline.js';

export interface TrendPanelProps {
  readonly snapshot: Snapshot | undefined;
  readonly width: number;
  readonly colorful: boolean;
}

/**
 * Sparklines on one time axis (simulated hours for short runs, days otherwise): GMV, and the most
 * viewers at once. Beside each, a level that means something over the window drawn: GMV's average
 * per hour or day, and the viewers' peak.
 */
export function TrendPanel({ snapshot, width, colorful }: TrendPanelProps) {
  const trend = snapshot?.trend ?? { unit: 'day' as const, gmv: [], peakViewers: [] };
  const labelWidth = 16;
  const valueWidth = 10;
  const lineWidth = Math.max(10, width - labelWidth - valueWidth - 2);
  // The same buckets on both rows: the window the sparklines draw.
  const gmv = trend.gmv.slice(-lineWidth);
  const viewers = trend.peakViewers.slice(-lineWidth);
  return (
    <Box flexDirection="column" width={width}>
      <Text bold>Trend</Text>
      <Text wrap="truncate">
        <Text dimColor>{`GMV per ${trend.unit}`.padEnd(labelWidth)}</Text>
        <Sparkline values={gmv} width={lineWidth} color={colorful ? 'cyan' : undefined} />
        {`avg ${formatYuanShort(average(gmv))}`.padStart(valueWidth + 2)}
      </Text>
      <Text wrap="truncate">
        <Text dimColor>{'viewers at once'.padEnd(labelWidth)}</Text>
        <Sparkline values={viewers} width={lineWidth} color={colorful ? 'magenta' : undefined} />
        {`peak ${formatCountShort(Math.max(0, ...viewers))}`.padStart(valueWidth + 2)}
      </Text>
    </Box>
  );
}

const average = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);
