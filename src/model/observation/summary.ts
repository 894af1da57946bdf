/**
 * The headline numbers of a run, computed from its flows and levels only (the same numbers a
 * user can recompute from timeseries.csv and households.csv).
 */
import { MagnitudeError } from '../../errors.js';
import { farmerOutcomes, type FarmerOutcomes } from '../money/farmer-outcomes.js';
import { fenToYuan, LEDGER_PARTS, liveRates, type Flows, type LedgerPart } from '../money/flows.js';
import { COUNTER_NAMES, MONEY_COUNTERS, SUMMARY_METRIC_NAMES, type CounterName, type SummaryMetricName } from './metric-catalogue.js';
import type { ModelResult } from '../model-run.js';
import type { DroppedListing } from '../supply/viability.js';
import { worldLevels } from './levels.js';

/** A run's headline numbers: every metric of the catalogue but the ledger parts (money in yuan, levels at the end). */
export type RunMetrics = Readonly<Record<SummaryMetricName, number>>;

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
    /** What its owner took of the margin as her income (yuan). */
    readonly ownerIncome: number;
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

export function summarizeRun(result: ModelResult): { metrics: RunMetrics; ledger: LedgerSummary; sellers: SellersSummary; farmers: FarmerOutcomes } {
  const { world, metrics } = result;
  const total = metrics.total();
  checkExact(total);
  const rates = liveRates(total);
  const farmers = farmerOutcomes(world.households, world.scenario.farmers.map((group) => group.id), world.scenario.povertyLine);
  const values: Record<SummaryMetricName, number> = {
    ...countersInYuan(total),
    ...worldLevels(world, world.scenario.povertyLine),
    peakConcurrentViewers: metrics.days.reduce((max, day) => Math.max(max, day.levels.peakConcurrentViewers), 0),
    conversion: round6(rates.conversion),
    gmvPerThousandViews: rates.gmvPerThousandViews,
    averageOrderValue: total.orders > 0 ? fenToYuan(total.gmv / total.orders) : 0,
    farmerShare: ratio(total.farmerRevenue, total.gmv),
    // The same household counts as the farmers' outcomes: one pass over the households, not two.
    households: farmers.total.households,
    householdsAboveLineWithoutEcommerce: farmers.total.aboveLineWithout,
    householdsLifted: farmers.total.aboveLine - farmers.total.aboveLineWithout,
    incomeWithout: farmers.total.incomeWithout,
    incomeWith: farmers.total.incomeWith,
    unitsUnsoldAtSeasonEnd: world.products.reduce((sum, product) => sum + product.unsoldAtSeasonEnd, 0),
  };
  return {
    // In the catalogue's order, so summary.json lists its metrics the way the dictionary does.
    metrics: checkFinite(Object.fromEntries(SUMMARY_METRIC_NAMES.map((name) => [name, values[name]])) as RunMetrics),
    ledger: {
      gmv: fenToYuan(total.gmv),
      parts: Object.fromEntries(LEDGER_PARTS.map((part) => [part, fenToYuan(total[part])])) as Record<LedgerPart, number>,
    },
    sellers: summarizeSellers(result),
    farmers,
  };
}

/**
 * Every number that leaves the model is finite, and money is a whole number of fen that a double
 * holds exactly; a scenario whose magnitudes break that (a capacity of 1e300, a thousand-billion
 * units an order) is refused with what went out of range, never written as NaN or rounded money.
 */
function checkExact(total: Flows): void {
  for (const key of COUNTER_NAMES) {
    const value = total[key];
    const exact = MONEY_COUNTERS.has(key) ? Math.abs(value) <= Number.MAX_SAFE_INTEGER : Number.isFinite(value);
    if (!exact) throw magnitudeError(key, MONEY_COUNTERS.has(key) ? 'more than ¥90 trillion' : String(value));
  }
}

/** Every counter, money in yuan. */
function countersInYuan(total: Flows): Record<CounterName, number> {
  return Object.fromEntries(COUNTER_NAMES.map((name) => [name, MONEY_COUNTERS.has(name) ? fenToYuan(total[name]) : total[name]])) as Record<CounterName, number>;
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
      ownerIncome: fenToYuan(shop.ownerFen),
      wages: fenToYuan(shop.wagesFen),
      monthsShortOfCash: shop.monthsShortOfCash,
    })),
  };
}
