/**
 * Counters of what happened over some span (a day, a broadcast, the whole run). Money is kept in
 * integer fen (0.01 yuan) so that the ledger's parts add up to GMV exactly, not approximately.
 */

/** Where every fen of GMV ends up: exactly one of these. */
export const LEDGER_PARTS = [
  'refunds',
  'spoilage',
  'platformFees',
  'anchorCommission',
  'logistics',
  'processing',
  'intermediaryMargin',
  'farmerRevenue',
] as const;

export type LedgerPart = (typeof LEDGER_PARTS)[number];

/** What each part is called in reports and on the dashboard. */
export const LEDGER_LABELS: Readonly<Record<LedgerPart, string>> = {
  refunds: 'refunds',
  spoilage: 'spoilage',
  platformFees: 'platform',
  anchorCommission: 'anchors',
  logistics: 'logistics',
  processing: 'processing',
  intermediaryMargin: 'sellers',
  farmerRevenue: 'farmers',
};

export class Flows implements Record<LedgerPart, number> {
  broadcasts = 0;
  welfareBroadcasts = 0;
  /** Broadcasts that did not go on air: nothing in their lineup was in season and in stock. */
  broadcastsSkipped = 0;
  views = 0;
  orders = 0;
  /** Orders placed during broadcasts (the rest come from stores' listings). */
  liveOrders = 0;
  units = 0;
  /** Orders and units wanted that no stock could fill (lost demand). */
  lostOrders = 0;
  lostUnits = 0;
  /** What the lost demand would have paid (fen). */
  lostGmv = 0;
  claimedOrders = 0;
  spoiledUnits = 0;
  stockOuts = 0;
  followersGained = 0;
  /** Visits to stores' listings. */
  storeVisits = 0;
  /** Fen. */
  gmv = 0;
  /** GMV of broadcasts (fen). */
  liveGmv = 0;
  refunds = 0;
  spoilage = 0;
  platformFees = 0;
  anchorCommission = 0;
  logistics = 0;
  processing = 0;
  intermediaryMargin = 0;
  farmerRevenue = 0;
  /** Wages shops paid their workers (fen): a use of the intermediary margin, not a part of GMV. */
  wages = 0;
  /** Households' e-commerce income (sales beyond their farm-gate value, plus wages) in the span (fen). */
  householdNetIncome = 0;

  add(other: Flows): void {
    for (const key of FLOW_KEYS) this[key] += other[key];
  }

  reset(): void {
    for (const key of FLOW_KEYS) this[key] = 0;
  }
}

export type FlowKey = {
  [K in keyof Flows]: Flows[K] extends number ? K : never;
}[keyof Flows];

export const FLOW_KEYS: readonly FlowKey[] = Object.keys(new Flows()) as FlowKey[];

/** Flow keys that hold money in fen. */
export const MONEY_KEYS: ReadonlySet<FlowKey> = new Set<FlowKey>(['gmv', 'liveGmv', 'lostGmv', ...LEDGER_PARTS, 'wages', 'householdNetIncome']);

export function fenToYuan(fen: number): number {
  return Math.round(fen) / 100;
}

/** Broadcast orders per view, and broadcast GMV per thousand views (yuan); 0 without views. */
export function liveRates(flows: Flows): { conversion: number; gmvPerThousandViews: number } {
  if (flows.views <= 0) return { conversion: 0, gmvPerThousandViews: 0 };
  return { conversion: flows.liveOrders / flows.views, gmvPerThousandViews: fenToYuan((flows.liveGmv * 1000) / flows.views) };
}
