/**
 * A product on sale: its prices and costs in fen, its seasonal stock, the households that grow
 * it and its offline market. Orders take units from `available`; each midnight the units sold
 * are allocated to suppliers by the product's rule and the farmers' revenue is paid out. When a
 * season ends (or a year, for a product without a season, or the run) the rest of every
 * grower's harvest goes to the offline market, and the same harvest is sold there in full for
 * the counterfactual: what the growers would have earned without live commerce.
 */
import { allocateUnits, apportion, type AllocationRule } from './allocation.js';
import { Flows } from './flows.js';
import type { HouseholdTable } from './households.js';
import { OfflineMarket, type OfflineClearing } from './offline-market.js';
import { retailPriceFen, type PriceTerms, type UnitCosts } from './pricing.js';
import type { ProductParams } from './params.js';
import type { ShopState } from './shops.js';

const toFen = (yuan: number) => Math.round(yuan * 100);

export class ProductState {
  readonly id: string;
  readonly name: string;
  readonly priceFen: number;
  readonly referencePrice: number;
  readonly farmGateFen: number;
  readonly processingFen: number;
  readonly parcelFen: number;
  readonly spoilage: number;
  readonly claimRate: number;
  /** What the seller pays the households per unit: the shop's contract price, or the farm-gate price. */
  readonly purchaseFen: number;
  /** Share of the seller's positive margin paid back to the households. */
  readonly profitShare: number;
  readonly sellerShop: string | undefined;
  readonly allocation: AllocationRule;
  private readonly season: ProductParams['season'];
  private readonly pricing: ProductParams['pricing'];
  private readonly costs: UnitCosts;

  /** Growing households and each one's online capacity and whole harvest per season (units), in the same order. */
  readonly households: number[] = [];
  readonly capacities: number[] = [];
  readonly harvests: number[] = [];
  private remaining = new Float64Array(0);
  /** Units each grower sold online this season, and this month (its share of the month's profit share). */
  private soldOnline = new Float64Array(0);
  private soldThisMonth = new Float64Array(0);
  /** Units each grower carries into the next season's offline market, with live commerce and without (dry goods). */
  private carried = new Float64Array(0);
  private carriedWithout = new Float64Array(0);
  /** The county's offline market for it (built once the growers are known). */
  private offlineMarket: OfflineMarket | undefined;
  /** The counterfactual market of the season in progress (undefined: no season open for the offline accounts). */
  private withoutThisSeason: OfflineClearing | undefined;
  private readonly offlineSpec: ProductParams['offline'];
  /** 1 for suppliers in the selling network (all of them, unless their group joins over time). */
  private active = new Uint8Array(0);

  /** Units that can still be sold this season. */
  available = 0;
  inSeason = false;
  /** Units sold and farmers' revenue (fen) since the last settlement. */
  unsettledUnits = 0;
  unsettledFarmerRevenue = 0;
  /** The seller's margin on this product this month, losses netted against gains (fen). */
  monthMargin = 0;
  /** Units left unsold when seasons closed (sold through other channels, not lost). */
  unsoldAtSeasonEnd = 0;
  readonly flows = new Flows();
  /** The shop selling it, when a shop does. */
  shop: ShopState | undefined;

  constructor(
    readonly index: number,
    spec: ProductParams,
    contractPrice: number | undefined,
    /** Mean units in an order (a parcel's cost per unit, for cost-plus prices). */
    unitsPerOrder: number,
  ) {
    this.id = spec.id;
    this.name = spec.name ?? spec.id;
    this.priceFen = toFen(spec.price);
    this.referencePrice = spec.referencePrice;
    this.farmGateFen = toFen(spec.farmGatePrice);
    this.processingFen = toFen(spec.processingCost);
    const logistics = spec.logistics;
    this.parcelFen = toFen(logistics.perParcel * (logistics.coldChain ? 1 + logistics.coldChainMarkup : 1));
    this.spoilage = spec.spoilage;
    this.claimRate = spec.claimRate;
    this.sellerShop = spec.seller === 'farmers' ? undefined : spec.seller;
    this.purchaseFen = contractPrice === undefined ? this.farmGateFen : toFen(contractPrice);
    this.profitShare = spec.profitShare;
    this.allocation = spec.allocation;
    this.season = spec.season;
    this.offlineSpec = spec.offline;
    this.pricing = spec.pricing;
    this.costs = {
      priceFen: this.priceFen,
      welfareDiscount: spec.welfareDiscount,
      purchaseFen: this.purchaseFen,
      processingFen: this.processingFen,
      parcelFen: this.parcelFen,
      unitsPerOrder,
      claimRate: spec.claimRate,
      spoilage: spec.spoilage,
    };
  }

