/**
 * A platform's shared market for farm products online. Every store and anchor on the platform
 * pulls visits (a store its `visitorsPerDay`, an anchor the feed views it would draw uncrowded),
 * but they all draw from one pool, the platform's shoppers times the visits each pays farm
 * products a day. When the sellers' pull P is small next to the pool M, each gets about what it
 * pulls; as P grows toward and beyond M, each gets the share M / (M + P) of its pull, so one class
 * of sellers growing takes visits from the others, and a growing pool of shoppers gives them back.
 * The visits a shopper pays farm products may grow by a yearly rate of their own (the scenario's
 * `behaviour.farmVisitsGrowthPerYear`): farm produce gaining a share of online shopping.
 */
import { DatedSeries } from '../time/dated-series.js';
import type { MarketParams } from '../params.js';

const MINUTES_PER_YEAR = 365 * 1440;

/** The share of its pull each seller gets from a pool of `pool` when the sellers pull `pull` in all: pool / (pool + pull), 1 when neither. */
export function shareOfPull(pool: number, pull: number): number {
  return pool + pull > 0 ? pool / (pool + pull) : 1;
}

export class PlatformMarket {
  /** Share of its pull each seller gets today (1: an uncrowded market). */
  crowding = 1;
  /** Today's traffic shocks and promotions, multiplied (src/model/time/shocks.ts): scales views and visits, not the pull. */
  trafficFactor = 1;
  /** Feed views the platform's broadcasts pulled today, before crowding (their pull on tomorrow's market). */
  feedPullToday = 0;
  private readonly shoppers: DatedSeries;

  constructor(private readonly spec: MarketParams) {
    this.shoppers = new DatedSeries(spec.shoppers.map((point) => [point.minute, point.people] as const));
  }

  /** The platform's shoppers at `minute`: linear between the stated dates, flat before the first and after the last. */
  shoppersAt(minute: number): number {
    return this.shoppers.at(minute);
  }

  /** Visits a day the platform's shoppers pay farm products at `minute` (the pool M). */
  poolAt(minute: number): number {
    const years = minute / MINUTES_PER_YEAR;
    return this.shoppersAt(minute) * this.spec.visitsPerShopper * visitsGrowthFactor(this.spec.visitsGrowthPerYear, this.spec.visitsGrowthHalfLife, years);
  }

  /** A new day: sets today's crowding from the sellers' pull (store visits wanted plus yesterday's feed pull). */
  update(minute: number, storePull: number): void {
    const pool = this.poolAt(minute);
    const pull = storePull + this.feedPullToday;
    this.crowding = shareOfPull(pool, pull);
    this.feedPullToday = 0;
  }
}

/**
 * How much the visits a shopper pays farm products have grown after `years`: (1 + g)^years at a
 * constant rate; with a half-life H, the continuous rate ln(1 + g) halves every H years, so the
 * factor is exp(ln(1 + g) · H / ln 2 · (1 − 2^(−years / H))) — growth that slows as the habit
 * matures, and stops at a ceiling of (1 + g)^(H / ln 2).
 */
export function visitsGrowthFactor(growthPerYear: number, halfLife: number | undefined, years: number): number {
  if (halfLife === undefined) return Math.pow(1 + growthPerYear, years);
  return Math.exp(((Math.log(1 + growthPerYear) * halfLife) / Math.LN2) * (1 - Math.pow(2, -years / halfLife)));
}
