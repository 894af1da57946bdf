/**
 * Metrics reducers: mutable counters updated in O(1) per event, closed into one row per
 * simulated day and one row per broadcast.
 */
import { Flows } from '../money/flows.js';
import type { CounterName, DayLevelName } from './metric-catalogue.js';
import { HourRing } from '../time/hour-ring.js';
import type { LiveBroadcast } from '../demand/live-broadcast.js';
import type { Sale } from '../money/sales.js';

/** Levels at the end of a day (stocks, as opposed to flows): the catalogue's `day-end` metrics. */
export type DayLevels = Readonly<Record<DayLevelName, number>>;

export interface DayRow {
  /** `YYYY-MM-DD`. */
  readonly day: string;
  readonly flows: Flows;
  readonly levels: DayLevels;
  /** GMV of the day by group (platform or tag), fen. */
  readonly groupGmv: Readonly<Record<string, number>>;
  /** Units sold in the day by product id. */
  readonly productUnits: Readonly<Record<string, number>>;
}

export interface BroadcastRow {
  readonly index: number;
  /** Broadcasts this row stands for (a class of anchors broadcasting at once); 1 for a single broadcast. */
  readonly count: number;
  readonly anchor: string;
  readonly series: string;
  readonly start: string;
  readonly minutes: number;
  readonly welfare: boolean;
  readonly views: number;
  readonly peakConcurrentViewers: number;
  readonly orders: number;
  readonly units: number;
  readonly lostOrders: number;
  readonly stockOuts: number;
  /** Fen. */
  readonly gmv: number;
  /** What the sellers kept after paying the households, the anchor (slot fee included), the platform and logistics (fen); negative: a loss. */
  readonly sellerMargin: number;
  /** False when the run ended (or was stopped) before the broadcast did. */
  readonly finished: boolean;
}

/** Hours of GMV and peak viewers kept: every hour of a run short enough to trend by the hour (two weeks). */
const HOURS_KEPT = 14 * 24;

/** The tallies of the day that the model counts as they happen (money and units arrive through sales and postings). */
export type DayTally = 'views' | 'storeVisits' | 'broadcasts' | 'welfareBroadcasts' | 'broadcastsSkipped' | 'followersGained';

/**
 * The run's books and its rows. Metrics owns the day in progress: the rest of the model reads it
 * (`today`, typed read-only) and changes it only through `recordSale`, `count` and `post`.
 */
export class Metrics {
  /** Flows of the days already closed. */
  readonly closed = new Flows();
  private readonly books = new Flows();
  private peakToday = 0;
  readonly days: DayRow[] = [];
  readonly broadcasts: BroadcastRow[] = [];
  private readonly groupGmvSoFar = new Map<string, number>();
  /** GMV of the last 48 simulated hours (fen), a ring indexed by hour, for short runs' trend. */
  private readonly hourlyGmv = new HourRing(HOURS_KEPT);
  /** Most viewers watching at once in each of the last 48 simulated hours. */
  private readonly hourlyPeakViewers = new HourRing(HOURS_KEPT);
  private readonly productUnitsSoFar = new Map<string, number>();

  /** Most viewers watching at once so far today. */
  get peakConcurrentToday(): number {
    return this.peakToday;
  }

  /** Flows of the day in progress, to read (the type leaves out Flows' add and reset). */
  get today(): Readonly<Record<CounterName, number>> {
    return this.books;
  }

  /** Everything so far: closed days plus today. */
  total(): Flows {
    const total = new Flows();
    total.add(this.closed);
    total.add(this.books);
    return total;
  }

  /** Adds `amount` to one of the day's tallies. */
  count(tally: DayTally, amount: number): void {
    this.books[tally] += amount;
  }

  /**
   * A settlement (households paid, dividends, wages, seasons opening or closing, offline markets)
   * posts its money and units into the day's books; `entry` is handed them for that call only
   * (by convention: the books are mutable while it runs, and must not be kept).
   */
  post(entry: (books: Flows) => void): void {
    entry(this.books);
  }

