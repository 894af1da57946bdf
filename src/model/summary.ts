/**
 * The headline numbers of a run, computed from its flows and levels only (the same numbers a
 * user can recompute from timeseries.csv and households.csv).
 */
import { MagnitudeError } from '../errors.js';
import { FLOW_KEYS, fenToYuan, LEDGER_PARTS, liveRates, MONEY_KEYS, type Flows, type LedgerPart } from './flows.js';
import type { ModelResult } from './model-run.js';
import type { DroppedListing } from './viability.js';

export interface RunMetrics {
  readonly broadcasts: number;
  readonly welfareBroadcasts: number;
  /** Broadcasts that did not go on air: nothing in their lineup in season and in stock. */
  readonly broadcastsSkipped: number;
  readonly views: number;
  readonly peakConcurrentViewers: number;
  readonly orders: number;
  /** Orders placed during broadcasts (the rest come from stores' listings). */
  readonly liveOrders: number;
  readonly units: number;
  /** Yuan. */
  readonly gmv: number;
  /** Broadcast orders per view. */
  readonly conversion: number;
  /** Yuan of broadcast GMV per 1,000 views. */
  readonly gmvPerThousandViews: number;
  /** Yuan per order. */
  readonly averageOrderValue: number;
  readonly lostOrders: number;
  readonly lostUnits: number;
  /** Yuan the lost demand would have paid. */
  readonly lostGmv: number;
  readonly stockOuts: number;
  readonly claimedOrders: number;
  readonly spoiledUnits: number;
  /** Yuan. */
  readonly farmerRevenue: number;
  /** Farmers' revenue as a share of GMV. */
  readonly farmerShare: number;
  /** Households' e-commerce income beyond the farm-gate value of what they sold (yuan). */
  readonly householdNetIncome: number;
  readonly households: number;
  readonly householdsSupplying: number;
  readonly householdsAboveLine: number;
  readonly householdsAboveLineWithoutEcommerce: number;
  /** Households above the poverty line only thanks to e-commerce. */
  readonly householdsLifted: number;
  /** Anchors active at the end (classes of anchors count every member). */
  readonly anchors: number;
  /** Anchors who ever broadcast or started to (classes grow by adoption). */
  readonly anchorsAppeared: number;
  readonly stores: number;
  readonly storesOpened: number;
  readonly storeVisits: number;
  /** Households in the selling network at the end. */
  readonly householdsJoined: number;
  /** Shop workers at the end. */
  readonly workers: number;
  /** Wages shops paid (yuan; out of their margin). */
  readonly wagesPaid: number;
  /** Shops opened by former or current shop workers. */
  readonly spinOffs: number;
  readonly followers: number;
  readonly followersGained: number;
  /** Units left when harvest windows closed or years renewed (sold through other channels). */
  readonly unitsUnsoldAtSeasonEnd: number;
  readonly stockAvailableAtEnd: number;
}

/** What the sellers decided and how they fared: products not worth selling, deals at a loss, shops' budgets. */
export interface SellersSummary {
  /** Products a seller did not offer on a channel: it would keep less per unit than the farm-gate price. */
  readonly dropped: readonly DroppedListing[];
  /** Broadcasts (counting each of a class) after which the sellers were out of pocket, slot fees included. */
  readonly broadcastsAtALoss: number;
  /** What those broadcasts cost the sellers (yuan, positive). */
  readonly lossFromBroadcasts: number;
  readonly shops: readonly {
    readonly id: string;
    /** Margin the shop kept (yuan). */
    readonly margin: number;
    /** Wages it paid out of it (yuan). */
    readonly wages: number;
    /** Month ends when it could not pay for all the work its orders needed. */
    readonly monthsShortOfCash: number;
  }[];
}

export interface LedgerSummary {
  /** Yuan. */
  readonly gmv: number;
  /** Where every yuan of GMV went; the parts add up to `gmv` to the fen. */
  readonly parts: Readonly<Record<LedgerPart, number>>;
}

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? round6(numerator / denominator) : 0);
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

