/**
 * Metrics reducers: mutable counters updated in O(1) per event, closed into one row per
 * simulated day and one row per broadcast.
 */
import { Flows } from './flows.js';
import type { LiveBroadcast } from './live-broadcast.js';
import type { Sale } from './sales.js';

/** Levels at the end of a day (stocks, as opposed to flows). */
export interface DayLevels {
  readonly followers: number;
  readonly stockAvailable: number;
  readonly householdsSupplying: number;
  readonly householdsAboveLine: number;
  /** Most viewers watching at once during the day, across all broadcasts. */
  readonly peakConcurrentViewers: number;
}

export interface DayRow {
  /** `YYYY-MM-DD`. */
  readonly day: string;
  readonly flows: Flows;
  readonly levels: DayLevels;
}

export interface BroadcastRow {
  readonly index: number;
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
  /** False when the run ended (or was stopped) before the broadcast did. */
  readonly finished: boolean;
}

export class Metrics {
  /** Flows of the days already closed. */
  readonly closed = new Flows();
  /** Flows of the day in progress. */
  readonly today = new Flows();
  peakConcurrentToday = 0;
  readonly days: DayRow[] = [];
  readonly broadcasts: BroadcastRow[] = [];

  /** Everything so far: closed days plus today. */
  total(): Flows {
    const total = new Flows();
    total.add(this.closed);
    total.add(this.today);
    return total;
  }

  recordSale(sale: Sale): void {
    addSale(this.today, sale);
    addSale(sale.broadcast.anchor.flows, sale);
    addSale(sale.product.flows, sale);
  }

  noteConcurrency(viewers: number): void {
    if (viewers > this.peakConcurrentToday) this.peakConcurrentToday = viewers;
  }

  closeDay(day: string, levels: Omit<DayLevels, 'peakConcurrentViewers'>): void {
    const flows = new Flows();
    flows.add(this.today);
    this.days.push({ day, flows, levels: { ...levels, peakConcurrentViewers: this.peakConcurrentToday } });
    this.closed.add(this.today);
    this.today.reset();
    this.peakConcurrentToday = 0;
  }

  recordBroadcast(broadcast: LiveBroadcast, start: string, endedAt: number, finished: boolean): void {
    this.broadcasts.push({
      index: broadcast.index,
      anchor: broadcast.anchor.id,
      series: broadcast.seriesLabel,
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
      finished,
    });
  }
}

function addSale(flows: Flows, sale: Sale): void {
  flows.orders += sale.orders;
  flows.units += sale.units;
  flows.lostOrders += sale.lostOrders;
  flows.lostUnits += sale.lostUnits;
  flows.claimedOrders += sale.claimedOrders;
  flows.spoiledUnits += sale.spoiledUnits;
  if (sale.stockOut) flows.stockOuts++;
  flows.gmv += sale.gmv;
  flows.refunds += sale.refunds;
  flows.spoilage += sale.spoilage;
  flows.platformFees += sale.platformFees;
  flows.anchorCommission += sale.anchorCommission;
  flows.logistics += sale.logistics;
  flows.processing += sale.processing;
  flows.intermediaryMargin += sale.intermediaryMargin;
  flows.farmerRevenue += sale.farmerRevenue;
}
