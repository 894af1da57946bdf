/**
 * The common noise that makes real series ragged (docs/model.md, 3.16): each platform's traffic
 * varies from day to day, and the demand for farm products from year to year. Both are mean-1
 * lognormal factors on streams of their own, applied at midnight after the day's shocks.
 */
import type { RandomStreams, Uniform } from '../../engine/random.js';
import type { Calendar } from '../time/calendar.js';
import type { PlatformMarket } from './market.js';
import { nightFactor } from './night.js';
import type { ModelParams } from '../params.js';
import type { ProductState } from '../supply/products.js';

export class CommonNoise {
  private readonly traffic: readonly { readonly market: PlatformMarket; readonly sigma: number; readonly uniform: Uniform }[];
  private readonly demandYears: Uniform;
  /** This calendar year's demand factor (1 without yearly noise). */
  private demandYear = 1;

  constructor(
    private readonly scenario: ModelParams,
    /** Each platform's market, by platform index. */
    markets: readonly PlatformMarket[],
    private readonly calendar: Calendar,
    random: RandomStreams,
  ) {
    this.traffic = scenario.platforms
      .map((platform, index) => ({ platform, market: markets[index]! }))
      .filter(({ platform }) => platform.trafficNoise > 0)
      .map(({ platform, market }) => ({ market, sigma: platform.trafficNoise, uniform: random.stream(`platform/${platform.id}/traffic-noise`) }));
    this.demandYears = random.stream('world/demand-years');
  }

  /** The day starting at `minute`: today's traffic draws; on the first day and each 1 January, the year's demand. */
  applyDay(minute: number, products: readonly ProductState[]): void {
    for (const { market, sigma, uniform } of this.traffic) market.trafficFactor *= nightFactor(uniform, sigma);
    const sigma = this.scenario.behaviour.yearlyDemandNoise;
    if (sigma <= 0) return;
    const [month, day] = this.calendar.monthDayAt(minute);
    if (minute === 0 || (month === 1 && day === 1)) this.demandYear = nightFactor(this.demandYears, sigma);
    for (const product of products) product.shock.demand *= this.demandYear;
  }
}
