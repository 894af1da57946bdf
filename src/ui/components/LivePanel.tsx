import { formatCountShort } from '../../format.js';
import type { Snapshot } from '../../model/observation/snapshot.js';
import { fit } from './text.js';

/** The title's detail: broadcasts on air and viewers watching. */
export function liveSummary(snapshot: Snapshot | undefined): string {
  return snapshot ? `${formatCountShort(snapshot.onAir)} on air · ${formatCountShort(snapshot.concurrentViewers)} watching` : '';
}

/** Broadcasts on air, one line each: anchor, product on screen, viewers now, orders in the last simulated hour. */
export function liveLines(snapshot: Snapshot | undefined, width: number, rows: number): string[] {
  const live = snapshot?.live ?? [];
  // Names get the larger share of the line: "Visiting celebrity" rather than "Visiting …".
  const anchorWidth = Math.max(8, Math.ceil((width - 18) * 0.6));
  const productWidth = Math.max(8, width - 18 - anchorWidth);
  const lines = live.slice(0, rows).map((broadcast) => {
    const anchor = broadcast.count > 1 ? `×${formatCountShort(broadcast.count)} ${broadcast.anchor}` : broadcast.anchor;
    const viewers = formatCountShort(broadcast.viewers).padStart(7);
    const orders = `${formatCountShort(broadcast.ordersLastHour)}/h`.padStart(9);
    return fit(`${fit(anchor, anchorWidth)} ${fit(broadcast.product ?? '—', productWidth)}${viewers}${orders}`, width);
  });
  if (lines.length === 0) lines.push(fit('nothing on air', width));
  while (lines.length < rows) lines.push(' '.repeat(width));
  return lines;
}
