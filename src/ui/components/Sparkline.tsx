import { Text } from 'ink';

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

export interface SparklineProps {
  /** The values, oldest first; the last `width` are drawn. */
  readonly values: readonly number[];
  /** Characters available. */
  readonly width: number;
  readonly color?: string | undefined;
}

/** A row of block characters, one per value, scaled to the largest value shown. */
export function Sparkline({ values, width, color }: SparklineProps) {
  const shown = values.slice(-width);
  const top = Math.max(0, ...shown);
  const line = shown.map((value) => (top <= 0 || value <= 0 ? ' ' : BLOCKS[Math.min(7, Math.floor((value / top) * 7.999))])).join('');
  return <Text color={color}>{line.padStart(width, ' ')}</Text>;
}