export function summarizeRun(result: ModelResult): { metrics: RunMetrics; ledger: LedgerSummary; sellers: SellersSummary } {
  const { world, metrics } = result;
  const total = metrics.total();
  checkExact(total);
  const tally = world.households.tally(world.scenario.povertyLine);
  const rates = liveRates(total);
  const peak = metrics.days.reduce((max, day) => Math.max(max, day.levels.peakConcurrentViewers), 0);
  return {
    metrics: checkFinite({
      broadcasts: total.broadcasts,
      welfareBroadcasts: total.welfareBroadcasts,
      broadcastsSkipped: total.broadcastsSkipped,
      views: total.views,
      peakConcurrentViewers: peak,
      orders: total.orders,
      liveOrders: total.liveOrders,
      units: total.units,
      gmv: fenToYuan(total.gmv),
      conversion: round6(rates.conversion),
      gmvPerThousandViews: rates.gmvPerThousandViews,
      averageOrderValue: total.orders > 0 ? fenToYuan(total.gmv / total.orders) : 0,
      lostOrders: total.lostOrders,
      lostUnits: total.lostUnits,
      lostGmv: fenToYuan(total.lostGmv),
      stockOuts: total.stockOuts,
      claimedOrders: total.claimedOrders,
      spoiledUnits: total.spoiledUnits,
      farmerRevenue: fenToYuan(total.farmerRevenue),
      farmerShare: ratio(total.farmerRevenue, total.gmv),
      householdNetIncome: fenToYuan(total.householdNetIncome),
      households: tally.total,
      householdsSupplying: tally.supplying,
      householdsAboveLine: tally.aboveLine,
      householdsAboveLineWithoutEcommerce: tally.aboveLineWithoutEcommerce,
      householdsLifted: tally.aboveLine - tally.aboveLineWithoutEcommerce,
      anchors: world.anchorsActive(),
      anchorsAppeared: world.anchorsAppeared(),
      stores: world.storesActive(),
      storesOpened: world.storesOpened(),
      storeVisits: total.storeVisits,
      householdsJoined: tally.joined,
      workers: world.workers(),
      wagesPaid: fenToYuan(total.wages),
      spinOffs: world.spinOffs(),
      followers: Math.round(world.followers()),
      followersGained: total.followersGained,
      unitsUnsoldAtSeasonEnd: world.products.reduce((sum, product) => sum + product.unsoldAtSeasonEnd, 0),
      stockAvailableAtEnd: world.stockAvailable(),
    }),
    ledger: {
      gmv: fenToYuan(total.gmv),
      parts: Object.fromEntries(LEDGER_PARTS.map((part) => [part, fenToYuan(total[part])])) as Record<LedgerPart, number>,
    },
    sellers: summarizeSellers(result),
  };
}

/**
 * Every number that leaves the model is finite, and money is a whole number of fen that a double
 * holds exactly; a scenario whose magnitudes break that (a capacity of 1e300, a thousand-billion
 * units an order) is refused with what went out of range, never written as NaN or rounded money.
 */
function checkExact(total: Flows): void {
  for (const key of FLOW_KEYS) {
    const value = total[key];
    const exact = MONEY_KEYS.has(key) ? Math.abs(value) <= Number.MAX_SAFE_INTEGER : Number.isFinite(value);
    if (!exact) throw magnitudeError(key, MONEY_KEYS.has(key) ? 'more than ¥90 trillion' : String(value));
  }
}

/** The run's metrics, every one a finite number (levels such as stock included), or the magnitude error. */
function checkFinite(metrics: RunMetrics): RunMetrics {
  const broken = Object.entries(metrics).find(([, value]) => !Number.isFinite(value));
  if (broken) throw magnitudeError(broken[0], String(broken[1]));
  return metrics;
}

const magnitudeError = (what: string, value: string) =>
  new MagnitudeError(
    `the run's ${what} went beyond what livesim computes exactly (${value})`,
    "check the scenario's orders of magnitude: capacities, units per order, prices, households and what they represent",
  );

function summarizeSellers(result: ModelResult): SellersSummary {
  const losing = result.metrics.broadcasts.filter((row) => row.sellerMargin < 0);
  return {
    dropped: result.world.dropped,
    broadcastsAtALoss: losing.reduce((sum, row) => sum + row.count, 0),
    lossFromBroadcasts: fenToYuan(-losing.reduce((sum, row) => sum + row.sellerMargin, 0)),
    shops: result.world.shops.map((shop) => ({
      id: shop.id,
      margin: fenToYuan(shop.marginFen),
      wages: fenToYuan(shop.wagesFen),
      monthsShortOfCash: shop.monthsShortOfCash,
    })),
  };
}
