/**
 * Snapshots: immutable (immer-frozen) pictures of the world taken every N simulated minutes,
 * for the dashboard and progress lines. Built at snapshot boundaries only; immer's structural
 * sharing keeps unchanged parts identical between consecutive snapshots.
 */
import { freeze, produce } from 'immer';
import { fenToYuan, LEDGER_PARTS, liveRates, type Flows, type LedgerPart } from '../money/flows.js';
import type { Metrics } from './metrics.js';
import type { World } from '../world.js';
import { stockAvailable } from './levels.js';

interface LiveView {
  readonly anchor: string;
  /** Broadcasts this row stands for (a batch of a class of anchors). */
  readonly count: number;
  readonly product: string | null;
  readonly viewers: number;
  readonly ordersLastHour: number;
}

export interface Leader {
  readonly id: string;
  readonly name: string;
  /** Yuan. */
  readonly gmv: number;
}

export interface Snapshot {
  readonly scenario: string;
  readonly seed: number;
  readonly fidelity: 'agent' | 'cohort';
  /** Simulated minutes since the start. */
  readonly time: number;
  /** Simulated date and time, `YYYY-MM-DD HH:MM`. */
  readonly at: string;
  /** Share of simulated time done, 0-1. */
  readonly progress: number;
  /** True for the last snapshot of a run that reached its end. */
  readonly final: boolean;
  readonly events: number;
  readonly totals: {
    readonly broadcasts: number;
    readonly views: number;
    readonly orders: number;
    readonly units: number;
    /** Yuan. */
    readonly gmv: number;
    readonly conversion: number;
    readonly gmvPerThousandViews: number;
    readonly lostOrders: number;
    readonly stockOuts: number;
    readonly spoiledUnits: number;
    /** Broadcasts that did not go on air: nothing in stock or in season. */
    readonly broadcastsSkipped: number;
    /** Stores' listings sell too: views and conversion are the broadcasts' only. */
    readonly storesSell: boolean;
  };
  /** Where GMV went so far (yuan). */
  readonly ledger: Readonly<Record<LedgerPart, number>>;
  /** The same as shares of GMV (0 before the first sale). */
  readonly ledgerShares: Readonly<Record<LedgerPart, number>>;
  readonly concurrentViewers: number;
  /** Broadcasts on air now (a batch of a class of anchors counts all its broadcasts). */
  readonly onAir: number;
  /** Broadcasts on air, most watched first (all of them: a class's batch is one; the dashboard shows what fits). */
  readonly live: readonly LiveView[];
  readonly households: {
    readonly total: number;
    readonly supplying: number;
    readonly aboveLine: number;
    readonly aboveLineWithoutEcommerce: number;
    /** The gain from live commerce so far and its parts (yuan; the spillover lands when a season's offline market clears). */
    readonly gain: number;
    readonly premium: number;
    readonly volume: number;
    readonly spillover: number;
    readonly wages: number;
  };
  readonly stockAvailable: number;
  /** In-season products with nothing left to sell. */
  readonly soldOut: readonly string[];
  /** Share of shipped units that spoiled so far. */
  readonly spoiledShare: number;
  /**
   * Trends on one time axis: per simulated hour for runs of two weeks or less (every hour so
   * far), else per day (the last 120 days: more than any terminal line draws); GMV (yuan) and the
   * most viewers at once, oldest first. The dashboard draws the most recent that fit its width.
   */
  readonly trend: { readonly unit: 'hour' | 'day'; readonly gmv: readonly number[]; readonly peakViewers: readonly number[] };
  readonly leaders: { readonly anchors: readonly Leader[]; readonly products: readonly Leader[] };
}

/** Days of trend a snapshot carries at most (a bound on its size, not a choice of what to show). */
const HISTORY = 120;
/** Runs this short (two weeks) show their GMV trend by the hour. */
const SHORT_RUN = 14 * 24 * 60;

export class SnapshotBuilder {
  private previous: Snapshot | undefined;

  constructor(
    private readonly world: World,
    private readonly metrics: Metrics,
    private readonly seed: number,
  ) {}

  build(now: number, events: number, final: boolean): Snapshot {
    const next = this.describe(now, events, final);
    const previous = this.previous;
    // produce() keeps every branch we do not write to by reference, so consumers (the dashboard)
    // can tell what changed with ===.
    this.previous = previous === undefined ? freeze(next, true) : produce(previous, (draft) => writeChanges(draft, next));
    return this.previous;
  }

