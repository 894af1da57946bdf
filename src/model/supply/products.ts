/**
 * A product on sale: its prices and costs in fen, its seasonal stock, the households that grow
 * it and its offline market. Orders take units from `available`; each midnight the units sold
 * are allocated to suppliers by the product's rule and the farmers' revenue is paid out. When a
 * season ends (or a year, for a product without a season, or the run) the rest of every
 * grower's harvest goes to the offline market, and the same harvest is sold there in full for
 * the counterfactual: what the growers would have earned without live commerce.
 */
import { allocateUnits, apportion, type AllocationRule } from './allocation.js';
import { Flows } from '../money/flows.js';
import type { HouseholdTable } from './households.js';
import { OfflineAccounts } from './offline-accounts.js';
import { retailPriceFen, type PriceTerms, type UnitCosts } from '../money/pricing.js';
import type { ProductParams } from '../params.js';
import type { ShopState } from './shops.js';
import { ProductShock } from '../time/shocks.js';

const toFen = (yuan: number) => Math.round(yuan * 100);
/** Days of a non-leap year before each month. */
const CUMULATIVE_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

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
  /** The index of the shop that sells it, or undefined (the farmers' cooperative). */
  readonly sellerShop: number | undefined;
  readonly allocation: AllocationRule;
  private readonly season: ProductParams['season'];
  private readonly pricing: ProductParams['pricing'];
  private readonly costs: UnitCosts;

  /** Growing households and each one's online capacity and whole harvest per season (units), in the same order. */
  readonly households: number[] = [];
  readonly capacities: number[] = [];
  readonly harvests: number[] = [];
  private remaining = new Float64Array(0);
  /** Units each grower sold online this month (its share of the month's profit share). */
  private soldThisMonth = new Float64Array(0);
  /** Its offline market and the growers' accounts there (built once the growers are known). */
  private offline: OfflineAccounts | undefined;
  private readonly offlineSpec: ProductParams['offline'];
  /** 1 for suppliers in the selling network (all of them, unless their group joins over time). */
  private active = new Uint8Array(0);

  /** Units that can still be sold this season. */
  private stock = 0;

  /** Units on hand to sell online. Only the product changes it: stock arrives, is lost, goes offline at a season's end, or is taken by a sale (take). */
  get available(): number {
    return this.stock;
  }

  /** Takes `units` off the stock for a sale (never more than is on hand: the seller checked); true when that empties it. */
  take(units: number): boolean {
    this.stock -= units;
    return this.stock <= 0;
  }

  /** Units ordered that no stock could fill, over the run (lost demand that more growers would have met; not orders a shock kept from shipping). */
  shortUnits = 0;
  /** Today's shock terms: demand, shipping capacity, parcel cost, extra spoilage (src/model/time/shocks.ts). */
  readonly shock = new ProductShock();
  inSeason = false;
  /** Units sold and farmers' revenue (fen) since the last settlement. */
  unsettledUnits = 0;
  unsettledFarmerRevenue = 0;
  /** The seller's margin on this product this month, losses netted against gains (fen). */
  monthMargin = 0;
  /** Online capacity left unsold when seasons closed (it goes to the offline market, not lost). */
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
    this.sellerShop = spec.shop;
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
    this.soldThisMonth = new Float64Array(count);
    this.active = Uint8Array.from(this.households, (household) => (activeFromStart(household) ? 1 : 0));
    this.offline = new OfflineAccounts(this.offlineSpec, this.farmGateFen, this.households, this.harvests);
  }

  /** A supplier joins the network: its capacity counts from now on (this season's too). */
  activateSupplier(supplier: number): void {
    if (this.active[supplier] === 1) return;
    this.active[supplier] = 1;
    if (this.inSeason) {
      this.remaining[supplier] = this.capacities[supplier]!;
      this.stock += this.capacities[supplier]!;
    }
  }

  /**
   * A supply shock: each supplier's online stock left this season shrinks by `share` (whole
   * units). Applied at midnight, after settlement, so no sold unit is still unallocated.
   */
  loseStock(share: number): void {
    let lost = 0;
    for (let supplier = 0; supplier < this.remaining.length; supplier++) {
      const units = Math.round(this.remaining[supplier]! * share);
      this.remaining[supplier] = this.remaining[supplier]! - units;
      lost += units;
    }
    this.stock = Math.max(0, this.stock - lost);
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
    this.offline!.openSeason();
    this.unsoldAtSeasonEnd += this.stock;
    let available = 0;
    for (let supplier = 0; supplier < this.capacities.length; supplier++) {
      const units = this.active[supplier] === 1 ? this.capacities[supplier]! : 0;
      this.remaining[supplier] = units;
      available += units;
    }
    this.stock = available - this.unsettledUnits;
    this.inSeason = true;
  }

  /** The harvest window ends: what is left goes to the offline market. */
  closeSeason(households: HouseholdTable, flows: Flows): void {
    this.settleOffline(households, flows);
    this.unsoldAtSeasonEnd += this.stock;
    this.stock = 0;
    this.inSeason = false;
  }

  /** Whether this product has a harvest window (rather than renewing every 1 January). */
  get seasonal(): boolean {
    return this.season !== undefined;
  }

  /** Days of its harvest window in a (non-leap) year, or undefined without one. */
  get seasonDays(): number | undefined {
    const season = this.season;
    if (!season) return undefined;
    const dayOfYear = ([month, day]: readonly [number, number]) => CUMULATIVE_DAYS[month - 1]! + day;
    const from = dayOfYear(season.from);
    const to = dayOfYear(season.to);
    return to >= from ? to - from + 1 : 365 - from + 1 + to;
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
    const without = this.offline!.counterfactual;
    // Per unit, what it would have fetched offline without live commerce, and the value of what would not have sold.
    const valuePerUnit = without.price * without.soldShare;
    const unsoldValuePerUnit = without.price * (1 - without.soldShare);
    const { remaining, soldThisMonth, farmGateFen } = this;
    const soldOnline = this.offline!.soldOnline;
    // Units sold this month only weigh a profit share.
    const sharesProfit = this.profitShare > 0;
    let netTotal = 0;
    let premiumTotal = 0;
    let volumeTotal = 0;
    let withoutTotal = 0;
    // The hot loop of a national run (thousands of suppliers, every night): the flows are added once, after it.
    for (let supplier = 0; supplier < shares.length; supplier++) {
      const sold = shares[supplier]!;
      const paid = payments[supplier]!;
      if (sold === 0 && paid === 0) continue;
      remaining[supplier]! -= sold;
      soldOnline[supplier]! += sold;
      if (sharesProfit) soldThisMonth[supplier]! += sold;
      const net = paid - sold * farmGateFen;
      const valueWithout = Math.round(sold * valuePerUnit);
      const volume = Math.round(sold * unsoldValuePerUnit);
      const premium = paid - valueWithout - volume;
      households.creditSales(this.households[supplier]!, sold, paid, net, premium, volume, valueWithout);
      netTotal += net;
      premiumTotal += premium;
      volumeTotal += volume;
      withoutTotal += valueWithout;
    }
    flows.householdNetIncome += netTotal;
    flows.gainPremium += premiumTotal;
    flows.gainVolume += volumeTotal;
    flows.farmSalesWithout += withoutTotal;
    flows.gain += premiumTotal + volumeTotal;
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
    if (this.profitShare === 0) return;
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

  /** The season's offline market clears (a season closes, a year renews, the run ends): see OfflineAccounts.settle. */
  settleOffline(households: HouseholdTable, flows: Flows): void {
    this.offline!.settle(households, flows);
  }
}