  /** The price a buyer pays per unit on a channel with these terms (fen): the seller's pricing rule, less the welfare discount in welfare sales. */
  unitPriceFen(terms: PriceTerms): number {
    return retailPriceFen(this.pricing, this.costs, terms);
  }

  /**
   * How demand responds to the price paid (fen) relative to the market reference price: purchase
   * hazards and store conversions scale with (paid / reference)^-elasticity.
   */
  priceFactor(paidFen: number, elasticity: number): number {
    return Math.pow(paidFen / 100 / this.referencePrice, -elasticity);
  }

  addSupplier(household: number, capacity: number, harvest: number): void {
    this.households.push(household);
    this.capacities.push(capacity);
    this.harvests.push(harvest);
  }

  /** Called once all suppliers are added, with whether each is in the network from the start. */
  finishSuppliers(activeFromStart: (household: number) => boolean): void {
    const count = this.capacities.length;
    this.remaining = new Float64Array(count);
    this.soldOnline = new Float64Array(count);
    this.soldThisMonth = new Float64Array(count);
    this.carried = new Float64Array(count);
    this.carriedWithout = new Float64Array(count);
    this.active = Uint8Array.from(this.households, (household) => (activeFromStart(household) ? 1 : 0));
    const harvest = this.harvests.reduce((sum, units) => sum + units, 0);
    this.offlineMarket = new OfflineMarket(this.offlineSpec, this.farmGateFen, harvest);
  }

  /** A supplier joins the network: its capacity counts from now on (this season's too). */
  activateSupplier(supplier: number): void {
    if (this.active[supplier] === 1) return;
    this.active[supplier] = 1;
    if (this.inSeason) {
      this.remaining[supplier] = this.capacities[supplier]!;
      this.available += this.capacities[supplier]!;
    }
  }

  get supplierCount(): number {
    return this.households.length;
  }

  /** Whether the product can be sold on this calendar day (no season: all year). */
  isInSeasonOn(month: number, day: number): boolean {
    if (!this.season) return true;
    const today = month * 100 + day;
    const from = this.season.from[0] * 100 + this.season.from[1];
    const to = this.season.to[0] * 100 + this.season.to[1];
    return from <= to ? today >= from && today <= to : today >= from || today <= to;
  }

  /**
   * A new season (or, without a season, a new year) starts: every supplier's capacity is renewed,
   * and the counterfactual offline market of the season is known at once (the whole harvest,
   * and what was carried over without live commerce). A year renewing settles the last one first.
   */
  openSeason(households: HouseholdTable, flows: Flows): void {
    this.settleOffline(households, flows);
    this.withoutThisSeason = this.offlineMarket!.clear(sum(this.harvests) + sum(this.carriedWithout));
    this.unsoldAtSeasonEnd += this.available;
    let available = 0;
    for (let supplier = 0; supplier < this.capacities.length; supplier++) {
      const units = this.active[supplier] === 1 ? this.capacities[supplier]! : 0;
      this.remaining[supplier] = units;
      available += units;
    }
    this.available = available - this.unsettledUnits;
    this.inSeason = true;
  }

  /** The harvest window ends: what is left goes to the offline market. */
  closeSeason(households: HouseholdTable, flows: Flows): void {
    this.settleOffline(households, flows);
    this.unsoldAtSeasonEnd += this.available;
    this.available = 0;
    this.inSeason = false;
  }

  /** Whether this product has a harvest window (rather than renewing every 1 January). */
  get seasonal(): boolean {
    return this.season !== undefined;
  }

