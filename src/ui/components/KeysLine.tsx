import { Box, Text } from 'ink';
import type { DashboardState } from '../dashboard-state.js';

export interface KeysLineProps {
  readonly control: DashboardState['control'];
  readonly width: number;
}

const KEYS: readonly [string, string][] = [
  ['space', 'pause or resume'],
  ['q', 'stop and keep what was computed'],
  ['Ctrl+C', 'stop, keep results, exit 130'],
  ['+ / -', 'watch faster / slower (watching mode: --pace)'],
  ['?', 'show or hide these keys'],
];

/** The keys, in one line or (after `?`) as a list. */
export function KeysLine({ control, width }: KeysLineProps) {
  if (!control.interactive) return <Text dimColor>keys need a terminal that supports raw mode; Ctrl+C stops</Text>;
  if (control.help) {
    return (
      <Box flexDirection="column" width={width}>
        {KEYS.map(([key, what]) => (
          <Text key={key} wrap="truncate">
            <Text bold>{key.padEnd(8)}</Text>
            {what}
          </Text>
        ))}
      </Box>
    );
  }
  return (
    <Text dimColor wrap="truncate">
      space {control.paused ? 'resume' : 'pause'} · q stop · {control.pace === undefined ? '' : '+/- pace · '}? keys
    </Text>
  );
}
