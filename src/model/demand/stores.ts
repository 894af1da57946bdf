/**
 * Online stores' listings: sales outside broadcasts. Each day a store (or a class of identical
 * stores) gets visitors from search and the platform's feed; each looks at one listed product
 * and orders with the store's conversion, adjusted for price like the broadcast purchase
 * hazard. First-time buyers may become repeat customers, who come back to order at their own
 * rate until they drift away. Only first-time buyers are recruited (a repeat order is not a new
 * customer), and recruitment slows as the customer base fills the store's reachable market, so
 * with steady visitors a store's orders per visit settle at a level instead of growing forever.
 */
import { binomial, poisson } from '../../engine/distributions.js';
import type { RandomStreams, Uniform } from '../../engine/random.js';
import type { SalesChannel } from '../money/channel.js';
import type { Flows } from '../money/flows.js';
import type { PlatformMarket } from './market.js';
import type { BehaviourParams, PlatformParams, StoreParams } from '../params.js';
import { platformFeeRate } from '../money/platform-fees.js';
import { Population } from './population.js';
import type { ProductState } from '../supply/products.js';
import type { Seller } from '../money/sales.js';
import { SalesRank } from './sales-rank.js';
import { unviableListing, type DroppedListing } from '../supply/viability.js';

interface Listing {
  readonly product: ProductState;
  /** Share of visitors who look at this listing. */
  readonly share: number;
  /** Probability that a visitor who looks orders. */
  readonly conversion: number;
}

const DAYS_PER_YEAR = 365;

/** What a store is opened with: its parameters and the world's pieces it trades with. */
export interface StoreSetting {
  readonly spec: StoreParams;
  readonly platform: PlatformParams;
  readonly products: readonly ProductState[];
  readonly behaviour: BehaviourParams;
  /** The farmer groups' flows, by group index. */
  readonly groups: readonly Flows[];
  readonly streams: RandomStreams;
  /** The platform's shared market, when it declares one. */
  readonly market?: PlatformMarket | undefined;
}

export class StoreState implements SalesChannel {
  readonly id: string;
  readonly name: string;
  readonly welfare: boolean;
  readonly platformFeeRate: number;
  readonly commissionRate = 0;
  readonly anchor = undefined;
  listings: Listing[];
  /** A class of stores grows by adoption; a single store is a population of one. */
  readonly population: Population;
  /** Repeat customers of all the stores in this entry. */
  customers = 0;
  /** Customers one store can keep at most (its reachable market). */
  private readonly marketPerStore: number;
  /** Listings are online (from `opens`). */
  isOpen = false;
  visits = 0;
  /** Visits of the last trading day (for the day's flows). */
  visitsToday = 0;
  private readonly uniform: Uniform;
  /** Its place in the platform's search ranking, when the scenario ranks it by sales. */
  private readonly rank: SalesRank | undefined;
  /** The price of each listed product, by product index (fen). */
  private readonly priceFenByProduct: Float64Array;

  readonly spec: StoreParams;
  readonly groups: readonly Flows[];
  /** The platform's shared market, when it declares one: visits shrink as sellers crowd it. */
  private readonly platformMarket: PlatformMarket | undefined;

  constructor(setting: StoreSetting) {
    const { spec, platform, products, behaviour, streams } = setting;
    this.spec = spec;
    this.groups = setting.groups;
    this.platformMarket = setting.market;
    this.id = spec.id;
    this.name = spec.name ?? spec.id;
    this.welfare = spec.welfare;
    this.platformFeeRate = platformFeeRate(platform, spec.welfare);
    this.uniform = streams.stream(`store/${spec.id}`);
    this.rank = spec.ranking && new SalesRank(spec.ranking);
    const totalShare = spec.products.reduce((sum, listing) => sum + listing.share, 0);
    this.priceFenByProduct = new Float64Array(products.length);
    this.listings = spec.products.map((listing) => {
      const product = products[listing.product]!;
      const priceFen = product.unitPriceFen(this);
      this.priceFenByProduct[product.index] = priceFen;
      const priceFactor = product.priceFactor(priceFen, behaviour.priceElasticity);
      return { product, share: listing.share / totalShare, conversion: Math.min(1, spec.conversion * priceFactor) };
    });
    this.marketPerStore = spec.loyalty.market ?? spec.visitorsPerDay * DAYS_PER_YEAR;
    const population = spec.population;
    this.population = population
      ? new Population(population, population.potential, streams.stream(`store/${spec.id}/population`))
      : new Population({ initial: 1, innovation: 0, imitation: 0 }, 1, this.uniform);
  }

