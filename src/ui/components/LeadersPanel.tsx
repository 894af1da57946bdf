import { formatYuanShort } from '../../format.js';
import type { Leader } from '../../model/observation/snapshot.js';
import { fit } from './text.js';

/** The top leaders by GMV, one line each (`1. name  ¥1.2M`), padded to `rows` lines. */
export function leaderLines(leaders: readonly Leader[], width: number, rows: number): string[] {
  return Array.from({ length: rows }, (_, index) => {
    const leader = leaders[index];
    if (!leader) return ' '.repeat(width);
    const value = formatYuanShort(leader.gmv);
    return fit(`${index + 1}. ${fit(leader.name, Math.max(4, width - value.length - 5))} ${value}`, width);
  });
}
