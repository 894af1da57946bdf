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
import { updateMarkets } from '../demand/daily-markets.js';
import { worldLevels } from '../observation/levels.js';
import type { Supply } from '../supply/joining.js';
import { updateSeasons } from '../supply/seasons.js';

export class DailyCycle {
  /** Start of the day in progress (minutes). */
  private dayStart = 0;

  constructor(
    private readonly world: World,
    /** For each household, what it supplies: a joining household starts supplying it. */
    private readonly supplies: readonly (readonly Supply[])[],
    private readonly metrics: Metrics,
    private readonly seller: Seller,
    private readonly broadcasting: Broadcasting,
    private readonly povertyLine: number,
  ) {}

  /** The state of the world on the first day. */
  begin(): void {
    this.metrics.post((books) => updateSeasons(this.world, 0, true, books));
    this.openStores(0);
    this.applyShocks(0);
    updateMarkets(this.world, 0);
  }

  /** Settles and closes what is left of the last day when the run ends (or is stopped) at `now`: the seasons' offline markets clear with what is left. */
  end(now: number): void {
    this.settle();
    this.payDividends();
    this.metrics.post((books) => {
      for (const product of this.world.products) product.settleOffline(this.world.households, books);
    });
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
      for (const joining of world.joining) joining.closeMonth();
    }
    this.metrics.post((books) => updateSeasons(world, now, false, books));
    for (const anchor of world.anchors) anchor.advanceDay(now);
    for (const store of world.stores) if (store.isOpen) store.population.advanceDay();
    for (const joining of world.joining) joining.advanceDay(world.households, this.supplies);
    this.openStores(now);
    this.applyShocks(now);
    updateMarkets(world, now);
    this.broadcasting.planDay(now);
  }
  tradeInStores(now: number): void {
    for (const store of this.world.stores) {
      if (!store.isOpen) continue;
      store.trade(this.seller, now);
      this.metrics.count('storeVisits', store.visitsToday);
    }
  }
  /** Pays farmers for what sold since the last settlement. */
  private settle(): void {
    this.metrics.post((books) => {
      for (const product of this.world.products) product.settle(this.world.households, books);
    });
  }
  private closeDay(): void {
    const { world } = this;
    this.metrics.closeDay(
      world.calendar.dayLabel(this.dayStart),
      worldLevels(world, this.povertyLine),
      world.groups,
      world.products,
    );
  }
  /** Sellers' month end: each product's profit share of the month's net margin. */
  private payDividends(): void {
    this.metrics.post((books) => {
      for (const product of this.world.products) product.payDividend(this.world.households, books);
    });
  }
  /** Shops' month end: workforce, wages (into households' income for the month) and spin-offs. */
  private closeShopMonths(): void {
    this.metrics.post((books) => {
      for (const shop of this.world.shops) shop.closeMonth(this.world.households, books);
    });
  }
  /** Today's shocks, then the common noise: traffic on the markets, broadcasts of anchor classes, demand, logistics and supply on the products. */
  private applyShocks(minute: number): void {
    const { world } = this;
    world.shocks.applyDay(minute, world.markets, world.products, world.anchors);
    world.noise.applyDay(minute, world.products);
  }

  private openStores(now: number): void {
    for (const store of this.world.stores) {
      if (!store.isOpen && store.spec.opens <= now) store.isOpen = true;
    }
  }
}
