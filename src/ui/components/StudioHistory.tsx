import { Box, Text } from 'ink';
import type { HistoryEntry } from '../../experiment/studio/studio-session.js';
import { formatPairedChange } from '../../format.js';
import { fit } from './text.js';

/** A field in few words: its entity and its own name (`guest-star welfareRate`), or its name alone (`purchaseRate`). */
function fieldWords(dotted: string): string {
  const parts = dotted.split('.');
  return parts.length > 2 ? `${parts[1]} ${parts.at(-1)}` : parts.at(-1)!;
}

/** A tweak in few words: each changed field from what it was to what it is. */
const tweakText = (entry: HistoryEntry) => entry.tweaks.map((tweak) => `${fieldWords(tweak.path)} ${tweak.was}→${tweak.value}`).join(', ');

/** The tweaks tried, oldest first, as a table: what changed, over how many pairs, and the farmers' gain it came to. */
export function StudioHistory({ history, width, height }: { readonly history: readonly HistoryEntry[]; readonly width: number; readonly height: number }) {
  if (history.length === 0) return <Text dimColor>no comparison has finished yet</Text>;
  const rows = history.slice(-Math.max(1, height - 1));
  const first = history.length - rows.length;
  const tweakWidth = Math.max(16, width - 3 - 6 - 8 - 18 - 4);
  const line = (number: string, tweak: string, pairs: string, gain: string, interval: string) => `${number.padStart(3)} ${fit(tweak, tweakWidth)} ${pairs.padStart(5)} ${gain.padStart(8)} ${fit(interval, 18)}`;
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate">{line('#', 'tweak', 'pairs', 'gain', '95% paired')}</Text>
      {rows.map((entry, index) => {
        const gain = entry.comparison.metrics.find((metric) => metric.name === 'gain');
        const shown = gain ? formatPairedChange(gain) : { change: '', interval: '' };
        return (
          <Text key={first + index} bold={gain?.significant === true} wrap="truncate">
            {line(String(first + index + 1), tweakText(entry), String(entry.comparison.replicates), shown.change, shown.interval + (gain?.significant ? ' *' : ''))}
          </Text>
        );
      })}
    </Box>
  );
}
