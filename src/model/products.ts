/**
 * A product on sale: its prices and costs in fen, its seasonal stock, and the households that
 * supply it. Orders take units from `available`; each midnight the units sold are allocated to
 * suppliers by the product's rule and the farmers' revenue is paid out.
 */
import { allocateUnits, apportion, type AllocationRule } from './allocation.js';
import { Flows } from './flows.js';
import type { HouseholdTable } from './households.js';
import type { ProductParams } from './params.js';
import type { ShopState } from './shops.js';

const toFen = (yuan: number) => Math.round(yuan * 100);

export class ProductState {
  readonly id: string;
  readonly name: string;
  readonly priceFen: number;
  readonly welfarePriceFen: number;
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

  /** Supplying households and each one's capacity per season (units), in the same order. */
  readonly households: number[] = [];
  readonly capacities: number[] = [];
  private remaining = new Float64Array(0);
  /** 1 for suppliers in the selling network (all of them, unless their group joins over time). */
  private active = new Uint8Array(0);

  /** Units that can still be sold this season. */
  available = 0;
  inSeason = false;
  /** Units sold and farmers' revenue (fen) since the last settlement. */
  unsettledUnits = 0;
  unsettledFarmerRevenue = 0;
  /** Units left unsold when seasons closed (sold through other channels, not lost). */
  unsoldAtSeasonEnd = 0;
  readonly flows = new Flows();
  /** The shop selling it, when a shop does. */
  shop: ShopState | undefined;

  constructor(
    readonly index: number,
    spec: ProductParams,
    contractPrice: number | undefined,
  ) {
    this.id = spec.id;
    this.name = spec.name ?? spec.id;
    this.priceFen = toFen(spec.price);
    this.welfarePriceFen = toFen(spec.price * (1 - spec.welfareDiscount));
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
  }

  /** The price a buyer pays per unit (fen): the welfare price in public-welfare sales. */
  unitPriceFen(welfare: boolean): number {
    return welfare ? this.welfarePriceFen : this.priceFen;
  }

  /**
   * How demand responds to the price paid relative to the market reference price: purchase
   * hazards and store conversions scale with (paid / reference)^-elasticity.
   */
  priceFactor(welfare: boolean, elasticity: number): number {
    const paid = this.unitPriceFen(welfare) / 100;
    return Math.pow(paid / this.referencePrice, -elasticity);
  }

  addSupplier(household: number, capacity: number): void {
    this.households.push(household);
    this.capacities.push(capacity);
  }

  /** Called once all suppliers are added, with whether each is in the network from the start. */
  finishSuppliers(activeFromStart: (household: number) => boolean): void {
    this.remaining = new Float64Array(this.capacities.length);
    this.active = Uint8Array.from(this.households, (household) => (activeFromStart(household) ? 1 : 0));
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

  /** A new season (or, without a season, a new year) starts: every supplier's capacity is renewed. */
  openSeason(): void {
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

  /** The harvest window ends: what is left is sold elsewhere. */
  closeSeason(): void {
    this.unsoldAtSeasonEnd += this.available;
    this.available = 0;
    this.inSeason = false;
  }

  /** Whether this product has a harvest window (rather than renewing every 1 January). */
  get seasonal(): boolean {
    return this.season !== undefined;
  }

  /**
   * Allocates the units sold since the last settlement to suppliers and pays them; returns the
   * households' net income (fen) beyond the farm-gate value.
   */
  settle(households: HouseholdTable): number {
    const units = this.unsettledUnits;
    const revenue = this.unsettledFarmerRevenue;
    this.unsettledUnits = 0;
    this.unsettledFarmerRevenue = 0;
    // Households are paid only for units: charges without units (slot fees) stay with the seller.
    if (units === 0) return 0;
    const poverty =
      this.allocation === 'poorest-first' ? Float64Array.from(this.households, (household) => households.baselinePerPerson[household]!) : new Float64Array(0);
    const shares = allocateUnits(this.allocation, units, this.remaining, poverty);
    const payments = apportion(revenue, shares);
    let net = 0;
    for (let supplier = 0; supplier < this.households.length; supplier++) {
      const sold = shares[supplier]!;
      const paid = payments[supplier]!;
      if (sold === 0 && paid === 0) continue;
      this.remaining[supplier]! -= sold;
      net += households.creditSales(this.households[supplier]!, sold, paid, sold * this.farmGateFen);
    }
    return net;
  }
}
