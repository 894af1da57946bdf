/**
 * Counters of what happened over some span (a day, a broadcast, the whole run). Money is kept in
 * integer fen (0.01 yuan) so that the ledger's parts add up to GMV exactly, not approximately.
 */

import { COUNTER_NAMES, type CounterName } from './metric-catalogue.js';

export { LEDGER_LABELS, LEDGER_PARTS, type LedgerPart } from './metric-catalogue.js';

/** The counters, one per `counter` metric of the catalogue (money in fen). */
// A class and an interface of the same name: the interface lists the catalogue's counters as
// fields, the constructor creates them (in one order, so every Flows has the same shape).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface Flows extends Record<CounterName, number> {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Flows {
  constructor() {
    for (const name of COUNTER_NAMES) this[name] = 0;
  }

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
