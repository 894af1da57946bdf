/**
 * A farmer group whose households join the selling network as the sellers need their produce:
 * at each month's end, the month's lost demand for the products the group grows (units ordered
 * that no stock could fill) brings in enough more households to have filled it, each bringing
 * its capacity spread over its season's months. So how many growers sell is set by the orders
 * the sellers must fill, not by an assumed diffusion. A product has at most one such group (the
 * scenario's validation says so), which answers its whole shortfall.
 */
import type { ProductState } from './products.js';

const MONTHS_PER_YEAR = 12;
const DAYS_PER_MONTH = 365 / MONTHS_PER_YEAR;

export interface GrownProduct {
  readonly product: ProductState;
  /** Mean online capacity a season of one of the group's simulated households (units). */
  readonly meanCapacity: number;
}

export class DemandRecruiting {
  private target: number;
  /** Each product's lost units when the last month closed. */
  private readonly lostSeen: number[];

  constructor(
    private readonly households: number,
    private readonly grown: readonly GrownProduct[],
    initial: number,
  ) {
    this.target = Math.min(households, initial);
    this.lostSeen = grown.map(() => 0);
  }

  /** Simulated households of the group in the network. */
  joined(): number {
    return this.target;
  }

  /** Month end: the households the month's lost demand called for join (at most the whole group). */
  closeMonth(): void {
    let needed = 0;
    this.grown.forEach(({ product, meanCapacity }, index) => {
      const lost = product.shortUnits - this.lostSeen[index]!;
      this.lostSeen[index] = product.shortUnits;
      const perMonth = meanCapacity / seasonMonths(product);
      if (lost > 0 && perMonth > 0) needed = Math.max(needed, Math.ceil(lost / perMonth));
    });
    this.target = Math.min(this.households, this.target + needed);
  }
}

/** Months a product's stock is on sale in a year: its harvest window, or the whole year. */
function seasonMonths(product: ProductState): number {
  return product.seasonDays === undefined ? MONTHS_PER_YEAR : Math.max(1, product.seasonDays / DAYS_PER_MONTH);
}
