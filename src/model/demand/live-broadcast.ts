/**
 * A broadcast on air: its audience, the product on screen, the purchase hazard, and what it has
 * sold. Shared by both fidelities.
 */
import type { AnchorState } from './anchors.js';
import type { ArrivalCurve } from './audience.js';
import type { SalesChannel } from '../money/channel.js';
import { platformFeeRate } from '../money/platform-fees.js';
import type { BehaviourParams, SeriesParams } from '../params.js';
import type { ProductState } from '../supply/products.js';
import type { Sale } from '../money/sales.js';

/** A product in a series' lineup and its time on screen (minutes). */
export interface PlannedSlot {
  readonly product: ProductState;
  readonly minutes: number;
}

export interface LineupSlot extends PlannedSlot {
  /** The price per unit buyers pay for it in this broadcast (fen). */
  readonly priceFen: number;
  /** Price response of the purchase hazard for this product in this broadcast. */
  readonly priceFactor: number;
}

/** What a broadcast going on air is made of (named, as eleven numbers and lists in a row are easy to swap). */
export interface BroadcastLaunch {
  /** Its number, in the order broadcasts went on air. */
  readonly index: number;
  readonly anchor: AnchorState;
  readonly series: SeriesParams;
  /** When it goes on air (minutes). */
  readonly start: number;
  /** The series' lineup: the products the seller offers on it (never empty). */
  readonly lineup: readonly PlannedSlot[];
  /** How many products the world has (for per-product sums). */
  readonly productCount: number;
  readonly curve: ArrivalCurve;
  /** Expected views of this broadcast (after night-to-night variation). */
  readonly expectedViews: number;
  /** Of those, the views the platform's feed brings. */
  readonly feedViews: number;
  readonly behaviour: BehaviourParams;
  /** Identical broadcasts it stands for (a class of anchors broadcasting at once); 1 by default. */
  readonly count?: number;
  /** How well it sells per viewer: a factor on its purchase hazard (1, the default: a typical broadcast). */
  readonly selling?: number;
}

/** Minutes over which the dashboard counts "orders in the last hour". */
const RECENT_WINDOW = 60;

export class LiveBroadcast implements SalesChannel {
  readonly end: number;
  readonly welfare: boolean;
  readonly lineup: LineupSlot[];
  /** Arrivals per minute at the curve's peak. */
  readonly peakArrivalRate: number;
  readonly feedShare: number;
  /** Purchase hazard per viewer-minute before price and social proof. */
  private readonly baseHazard: number;
  /** An upper bound of the purchase hazard over the whole broadcast (for thinning). */
  readonly maxHazard: number;
  private readonly socialStrength: number;
  private readonly socialHalf: number;
  private readonly socialWindow: number;
  readonly commissionRate: number;
  readonly platformFeeRate: number;
  readonly groups: SalesChannel['groups'];

  /** False once the broadcast has ended; events still pending for it are then ignored. */
  onAir = true;
  /** Agent fidelity: arrivals so far in integrated-intensity time (a unit-rate Poisson clock). */
  arrivalClock = 0;
  onScreen: LineupSlot | undefined;
  private slotIndex = -1;
  nextSlotAt = 0;

  views = 0;
  concurrent = 0;
  peakConcurrent = 0;
  orders = 0;
  units = 0;
  lostOrders = 0;
  gmv = 0;
  stockOuts = 0;
  /** What the sellers kept from this broadcast, slot fee included (fen); negative: a loss. */
  sellerMargin = 0;
  /** Settled-sales value by product index, to split the slot fee (fen). */
  readonly gmvByProduct: Float64Array;
  /** The price of each product in the lineup, by product index (fen). */
  private readonly priceFenByProduct: Float64Array;
  private recentOrders = 0;
  private recentAt = 0;
  private readonly ordersPerMinute = new Float64Array(RECENT_WINDOW);
  private readonly minuteStamp = new Float64Array(RECENT_WINDOW).fill(-1);

  readonly index: number;
  readonly anchor: AnchorState;
  readonly series: SeriesParams;
  readonly start: number;
  readonly curve: ArrivalCurve;
  /** Expected views of this broadcast (after night-to-night variation). */
  readonly expectedViews: number;
  /**
   * Identical broadcasts this one stands for (a class of anchors broadcasting at once): their
   * audiences add up; social proof is per broadcast.
   */
  readonly count: number;