  /**
   * Allocates the units sold since the last settlement to suppliers and pays them, recording each
   * one's gain against the season's counterfactual into `flows`.
   */
  settle(households: HouseholdTable, flows: Flows): void {
    const units = this.unsettledUnits;
    const revenue = this.unsettledFarmerRevenue;
    this.unsettledUnits = 0;
    this.unsettledFarmerRevenue = 0;
    // Households are paid only for units: charges without units (slot fees) stay with the seller.
    if (units === 0) return;
    const poverty =
      this.allocation === 'poorest-first' ? Float64Array.from(this.households, (household) => households.baselinePerPerson[household]!) : new Float64Array(0);
    const shares = allocateUnits(this.allocation, units, this.remaining, poverty);
    const payments = apportion(revenue, shares);
    // Sold before any season opened its accounts (cannot happen: stock exists only in season): the farm gate is the counterfactual.
    const without = this.withoutThisSeason ?? { price: this.farmGateFen, soldShare: 1 };
    for (let supplier = 0; supplier < this.households.length; supplier++) {
      const sold = shares[supplier]!;
      const paid = payments[supplier]!;
      if (sold === 0 && paid === 0) continue;
      this.remaining[supplier]! -= sold;
      this.soldOnline[supplier]! += sold;
      this.soldThisMonth[supplier]! += sold;
      households.creditSales(this.households[supplier]!, sold, paid, sold * this.farmGateFen, without, flows);
    }
  }

  /**
   * Month end: the seller pays back the product's profit share of the month's net margin (none
   * after a month at a loss), to the suppliers in proportion to the units each sold online in
   * the month; the money moves from the seller's margin to the farmers' revenue in `flows`, in
   * the product's own flows, and out of a shop's cash.
   */
  payDividend(households: HouseholdTable, flows: Flows): void {
    const margin = this.monthMargin;
    this.monthMargin = 0;
    const dividend = margin > 0 ? Math.round(margin * this.profitShare) : 0;
    if (dividend > 0) {
      const payments = apportion(dividend, this.soldThisMonth);
      for (let supplier = 0; supplier < this.households.length; supplier++) {
        if (payments[supplier] !== 0) households.creditDividend(this.households[supplier]!, payments[supplier]!, flows);
      }
      for (const account of [flows, this.flows]) {
        account.farmerRevenue += dividend;
        account.intermediaryMargin -= dividend;
      }
      this.shop?.noteSale(0, -dividend);
    }
    this.soldThisMonth.fill(0);
  }

  /**
   * The season's offline market clears: every grower brings what it did not sell online (plus
   * what it carried over), and every one sells the same share at the market's price. Each is
   * credited the difference from the counterfactual, where the whole harvest went to market.
   * Called when a season closes, a year renews, or the run ends; a no-op with no season open.
   */
  settleOffline(households: HouseholdTable, flows: Flows): void {
    const without = this.withoutThisSeason;
    if (without === undefined) return;
    this.withoutThisSeason = undefined;
    const count = this.households.length;
    let brought = 0;
    let online = 0;
    for (let supplier = 0; supplier < count; supplier++) {
      brought += this.harvests[supplier]! + this.carried[supplier]! - this.soldOnline[supplier]!;
      online += this.soldOnline[supplier]!;
    }
    const withIt = this.offlineMarket!.clear(brought, online);
    const valueWith = withIt.price * withIt.soldShare;
    const valueWithout = without.price * without.soldShare;
    const carries = this.offlineSpec.unsold === 'carried';
    let unsold = 0;
    let unsoldWithout = 0;
    for (let supplier = 0; supplier < count; supplier++) {
      const harvest = this.harvests[supplier]!;
      const sold = this.soldOnline[supplier]!;
      const had = harvest + this.carried[supplier]!;
      const hadWithout = harvest + this.carriedWithout[supplier]!;
      const withFen = Math.round((had - sold) * valueWith);
      const withoutFen = Math.round((hadWithout - sold) * valueWithout);
      const volumeFen = Math.round((had - hadWithout) * valueWithout);
      if (withFen !== 0 || withoutFen !== 0) households.creditOffline(this.households[supplier]!, withFen, withoutFen, volumeFen, flows);
      const left = (had - sold) * (1 - withIt.soldShare);
      const leftWithout = hadWithout * (1 - without.soldShare);
      unsold += left;
      unsoldWithout += leftWithout;
      this.carried[supplier] = carries ? left : 0;
      this.carriedWithout[supplier] = carries ? leftWithout : 0;
      this.soldOnline[supplier] = 0;
    }
    flows.unitsOffline += Math.round(brought - unsold);
    flows.unitsUnsold += Math.round(unsold);
    flows.unitsUnsoldWithout += Math.round(unsoldWithout);
  }
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let index = 0; index < values.length; index++) total += values[index]!;
  return total;
}