  private describe(now: number, events: number, final: boolean): Snapshot {
    const { world, metrics } = this;
    const total = metrics.total();
    return {
      scenario: world.scenario.name,
      seed: this.seed,
      fidelity: world.scenario.fidelity,
      time: now,
      at: world.calendar.timeLabel(now),
      progress: world.calendar.horizon > 0 ? Math.min(1, now / world.calendar.horizon) : 1,
      final,
      events,
      totals: totalsOf(total),
      ledger: Object.fromEntries(LEDGER_PARTS.map((part) => [part, fenToYuan(total[part])])) as Record<LedgerPart, number>,
      ledgerShares: Object.fromEntries(LEDGER_PARTS.map((part) => [part, total.gmv > 0 ? total[part] / total.gmv : 0])) as Record<LedgerPart, number>,
      concurrentViewers: world.watching.viewers,
      onAir: [...world.live].reduce((sum, broadcast) => sum + broadcast.count, 0),
      live: liveNow(world, now),
      households: householdsNow(world, total),
      stockAvailable: stockAvailable(world),
      soldOut: world.products.filter((product) => product.inSeason && product.available <= 0).map((product) => product.name),
      spoiledShare: total.units > 0 ? total.spoiledUnits / total.units : 0,
      trend: trendOf(world, metrics, now),
      leaders: {
        anchors: leaders(world.anchors.map((anchor) => ({ id: anchor.id, name: anchor.name, flows: anchor.flows }))),
        products: leaders(world.products.map((product) => ({ id: product.id, name: product.name, flows: product.flows }))),
      },
    };
  }

}

/** The run's totals so far, as the dashboard's money panel reads them. */
function totalsOf(total: Flows): Snapshot['totals'] {
  return {
    broadcasts: total.broadcasts,
    views: total.views,
    orders: total.orders,
    units: total.units,
    gmv: fenToYuan(total.gmv),
    ...liveRates(total),
    lostOrders: total.lostOrders,
    stockOuts: total.stockOuts,
    spoiledUnits: total.spoiledUnits,
    broadcastsSkipped: total.broadcastsSkipped,
    storesSell: total.orders > total.liveOrders,
  };
}

/** Broadcasts on air, most watched first. */
function liveNow(world: World, now: number): LiveView[] {
  return [...world.live]
    .sort((a, b) => b.concurrent - a.concurrent || a.index - b.index)
    .map((broadcast) => ({
      anchor: broadcast.anchor.name,
      count: broadcast.count,
      product: broadcast.onScreen?.product.name ?? null,
      viewers: broadcast.concurrent,
      ordersLastHour: broadcast.ordersLastHour(now),
    }));
}

/** The households against the poverty line, and the gain so far with its parts. */
function householdsNow(world: World, total: Flows): Snapshot['households'] {
  const tally = world.households.tally(world.scenario.povertyLine);
  return {
    total: tally.total,
    supplying: tally.supplying,
    aboveLine: tally.aboveLine,
    aboveLineWithoutEcommerce: tally.aboveLineWithoutEcommerce,
    gain: fenToYuan(total.gain),
    premium: fenToYuan(total.gainPremium),
    volume: fenToYuan(total.gainVolume),
    spillover: fenToYuan(total.gainSpillover),
    wages: fenToYuan(total.wages),
  };
}

/** GMV and peak viewers over time: every hour of a short run, the last days of a long one. */
function trendOf(world: World, metrics: Metrics, now: number): Snapshot['trend'] {
  if (world.calendar.horizon <= SHORT_RUN) {
    const hours = Math.max(1, Math.ceil(now / 60));
    return { unit: 'hour', gmv: metrics.gmvByHour(now, hours).map(fenToYuan), peakViewers: metrics.peakViewersByHour(now, hours) };
  }
  const recentDays = metrics.days.slice(-(HISTORY - 1));
  return {
    unit: 'day',
    gmv: [...recentDays.map((row) => fenToYuan(row.flows.gmv)), fenToYuan(metrics.today.gmv)],
    peakViewers: [...recentDays.map((row) => row.levels.peakConcurrentViewers), metrics.peakConcurrentToday],
  };
}

/** Writes into `draft` only the leaves of `next` that differ from it. */
function writeChanges(draft: Record<string, unknown>, next: object): void {
  for (const [key, value] of Object.entries(next)) {
    const current = draft[key];
    if (isRecord(value) && isRecord(current)) writeChanges(current, value);
    else if (!jsonEqual(current, value)) draft[key] = value;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => jsonEqual(a[key], b[key]));
  }
  return false;
}

function leaders(items: { id: string; name: string; flows: Flows }[]): Leader[] {
  return items
    .filter((item) => item.flows.gmv > 0)
    .sort((a, b) => b.flows.gmv - a.flows.gmv || a.id.localeCompare(b.id))
    .map((item) => ({ id: item.id, name: item.name, gmv: fenToYuan(item.flows.gmv) }));
}
