import { Box, Text } from 'ink';
import { formatPercent } from '../../format.js';

export interface Share {
  readonly label: string;
  readonly share: number;
  readonly color: string;
  /** Drawn instead of colour when colours are off. */
  readonly glyph: string;
}

export interface ShareBarProps {
  readonly shares: readonly Share[];
  readonly width: number;
  readonly colorful: boolean;
}

/** One bar split in proportion to the shares, with a legend beneath. */
export function ShareBar({ shares, width, colorful }: ShareBarProps) {
  // Cumulative rounding: the segments always fill the bar exactly.
  let cumulative = 0;
  let drawn = 0;
  const segments = shares.map((share) => {
    cumulative += share.share;
    const end = Math.min(width, Math.round(cumulative * width));
    const length = Math.max(0, end - drawn);
    drawn += length;
    return { ...share, length };
  });
  return (
    <Box flexDirection="column">
      <Text>
        {segments.map((segment) => (
          <Text key={segment.label} color={colorful ? segment.color : undefined}>
            {(colorful ? '█' : segment.glyph).repeat(segment.length)}
          </Text>
        ))}
      </Text>
      <Text wrap="truncate">
        {shares.map((share, index) => (
          <Text key={share.label}>
            {index > 0 ? '  ' : ''}
            <Text color={colorful ? share.color : undefined}>{colorful ? '■' : share.glyph}</Text> {share.label} {formatPercent(share.share, 0)}
          </Text>
        ))}
      </Text>
    </Box>
  );
}
