/**
 * Shocks on the run's timeline, applied at each midnight: a platform's traffic (its broadcasts'
 * views and its stores' visits), how often classes of anchors go live, the demand for products
 * (purchase hazards and store conversions), their logistics (the share of orders that can ship, the parcel cost, extra
 * spoilage in transit) and their supply (a share of the online stock lost on the shock's first
 * day: what the sellers could collect and pack; the harvest itself still goes to the offline
 * market). Shocks of different kinds that meet multiply; a promotion acts on its days every year.
 */
import type { AnchorState } from '../demand/anchors.js';
import { MINUTES_PER_DAY, type Calendar } from './calendar.js';
import type { PlatformMarket } from '../demand/market.js';
import type { ShockParams } from '../params.js';
import type { ProductState } from '../supply/products.js';

export class ShockSchedule {
  constructor(
    private readonly shocks: readonly ShockParams[],
    private readonly calendar: Calendar,
  ) {}

  /** The day starting at `minute`: each market's traffic factor and each product's shock terms; supply lost on a supply shock's first day. */
  applyDay(minute: number, markets: readonly PlatformMarket[], products: readonly ProductState[], anchors: readonly AnchorState[]): void {
    for (const market of markets) market.trafficFactor = 1;
    for (const anchor of anchors) anchor.broadcastFactor = 1;
    for (const product of products) product.shock.reset();
    if (this.shocks.length === 0) return;
    const [month, day] = this.calendar.monthDayAt(minute);
    for (const shock of this.shocks) {
      const active = shock.days ? shock.days.some(([m, d]) => m === month && d === day) : minute >= shock.from && minute < shock.until;
      if (!active) continue;
      markets.forEach((market, platform) => {
        if (!shock.platforms || shock.platforms.includes(platform)) market.trafficFactor *= shock.traffic;
      });
      for (const anchor of anchors) if (!shock.anchors || shock.anchors.includes(anchor.index)) anchor.broadcastFactor *= shock.broadcasts;
      for (const product of products) {
        if (shock.products && !shock.products.includes(product.index)) continue;
        product.shock.add(shock);
        if (shock.loss > 0 && minute < shock.from + MINUTES_PER_DAY) product.loseStock(shock.loss);
      }
    }
  }
}

/** A product's terms under today's shocks (neutral without any). */
export class ProductShock {
  /** Multiplies purchase hazards and store conversions. */
  demand = 1;
  /** Share of orders that can ship. */
  capacity = 1;
  /** Multiplies the parcel cost. */
  parcelFactor = 1;
  /** Extra share of shipped units spoiled in transit. */
  spoilage = 0;

  reset(): void {
    this.demand = this.capacity = this.parcelFactor = 1;
    this.spoilage = 0;
  }

  add(shock: ShockParams): void {
    this.demand *= shock.demand;
    this.capacity *= shock.capacity;
    this.parcelFactor *= shock.costMultiplier;
    this.spoilage = 1 - (1 - this.spoilage) * (1 - shock.spoilage);
  }
}
