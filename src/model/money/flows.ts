/**
 * Counters of what happened over some span (a day, a broadcast, the whole run). Money is kept in
 * integer fen (0.01 yuan) so that the ledger's parts add up to GMV exactly, not approximately.
 */

import { COUNTER_NAMES, type CounterName } from '../observation/metric-catalogue.js';

export { LEDGER_LABELS, LEDGER_PARTS, type LedgerPart } from '../observation/metric-catalogue.js';

/**
 * The counters, one per `counter` metric of the catalogue (money in fen). Declared field by field,
 * not created in a loop: V8 lays out an object's fields from its class, and a loop left them in a
 * slower backing store (national-agri ran ~10% slower). `implements` makes the compiler hold the
 * list to the catalogue, and test/model/metrics.test.ts their order.
 */
export class Flows implements Record<CounterName, number> {
  broadcasts = 0;
  welfareBroadcasts = 0;
  broadcastsSkipped = 0;
  views = 0;
  orders = 0;
  liveOrders = 0;
  units = 0;
  lostOrders = 0;
  lostUnits = 0;
  lostGmv = 0;
  claimedOrders = 0;
  spoiledUnits = 0;
  stockOuts = 0;
  followersGained = 0;
  storeVisits = 0;
  gmv = 0;
  liveGmv = 0;
  refunds = 0;
  spoilage = 0;
  platformFees = 0;
  anchorCommission = 0;
  logistics = 0;
  processing = 0;
  intermediaryMargin = 0;
  farmerRevenue = 0;
  wages = 0;
  householdNetIncome = 0;
  gain = 0;
  gainPremium = 0;
  gainVolume = 0;
  gainSpillover = 0;
  offlineRevenue = 0;
  farmSalesWithout = 0;
  unitsOffline = 0;
  unitsUnsold = 0;
  unitsUnsoldWithout = 0;

  add(other: Flows): void {
    for (const name of COUNTER_NAMES) this[name] += other[name];
  }

  reset(): void {
    for (const name of COUNTER_NAMES) this[name] = 0;
  }
}

export function fenToYuan(fen: number): number {
  return Math.round(fen) / 100;
}

/** Broadcast orders per view, and broadcast GMV per thousand views (yuan); 0 without views. */
export function liveRates(flows: Flows): { conversion: number; gmvPerThousandViews: number } {
  if (flows.views <= 0) return { conversion: 0, gmvPerThousandViews: 0 };
  return { conversion: flows.liveOrders / flows.views, gmvPerThousandViews: fenToYuan((flows.liveGmv * 1000) / flows.views) };
}
