import { Box, Text } from 'ink';
import { formatCountShort, formatPercent, formatYuanShort } from '../../format.js';
import type { Snapshot } from '../../model/observation/snapshot.js';
import { ProgressBar } from './ProgressBar.js';

export interface FarmersPanelProps {
  readonly snapshot: Snapshot | undefined;
  readonly width: number;
  readonly colorful: boolean;
}

const NO_HOUSEHOLDS: Snapshot['households'] = { total: 0, supplying: 0, aboveLine: 0, aboveLineWithoutEcommerce: 0, gain: 0, premium: 0, volume: 0, spillover: 0, wages: 0 };

/** What live commerce gained the farmers and where from; households above the poverty line; stock-out and spoilage warnings. */
export function FarmersPanel({ snapshot, width, colorful }: FarmersPanelProps) {
  const households = snapshot?.households ?? NO_HOUSEHOLDS;
  const share = households.total > 0 ? households.aboveLine / households.total : 0;
  const text = `${formatCountShort(households.aboveLine)} of ${formatCountShort(households.total)} above the line (${formatCountShort(households.aboveLineWithoutEcommerce)} without) · ${formatCountShort(households.supplying)} sold online`;
  // The parts that are not zero, largest first.
  const parts = (
    [
      ['premium', households.premium],
      ['volume', households.volume],
      ['spillover', households.spillover],
      ['wages', households.wages],
    ] as const
  )
    .filter(([, yuan]) => yuan !== 0)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .map(([name, yuan]) => `${name} ${formatYuanShort(yuan)}`);
  const barWidth = Math.max(6, width - text.length - 2);
  const warnings = [
    snapshot && snapshot.soldOut.length > 0 ? `sold out: ${snapshot.soldOut.join(', ')}` : '',
    snapshot && snapshot.totals.stockOuts > 0
      ? `${plural(snapshot.totals.stockOuts, 'stock-out')}, ${plural(snapshot.totals.lostOrders, 'order')} lost`
      : '',
    snapshot && snapshot.totals.broadcastsSkipped > 0 ? `${plural(snapshot.totals.broadcastsSkipped, 'broadcast')} not aired (nothing to sell)` : '',
    snapshot && snapshot.spoiledShare >= 0.05 ? `${formatPercent(snapshot.spoiledShare)} of units spoiled in transit` : '',
  ].filter(Boolean);
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate">
        <Text bold>Farmers</Text> gained {formatYuanShort(households.gain)} from live commerce
        <Text dimColor>{parts.length > 0 ? `: ${parts.join(' · ')}` : ' so far (settled nightly)'}</Text>
      </Text>
      <Text wrap="truncate">
        <ProgressBar progress={share} width={barWidth} color={colorful ? 'green' : undefined} /> {text}
      </Text>
      <Text wrap="truncate" color={colorful && warnings.length > 0 ? 'yellow' : undefined} dimColor={warnings.length === 0}>
        {warnings.length > 0 ? `⚠ ${warnings.join(' · ')}` : 'no stock-outs; under 5% of units spoiled'}
      </Text>
    </Box>
  );
}

/** `1 stock-out`, `3 stock-outs`, `1.2k orders`. */
function plural(count: number, noun: string): string {
  return `${formatCountShort(count)} ${count === 1 ? noun : `${noun}s`}`;
}
