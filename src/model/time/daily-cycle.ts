/**
 * The day's rhythm of a run: stores trade at noon; at midnight the households are paid for what
 * sold, the day (and at month ends the shops' month) is closed, seasons open and close,
 * populations grow, supplier networks join, markets update and the next day's broadcasts are
 * planned.
 */
import type { Metrics } from '../observation/metrics.js';
import type { Broadcasting } from '../demand/broadcasting.js';
import type { Seller } from '../money/sales.js';
import type { World } from '../world.js';

export class DailyCycle {
  /** Start of the day in progress (minutes). */
  private dayStart = 0;

  constructor(
    private readonly world: World,
    private readonly metrics: Metrics,
    private readonly seller: Seller,
    private readonly broadcasting: Broadcasting,
    private readonly povertyLine: number,
  ) {}

  /** The state of the world on the first day. */
  begin(): void {
    this.world.updateSeasons(0, true, this.metrics.today);
    this.openStores(0);
    this.world.applyShocks(0);
    this.world.updateMarkets(0);
  }

  /** Settles and closes what is left of the last day when the run ends (or is stopped) at `now`: the seasons' offline markets clear with what is left. */
  end(now: number): void {
    this.settle();
    this.payDividends();
    for (const product of this.world.products) product.settleOffline(this.world.households, this.metrics.today);
    if (now > this.dayStart || this.metrics.days.length === 0) this.closeDay();
  }

  midnight(now: number): void {
    const { world } = this;
    const newMonth = world.calendar.monthDayAt(now)[1] === 1;
    this.settle();
    if (newMonth) {
      this.payDividends();
      this.closeShopMonths();
    }
    this.closeDay();
    this.dayStart = now;
    if (newMonth) {
      world.households.closeMonth();
      world.recruitForDemand();
    }
    world.updateSeasons(now, false, this.metrics.today);
    for (const anchor of world.anchors) anchor.advanceDay(now);
    for (const store of world.stores) if (store.isOpen) store.population.advanceDay();
    world.advanceJoining();
    this.openStores(now);
    world.applyShocks(now);
    world.updateMarkets(now);
    this.broadcasting.planDay(now);
  }
  tradeInStores(now: number): void {
    for (const store of this.world.stores) {
      if (!store.isOpen) continue;
      store.trade(this.seller, now);
      this.metrics.today.storeVisits += store.visitsToday;
    }
  }
  /** Pays farmers for what sold since the last settlement. */
  private settle(): void {
    for (const product of this.world.products) product.settle(this.world.households, this.metrics.today);
  }
  private closeDay(): void {
    const { world } = this;
    this.metrics.closeDay(
      world.calendar.dayLabel(this.dayStart),
      world.levels(this.povertyLine),
      world.groups,
      world.products,
    );
  }
  /** Sellers' month end: each product's profit share of the month's net margin. */
  private payDividends(): void {
    for (const product of this.world.products) product.payDividend(this.world.households, this.metrics.today);
  }
  /** Shops' month end: workforce, wages (into households' income for the month) and spin-offs. */
  private closeShopMonths(): void {
    for (const shop of this.world.shops) shop.closeMonth(this.world.households, this.metrics.today);
  }
  private openStores(now: number): void {
    for (const store of this.world.stores) {
      if (!store.isOpen && store.spec.opens <= now) store.isOpen = true;
    }
  }
}