  recordSale(sale: Sale, now: number): void {
    addSale(this.books, sale);
    if (sale.gmv !== 0) this.hourlyGmv.add(now, sale.gmv);
    addSale(sale.product.flows, sale);
    const channel = sale.channel;
    if (channel.anchor !== undefined) addSale(channel.anchor.flows, sale);
    for (const group of channel.groups) addSale(group, sale);
  }

  /** GMV of each of the last `hours` simulated hours up to `now`, oldest first (fen). */
  gmvByHour(now: number, hours: number): number[] {
    return this.hourlyGmv.window(now, hours);
  }

  noteConcurrency(viewers: number, now: number): void {
    if (viewers > this.peakToday) this.peakToday = viewers;
    this.hourlyPeakViewers.max(now, viewers);
  }

  /** Most viewers at once in each of the last `hours` simulated hours up to `now`, oldest first. */
  peakViewersByHour(now: number, hours: number): number[] {
    return this.hourlyPeakViewers.window(now, hours);
  }

  /**
   * Closes the day: its flows, the levels at its end, and its GMV by group and units by product
   * (from the running totals of `groups` and `products`).
   */
  closeDay(
    day: string,
    levels: Omit<DayLevels, 'peakConcurrentViewers'>,
    groups: ReadonlyMap<string, Flows>,
    products: readonly { readonly id: string; readonly flows: Flows }[],
  ): void {
    const flows = new Flows();
    flows.add(this.books);
    const groupGmv: Record<string, number> = {};
    for (const [name, group] of groups) groupGmv[name] = group.gmv - (this.groupGmvSoFar.get(name) ?? 0);
    for (const [name, group] of groups) this.groupGmvSoFar.set(name, group.gmv);
    const productUnits: Record<string, number> = {};
    for (const product of products) {
      productUnits[product.id] = product.flows.units - (this.productUnitsSoFar.get(product.id) ?? 0);
      this.productUnitsSoFar.set(product.id, product.flows.units);
    }
    this.days.push({ day, flows, levels: { ...levels, peakConcurrentViewers: this.peakToday }, groupGmv, productUnits });
    this.closed.add(this.books);
    this.books.reset();
    this.peakToday = 0;
  }

  recordBroadcast(broadcast: LiveBroadcast, start: string, endedAt: number, finished: boolean): void {
    this.broadcasts.push({
      index: broadcast.index,
      count: broadcast.count,
      anchor: broadcast.anchor.id,
      series: broadcast.series.label,
      start,
      minutes: endedAt - broadcast.start,
      welfare: broadcast.welfare,
      views: broadcast.views,
      peakConcurrentViewers: broadcast.peakConcurrent,
      orders: broadcast.orders,
      units: broadcast.units,
      lostOrders: broadcast.lostOrders,
      stockOuts: broadcast.stockOuts,
      gmv: broadcast.gmv,
      sellerMargin: broadcast.sellerMargin,
      finished,
    });
  }
}

function addSale(flows: Flows, sale: Sale): void {
  flows.orders += sale.orders;
  if (sale.channel.anchor !== undefined) {
    flows.liveOrders += sale.orders;
    flows.liveGmv += sale.gmv;
  }
  flows.units += sale.units;
  flows.lostOrders += sale.lostOrders;
  flows.lostUnits += sale.lostUnits;
  flows.lostGmv += sale.lostGmv;
  flows.claimedOrders += sale.claimedOrders;
  flows.spoiledUnits += sale.spoiledUnits;
  if (sale.stockOut) flows.stockOuts++;
  flows.gmv += sale.gmv;
  // The ledger parts spelled out rather than looped over LEDGER_PARTS: this runs for every sale
  // and every group it counts toward, and keyed access made the whole run ~9% slower. A test
  // holds it to the list (metrics.test.ts: every part is added).
  flows.refunds += sale.refunds;
  flows.spoilage += sale.spoilage;
  flows.platformFees += sale.platformFees;
  flows.anchorCommission += sale.anchorCommission;
  flows.logistics += sale.logistics;
  flows.processing += sale.processing;
  flows.intermediaryMargin += sale.intermediaryMargin;
  flows.farmerRevenue += sale.farmerRevenue;
}
