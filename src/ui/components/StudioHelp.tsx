import { Box, Text } from 'ink';

const KEYS: readonly [string, string][] = [
  ['↑ ↓', 'select a parameter'],
  ['+ -', 'step it (by ratio where its range spans 10× or more)'],
  ['enter', 'type a value (checked as --set checks it)'],
  ['/', 'filter the parameters by name'],
  ['p', 'pin the tweak as the new baseline'],
  ['r', 'reset: back to the baseline'],
  ['h', 'the history of tried tweaks'],
  ['s', 'save the tweak as a scenario file extending this one'],
  ['e', 'export the history as CSV'],
  ['?', 'these keys'],
  ['q', 'quit (Ctrl+C too)'],
];

/** The studio's keys, one a line. */
export function StudioHelp({ width }: { readonly width: number }) {
  return (
    <Box flexDirection="column" width={width}>
      {KEYS.map(([key, what]) => (
        <Text key={key} wrap="truncate">
          <Text bold>{key.padEnd(7)}</Text>
          {what}
        </Text>
      ))}
    </Box>
  );
}

/** The keys in one line, as much as fits. */
export const STUDIO_KEYS_LINE = '↑↓ select · +/- step · enter type · / filter · p pin · r reset · h history · s save · e export · ? keys · q quit';
