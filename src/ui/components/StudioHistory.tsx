import { Box, Text } from 'ink';
import type { HistoryEntry } from '../../experiment/studio/studio-session.js';
import { fit } from './text.js';
import { reading } from './ComparisonPanel.js';

/** The tweaks tried, oldest first: each with the farmers' gain it came to. */
export function StudioHistory({ history, width, height }: { readonly history: readonly HistoryEntry[]; readonly width: number; readonly height: number }) {
  if (history.length === 0) return <Text dimColor>no comparison has finished yet</Text>;
  const rows = history.slice(-Math.max(1, Math.floor(height / 2)));
  return (
    <Box flexDirection="column" width={width}>
      {rows.map((entry, index) => {
        const gain = entry.comparison.metrics.find((metric) => metric.name === 'gain');
        const tweak = entry.tweaks.map((each) => `${each.path} ${each.was} → ${each.value}`).join(', ') || 'baseline';
        return (
          <Box key={index} flexDirection="column">
            <Text bold wrap="truncate">{fit(`${history.length - rows.length + index + 1}. ${tweak}`, width)}</Text>
            <Text wrap="truncate">{fit(`   ${gain ? reading(gain, false) : ''} (${entry.comparison.replicates} pairs)`, width)}</Text>
          </Box>
        );
      })}
    </Box>
  );
}
