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

/**
 * One bar split in proportion to the shares, with a legend beneath: largest share first, over two
 * lines when one is too narrow, so every part of the money can be read at 80 columns.
 */
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
      {legendLines(shares, width).map((line, row) => (
        <Text key={row} wrap="truncate">
          {line.map((share, index) => (
            <Text key={share.label}>
              {index > 0 ? '  ' : ''}
              <Text color={colorful ? share.color : undefined}>{colorful ? '■' : share.glyph}</Text> {share.label} {formatPercent(share.share, 0)}
            </Text>
          ))}{' '}
        </Text>
      ))}
    </Box>
  );
}

const LEGEND_LINES = 2;

/** The legend's entries, largest first, packed into at most two lines of `width` (always two, the second maybe empty). */
function legendLines(shares: readonly Share[], width: number): Share[][] {
  const lines: Share[][] = [[]];
  let used = 0;
  for (const share of [...shares].sort((a, b) => b.share - a.share)) {
    const entry = `■ ${share.label} ${formatPercent(share.share, 0)}`.length;
    if (used > 0 && used + 2 + entry > width && lines.length < LEGEND_LINES) {
      lines.push([]);
      used = 0;
    }
    lines[lines.length - 1]!.push(share);
    used += (used > 0 ? 2 : 0) + entry;
  }
  while (lines.length < LEGEND_LINES) lines.push([]);
  return lines;
}