  /** One day of visits and orders (first-time and repeat), recorded for the store's ranking. */
  trade(seller: Seller, now: number): void {
    let orders = 0;
    const uniform = this.uniform;
    const market = this.platformMarket;
    let visitsLeft = poisson(uniform, this.pull * (market?.crowding ?? 1) * (market?.trafficFactor ?? 1));
    let repeatLeft = poisson(uniform, (this.customers * this.spec.loyalty.repeatOrdersPerYear) / DAYS_PER_YEAR);
    this.visits += visitsLeft;
    this.visitsToday = visitsLeft;
    // Out-of-season listings are taken down: visitors spread over the rest.
    const listed = this.listings.filter((listing) => listing.product.inSeason);
    let shareLeft = listed.reduce((sum, listing) => sum + listing.share, 0);
    for (const listing of listed) {
      const last = listing === listed[listed.length - 1];
      const looked = last ? visitsLeft : binomial(uniform, visitsLeft, listing.share / shareLeft);
      const repeat = last ? repeatLeft : binomial(uniform, repeatLeft, listing.share / shareLeft);
      visitsLeft -= looked;
      repeatLeft -= repeat;
      shareLeft -= listing.share;
      const firstOrders = binomial(uniform, looked, Math.min(1, listing.conversion * listing.product.shock.demand));
      const filled = seller.sell(this, listing.product, firstOrders, now, uniform);
      this.recruit(filled);
      orders += filled + seller.sell(this, listing.product, repeat, now, uniform);
    }
    this.rank?.closeDay(orders);
    const churn = this.spec.loyalty.churnPerYear;
    if (churn > 0 && this.customers > 0) this.customers -= binomial(uniform, this.customers, 1 - Math.exp(-churn / DAYS_PER_YEAR));
  }

  /** Takes down listings that would not pay (unless the store is subsidised); returns them. */
  dropUnviable(unitsPerOrder: number): DroppedListing[] {
    const terms = { welfare: this.welfare, platformFeeRate: this.platformFeeRate, commissionRate: 0, subsidised: this.spec.subsidised };
    const dropped: DroppedListing[] = [];
    this.listings = this.listings.filter((listing) => {
      const unviable = unviableListing(this.id, listing.product, terms, unitsPerOrder);
      if (unviable) dropped.push(unviable);
      return unviable === undefined;
    });
    return dropped;
  }

  /** Listings keep no state per sale: the metrics count what they sold. */
  noteSale(): void {}

  unitPriceFen(product: ProductState): number {
    return this.priceFenByProduct[product.index]!;
  }

  /** Visits a day the stores of this entry would draw from an uncrowded market (a ranked store: where its sales put it). */
  get pull(): number {
    const active = this.population.active;
    return active * (this.rank ? this.rank.visitors(this.spec.visitorsPerDay, active) : this.spec.visitorsPerDay);
  }

  /** Reachable customers of all the stores in this entry now. */
  get reachableCustomers(): number {
    return this.marketPerStore * this.population.active;
  }

  /** Some of `buyers` first-time buyers stay as repeat customers, fewer as the market fills. */
  private recruit(buyers: number): void {
    const retention = this.spec.loyalty.retention;
    const reachable = this.reachableCustomers;
    if (retention <= 0 || buyers <= 0 || reachable <= 0) return;
    const room = Math.max(0, 1 - this.customers / reachable);
    if (room > 0) this.customers += binomial(this.uniform, buyers, retention * room);
  }
}