  constructor(launch: BroadcastLaunch) {
    const { anchor, series, start, lineup, productCount, curve, expectedViews, feedViews, behaviour } = launch;
    const selling = launch.selling ?? 1;
    this.index = launch.index;
    this.anchor = anchor;
    this.series = series;
    this.start = start;
    this.curve = curve;
    this.expectedViews = expectedViews;
    this.count = launch.count ?? 1;
    const duration = series.duration;
    this.end = start + duration;
    this.welfare = series.welfare;
    this.feedShare = expectedViews > 0 ? Math.min(1, feedViews / expectedViews) : 0;
    this.peakArrivalRate = expectedViews > 0 ? expectedViews / curve.integralTo(duration) : 0;
    this.commissionRate = anchor.commissionRate(this.welfare);
    this.platformFeeRate = platformFeeRate(anchor.platform, this.welfare);
    this.lineup = lineup.map((slot) => {
      const priceFen = slot.product.unitPriceFen(this);
      // Today's demand shocks on the product (1 without any) scale its hazard like its price does.
      return { ...slot, priceFen, priceFactor: slot.product.priceFactor(priceFen, behaviour.priceElasticity) * slot.product.shock.demand };
    });
    this.priceFenByProduct = new Float64Array(productCount);
    for (const slot of this.lineup) this.priceFenByProduct[slot.product.index] = slot.priceFen;
    this.gmvByProduct = new Float64Array(productCount);
    this.baseHazard = behaviour.purchaseRate * anchor.spec.skill * selling;
    this.socialStrength = behaviour.socialProof.strength;
    this.socialHalf = behaviour.socialProof.halfSaturation;
    this.socialWindow = behaviour.socialProof.window;
    const maxPriceFactor = Math.max(...this.lineup.map((slot) => slot.priceFactor));
    this.maxHazard = this.baseHazard * maxPriceFactor * (1 + this.socialStrength);
    this.groups = anchor.groups;
  }

  /**
   * Moves to the next slot whose product is in season, or to nothing on screen when none is.
   * A product in season but sold out stays in its slot: viewers who want it meet no stock, and
   * their orders are counted as lost demand. Called at the start and whenever a slot's time is up.
   */
  advanceSlot(now: number): void {
    const count = this.lineup.length;
    for (let tried = 1; tried <= count; tried++) {
      const candidate = this.lineup[(this.slotIndex + tried) % count]!;
      if (candidate.product.inSeason) {
        this.slotIndex = (this.slotIndex + tried) % count;
        this.onScreen = candidate;
        this.nextSlotAt = now + candidate.minutes;
        return;
      }
    }
    // Nothing in season: the anchor talks until the next slot and tries again.
    this.slotIndex = (this.slotIndex + 1) % count;
    this.onScreen = undefined;
    this.nextSlotAt = now + this.lineup[this.slotIndex]!.minutes;
  }

  unitPriceFen(product: ProductState): number {
    return this.priceFenByProduct[product.index]!;
  }

  /** Purchase hazard per viewer-minute for the product on screen, now. */
  hazard(now: number): number {
    const slot = this.onScreen;
    if (slot === undefined) return 0;
    const recent = this.recentOrdersAt(now) / this.count;
    return this.baseHazard * slot.priceFactor * (1 + (this.socialStrength * recent) / (recent + this.socialHalf));
  }

  private recentOrdersAt(now: number): number {
    if (this.recentOrders === 0) return 0;
    if (now !== this.recentAt) {
      this.recentOrders *= Math.exp(-(now - this.recentAt) / this.socialWindow);
      this.recentAt = now;
    }
    return this.recentOrders;
  }

  noteSale(sale: Sale, now: number): void {
    this.orders += sale.orders;
    this.units += sale.units;
    this.gmv += sale.gmv;
    this.gmvByProduct[sale.product.index]! += sale.gmv;
    this.sellerMargin += sale.intermediaryMargin;
    this.lostOrders += sale.lostOrders;
    if (sale.stockOut) this.stockOuts++;
    if (sale.orders > 0) this.noteOrders(now, sale.orders);
  }

  /** Records `orders` orders now, for social proof and the last-hour count. */
  private noteOrders(now: number, orders: number): void {
    this.recentOrders = this.recentOrdersAt(now) + orders;
    this.recentAt = now;
    const minute = Math.floor(now);
    const slot = minute % RECENT_WINDOW;
    if (this.minuteStamp[slot] !== minute) {
      this.minuteStamp[slot] = minute;
      this.ordersPerMinute[slot] = 0;
    }
    this.ordersPerMinute[slot]! += orders;
  }

  /** Orders in the last simulated hour. */
  ordersLastHour(now: number): number {
    const minute = Math.floor(now);
    let total = 0;
    for (let slot = 0; slot < RECENT_WINDOW; slot++) {
      if (this.minuteStamp[slot]! > minute - RECENT_WINDOW) total += this.ordersPerMinute[slot]!;
    }
    return total;
  }

  arrived(count: number): void {
    this.views += count;
    this.concurrent += count;
    if (this.concurrent > this.peakConcurrent) this.peakConcurrent = this.concurrent;
  }
}
