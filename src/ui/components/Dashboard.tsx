import { Box, Text } from 'ink';
import { LEDGER_LABELS, LEDGER_PARTS, type LedgerPart } from '../../model/money/flows.js';
import type { DashboardState } from '../dashboard-state.js';
import { FarmersPanel } from './FarmersPanel.js';
import { Header } from './Header.js';
import { KeysLine } from './KeysLine.js';
import { leaderLines } from './LeadersPanel.js';
import { liveLines, liveSummary } from './LivePanel.js';
import { moneyLines } from './MoneyPanel.js';
import { ShareBar, type Share } from './ShareBar.js';
import { fit } from './text.js';
import { TrendPanel } from './TrendPanel.js';

export interface DashboardProps {
  /** The run as the bridge sees it: latest snapshot, wall-clock rates, controls. */
  readonly state: DashboardState;
  /** Columns to use (the terminal's width, at least 80). */
  readonly width: number;
  /** Colours on (off with NO_COLOR or --no-color). */
  readonly colorful: boolean;
  /** Terminal rows: beyond 24, more broadcasts and leaders are listed. */
  readonly height?: number;
}

/** Where the money went, in a fixed order so the bar does not jump around. */
const STYLES: Record<LedgerPart, { color: string; glyph: string }> = {
  farmerRevenue: { color: 'green', glyph: '█' },
  intermediaryMargin: { color: 'cyan', glyph: '▓' },
  logistics: { color: 'blue', glyph: '▒' },
  anchorCommission: { color: 'magenta', glyph: '░' },
  platformFees: { color: 'yellow', glyph: '▚' },
  processing: { color: 'white', glyph: '▞' },
  spoilage: { color: 'red', glyph: '▖' },
  refunds: { color: 'gray', glyph: '▗' },
};
const SHARES = Object.fromEntries(
  (Object.keys(STYLES) as LedgerPart[]).map((part) => [part, { label: LEDGER_LABELS[part], ...STYLES[part] }]),
) as Record<LedgerPart, { label: string; color: string; glyph: string }>;

/** Lines the dashboard takes with 3 live broadcasts and 3 leaders: it fits a 24-line terminal. */
export const DASHBOARD_LINES = 22;

/** Two columns drawn as one line of text per row (cheaper to lay out than nested boxes). */
function Columns({ left, right, half }: { left: readonly string[]; right: readonly string[]; half: number }) {
  return (
    <>
      {Array.from({ length: Math.max(left.length, right.length) }, (_, row) => (
        <Text key={row}>{`${fit(left[row] ?? '', half)}  ${right[row] ?? ''}`.trimEnd() || ' '}</Text>
      ))}
    </>
  );
}

/** The whole live view, shorter than the terminal so it never scrolls (which would flicker). */
export function Dashboard({ state, width, colorful, height = 24 }: DashboardProps) {
  const { snapshot } = state;
  const spare = Math.max(0, height - DASHBOARD_LINES - 2);
  const liveRows = 3 + Math.min(5, Math.ceil(spare / 2));
  const leaderRows = 3 + Math.min(2, Math.floor(spare / 2));
  const half = Math.floor((width - 2) / 2);
  // The bar keeps a fixed order; the legend lists the parts largest first.
  const shares: Share[] = (Object.keys(SHARES) as LedgerPart[])
    .filter((part) => LEDGER_PARTS.includes(part) && (snapshot?.ledgerShares[part] ?? 0) > 0)
    .map((part) => ({ ...SHARES[part], share: snapshot!.ledgerShares[part] }));
  return (
    <Box flexDirection="column" width={width}>
      <Header state={state} width={width} colorful={colorful} />
      <Text> </Text>
      <Text>
        <Text bold>{'Money'.padEnd(half)}</Text>
        {'  '}
        <Text bold>Now live</Text>
        <Text dimColor> {liveSummary(snapshot)}</Text>
      </Text>
      <Columns left={moneyLines(snapshot, half)} right={liveLines(snapshot, half, liveRows)} half={half} />
      <Text bold>Where the money went</Text>
      {/* Three lines either way: the bar and a legend of up to two lines. */}
      {shares.length > 0 ? <ShareBar shares={shares} width={width} colorful={colorful} /> : <Text dimColor>no sales yet{'\n'} {'\n'} </Text>}
      <TrendPanel snapshot={snapshot} width={width} colorful={colorful} />
      <FarmersPanel snapshot={snapshot} width={width} colorful={colorful} />
      {state.control.help ? null : (
        <>
          <Text bold>
            {'Top anchors'.padEnd(half)}
            {'  '}Top products
          </Text>
          <Columns left={leaderLines(snapshot?.leaders.anchors ?? [], half, leaderRows)} right={leaderLines(snapshot?.leaders.products ?? [], half, leaderRows)} half={half} />
        </>
      )}
      <KeysLine control={state.control} width={width} />
    </Box>
  );
}
