import { Box, Text } from 'ink';
import { formatCountShort, formatYuanShort } from '../../format.js';
import type { Snapshot } from '../../model/snapshot.js';
import { Sparkline } from './Sparkline.js';

export interface TrendPanelProps {
  readonly snapshot: Snapshot | undefined;
  readonly width: number;
  readonly colorful: boolean;
}

/** Sparklines of GMV per simulated hour (short runs) or day, and of viewers watching. */
export function TrendPanel({ snapshot, width, colorful }: TrendPanelProps) {
  const trend = snapshot?.trend ?? { unit: 'day' as const, gmv: [] };
  const viewers = snapshot?.concurrentHistory ?? [];
  const labelWidth = 16;
  const valueWidth = 10;
  const lineWidth = Math.max(10, width - labelWidth - valueWidth - 2);
  return (
    <Box flexDirection="column" width={width}>
      <Text bold>Trend</Text>
      <Text wrap="truncate">
        <Text dimColor>{`GMV per ${trend.unit}`.padEnd(labelWidth)}</Text>
        <Sparkline values={trend.gmv} width={lineWidth} color={colorful ? 'cyan' : undefined} />
        {formatYuanShort(trend.gmv[trend.gmv.length - 1] ?? 0).padStart(valueWidth + 2)}
      </Text>
      <Text wrap="truncate">
        <Text dimColor>{'viewers'.padEnd(labelWidth)}</Text>
        <Sparkline values={viewers} width={lineWidth} color={colorful ? 'magenta' : undefined} />
        {formatCountShort(viewers[viewers.length - 1] ?? 0).padStart(valueWidth + 2)}
      </Text>
    </Box>
  );
}
