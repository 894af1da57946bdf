/** The human-readable report printed after a run (stdout); --json prints the summary instead. */
import { LEDGER_LABELS, LEDGER_PARTS } from '../../model/money/flows.js';
import type { RunSummary } from '../../experiment/run/single-run.js';
import { formatCount, formatCountShort, formatPercent, formatSeconds, formatYuan, formatYuanShort } from '../../format.js';
import type { Style } from '../style.js';

/**
 * Counts and money exact for a run whose numbers are all below ten million, short for a bigger
 * one (national runs count in billions): decided once per report, so a line never reads
 * "3,473,000 of 30.00M".
 */
function numbersFor(summary: RunSummary) {
  const m = summary.metrics;
  const short = Math.max(Math.abs(m.gmv), m.views, m.orders, m.households, ...Object.values(summary.ledger.parts).map(Math.abs)) >= 1e7;
  return {
    count: (value: number) => (short ? formatCountShort(value) : formatCount(value)),
    yuan: (value: number) => (short ? formatYuanShort(value) : formatYuan(value)),
  };
}

/** `2019-11-25` for a midnight, `2019-11-28 20:11` otherwise. */
const shortTime = (label: string) => (label.endsWith(' 00:00') ? label.slice(0, 10) : label);

export function formatRunReport(summary: RunSummary, runDirectory: string, wallSeconds: number, style: Style): string {
  const m = summary.metrics;
  const { count, yuan } = numbersFor(summary);
  const period = `${shortTime(summary.simulated.start)} → ${shortTime(summary.simulated.end)}`;
  const header = `${style.bold(summary.scenario)}  seed ${summary.seed}  ${summary.engine.fidelity}  ${period}`;
  const lines = summary.complete
    ? [`${header}  ${style.green('complete')}`, '']
    : [header, style.yellow(`stopped at ${summary.simulated.reached}: results are incomplete`), ''];
  lines.push(
    `  broadcasts ${count(m.broadcasts).padStart(12)}    views ${count(m.views).padStart(14)}    conversion ${formatPercent(m.conversion, 2).padStart(8)}`,
    `  orders     ${count(m.orders).padStart(12)}    units ${count(m.units).padStart(14)}    GMV/1k views ${formatYuan(m.gmvPerThousandViews).padStart(6)}`,
    `  GMV        ${yuan(m.gmv).padStart(12)}    lost orders ${count(m.lostOrders).padStart(8)}    stock-outs ${count(m.stockOuts).padStart(8)}`,
    ...sellerWarnings(summary, style),
    '',
    '  where the money went',
  );
  const parts = [...LEDGER_PARTS].sort((a, b) => summary.ledger.parts[b] - summary.ledger.parts[a]);
  for (const part of parts) {
    const amount = summary.ledger.parts[part];
    if (amount === 0) continue;
    const share = summary.ledger.gmv > 0 ? amount / summary.ledger.gmv : 0;
    const bar = '█'.repeat(Math.max(0, Math.round(share * 30)));
    lines.push(`    ${LEDGER_LABELS[part].padEnd(15)} ${formatPercent(share).padStart(6)}  ${yuan(amount).padStart(12)}  ${style.cyan(bar)}`.trimEnd());
  }
  lines.push(
    '',
    `  farmers     gained ${yuan(m.gain)} from live commerce, against selling offline only`,
    `              premium ${yuan(m.gainPremium)} · volume ${yuan(m.gainVolume)} · spillover ${yuan(m.gainSpillover)}` +
      (m.wages > 0 ? ` · wages ${yuan(m.wages)}` : ''),
    `              ${count(m.householdsAboveLine)} of ${count(m.households)} households above the poverty line (${count(m.householdsAboveLineWithoutEcommerce)} without)`,
    `              ${count(m.householdsSupplying)} sold online`,
    '',
    `  ${formatCount(summary.engine.events)} events in ${formatSeconds(wallSeconds)}  ·  results in ${style.bold(runDirectory)}`,
  );
  return `${lines.join('\n')}\n`;
}

/** What a reader must not miss: demand that met no stock, broadcasts cancelled or at a loss, products not worth selling, shops short of cash. */
function sellerWarnings(summary: RunSummary, style: Style): string[] {
  const m = summary.metrics;
  const { count, yuan } = numbersFor(summary);
  const sellers = summary.sellers;
  const warnings: string[] = [];
  if (m.lostOrders > 0) warnings.push(`sold out: ${count(m.lostOrders)} orders (${yuan(m.lostGmv)}) met no stock`);
  if (m.broadcastsSkipped > 0) warnings.push(`${count(m.broadcastsSkipped)} broadcasts not aired: nothing in stock or in season`);
  if (sellers.broadcastsAtALoss > 0) warnings.push(`${count(sellers.broadcastsAtALoss)} broadcasts left the sellers ${yuan(sellers.lossFromBroadcasts)} out of pocket`);
  for (const listing of sellers.dropped) {
    warnings.push(`${listing.product} not offered on ${listing.channel}: ${formatYuan(listing.netPerUnit)} a unit after costs < farm gate ${formatYuan(listing.farmGatePrice)}`);
  }
  for (const shop of sellers.shops) {
    if (shop.monthsShortOfCash > 0) warnings.push(`${shop.id} could not pay for all its work in ${shop.monthsShortOfCash} months`);
  }
  return warnings.map((warning) => style.yellow(`  ⚠ ${warning}`));
}
