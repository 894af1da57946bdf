/** The human-readable report printed after a run (stdout); --json prints the summary instead. */
import { LEDGER_PARTS, type LedgerPart } from '../../model/flows.js';
import type { RunSummary } from '../../experiment/single-run.js';
import { formatCount, formatPercent, formatSeconds, formatYuan } from '../format.js';
import type { Style } from '../style.js';

/** `2019-11-25` for a midnight, `2019-11-28 20:11` otherwise. */
const shortTime = (label: string) => (label.endsWith(' 00:00') ? label.slice(0, 10) : label);

const PART_LABELS: Record<LedgerPart, string> = {
  farmerRevenue: 'farmers',
  intermediaryMargin: 'shops (margin)',
  logistics: 'logistics',
  anchorCommission: 'anchors',
  platformFees: 'platform',
  processing: 'processing',
  refunds: 'refunds',
  spoilage: 'spoilage',
};

export function formatRunReport(summary: RunSummary, runDirectory: string, wallSeconds: number, style: Style): string {
  const m = summary.metrics;
  const period = `${shortTime(summary.simulated.start)} → ${shortTime(summary.simulated.end)}`;
  const header = `${style.bold(summary.scenario)}  seed ${summary.seed}  ${summary.engine.fidelity}  ${period}`;
  const lines = summary.complete
    ? [`${header}  ${style.green('complete')}`, '']
    : [header, style.yellow(`stopped at ${summary.simulated.reached}: results are incomplete`), ''];
  lines.push(
    `  broadcasts ${formatCount(m.broadcasts).padStart(12)}    views ${formatCount(m.views).padStart(14)}    conversion ${formatPercent(m.conversion, 2).padStart(8)}`,
    `  orders     ${formatCount(m.orders).padStart(12)}    units ${formatCount(m.units).padStart(14)}    GMV/1k views ${formatYuan(m.gmvPerThousandViews).padStart(6)}`,
    `  GMV        ${formatYuan(m.gmv).padStart(12)}    lost orders ${formatCount(m.lostOrders).padStart(8)}    stock-outs ${formatCount(m.stockOuts).padStart(8)}`,
    '',
    '  where the money went',
  );
  const parts = [...LEDGER_PARTS].sort((a, b) => summary.ledger.parts[b] - summary.ledger.parts[a]);
  for (const part of parts) {
    const amount = summary.ledger.parts[part];
    if (amount === 0) continue;
    const share = summary.ledger.gmv > 0 ? amount / summary.ledger.gmv : 0;
    const bar = '█'.repeat(Math.max(0, Math.round(share * 30)));
    lines.push(`    ${PART_LABELS[part].padEnd(15)} ${formatPercent(share).padStart(6)}  ${formatYuan(amount).padStart(12)}  ${style.cyan(bar)}`.trimEnd());
  }
  lines.push(
    '',
    `  households  ${formatCount(m.householdsSupplying)} of ${formatCount(m.households)} sold online`,
    `              ${formatCount(m.householdsAboveLine)} above the poverty line (${formatCount(m.householdsAboveLineWithoutEcommerce)} without e-commerce)`,
    `              earned ${formatYuan(m.householdNetIncome)} beyond the farm-gate value of what they sold`,
    '',
    `  ${formatCount(summary.engine.events)} events in ${formatSeconds(wallSeconds)}  ·  results in ${style.bold(runDirectory)}`,
  );
  return `${lines.join('\n')}\n`;
}
