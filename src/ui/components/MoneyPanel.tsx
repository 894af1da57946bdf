import { formatCountShort, formatPercent, formatYuanShort } from '../../format.js';
import type { Snapshot } from '../../model/observation/snapshot.js';
import { fit } from './text.js';

/**
 * GMV, orders, units, views, conversion and GMV per thousand views so far, as three lines of
 * two label-value pairs (plain strings: one Text per line keeps each frame cheap to draw).
 */
export function moneyLines(snapshot: Snapshot | undefined, width: number): string[] {
  const totals = snapshot?.totals;
  const column = Math.floor(width / 2);
  // Each value right-aligned at its pair's edge, the label at its start: a long number takes the
  // room between them instead of running into the cut (¥553.42bn beside "live GMV/1k").
  const pair = (label: string, value: string, pairWidth: number) => `${label}${' '.repeat(Math.max(1, pairWidth - 1 - label.length - value.length))}${value} `;
  // When stores sell too, views and conversion are the broadcasts' own: say so.
  const live = totals?.storesSell ? 'live ' : '';
  const rows: [string, string, string, string][] = [
    ['GMV', formatYuanShort(totals?.gmv ?? 0), 'orders', formatCountShort(totals?.orders ?? 0)],
    ['units', formatCountShort(totals?.units ?? 0), `${live}views`, formatCountShort(totals?.views ?? 0)],
    [`${live}conv.`, formatPercent(totals?.conversion ?? 0, 2), `${live}GMV/1k`, formatYuanShort(totals?.gmvPerThousandViews ?? 0)],
  ];
  // The last pair's trailing space would push its number into the cut at the panel's edge.
  return rows.map(([leftLabel, leftValue, rightLabel, rightValue]) => fit((pair(leftLabel, leftValue, column) + pair(rightLabel, rightValue, width - column)).trimEnd(), width));
}
