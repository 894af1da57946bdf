/**
 * A product's offline accounts, season by season: every grower's whole harvest, what it sold
 * online, what it carries over (with live commerce and without), and the county's offline market
 * where the rest goes. The counterfactual — the same harvest sold offline only — is known when a
 * season opens; the market with live commerce clears when the season closes (or a year renews,
 * or the run ends), and each grower is credited the difference.
 */
import type { Flows } from '../money/flows.js';
import type { HouseholdTable } from './households.js';
import { OfflineMarket, type OfflineClearing } from './offline-market.js';
import type { OfflineMarketParams } from '../params.js';

export class OfflineAccounts {
  private readonly market: OfflineMarket;
  /** Units each grower sold online this season (added to by ProductState.settle's nightly loop, which is hot). */
  readonly soldOnline: Float64Array;
  /** Units each grower carries into the next season's market, with live commerce and without (dry goods). */
  private readonly carried: Float64Array;
  private readonly carriedWithout: Float64Array;
  /** The counterfactual market of the season in progress (undefined: no season open). */
  private without: OfflineClearing | undefined;

  constructor(
    private readonly spec: OfflineMarketParams,
    /** The farm-gate price (fen): the market's price at its reference quantity. */
    private readonly farmGateFen: number,
    /** The growing households and each one's whole harvest a season (units), in the same order. */
    private readonly growers: readonly number[],
    private readonly harvests: readonly number[],
  ) {
    const count = growers.length;
    this.soldOnline = new Float64Array(count);
    this.carried = new Float64Array(count);
    this.carriedWithout = new Float64Array(count);
    this.market = new OfflineMarket(spec, farmGateFen, sum(harvests));
  }

  /**
   * The counterfactual of the season in progress: the price and the share sold had the whole
   * harvest gone offline (the farm-gate price, all sold, before any season opened).
   */
  get counterfactual(): OfflineClearing {
    return this.without ?? { price: this.farmGateFen, soldShare: 1 };
  }

  /** A season opens: its counterfactual market is the whole harvest plus what the counterfactual carried over. */
  openSeason(): void {
    this.without = this.market.clear(sum(this.harvests) + sum(this.carriedWithout));
  }

  /**
   * The season's offline market clears: every grower brings what it did not sell online (plus
   * what it carried over), and every one sells the same share at the market's price. Each is
   * credited the difference from the counterfactual, where the whole harvest went to market.
   * A no-op with no season open.
   */
  settle(households: HouseholdTable, flows: Flows): void {
    const without = this.without;
    if (without === undefined) return;
    this.without = undefined;
    const { harvests, carried, carriedWithout, soldOnline } = this;
    const count = this.growers.length;
    let brought = 0;
    let online = 0;
    for (let grower = 0; grower < count; grower++) {
      brought += harvests[grower]! + carried[grower]! - soldOnline[grower]!;
      online += soldOnline[grower]!;
    }
    const withIt = this.market.clear(brought, online);
    const valueWith = withIt.price * withIt.soldShare;
    const valueWithout = without.price * without.soldShare;
    const carries = this.spec.unsold === 'carried';
    let unsold = 0;
    let unsoldWithout = 0;
    for (let grower = 0; grower < count; grower++) {
      const harvest = harvests[grower]!;
      const sold = soldOnline[grower]!;
      const had = harvest + carried[grower]!;
      const hadWithout = harvest + carriedWithout[grower]!;
      const withFen = Math.round((had - sold) * valueWith);
      const withoutFen = Math.round((hadWithout - sold) * valueWithout);
      const volumeFen = Math.round((had - hadWithout) * valueWithout);
      if (withFen !== 0 || withoutFen !== 0) households.creditOffline(this.growers[grower]!, withFen, withoutFen, volumeFen, flows);
      const left = (had - sold) * (1 - withIt.soldShare);
      const leftWithout = hadWithout * (1 - without.soldShare);
      unsold += left;
      unsoldWithout += leftWithout;
      carried[grower] = carries ? left : 0;
      carriedWithout[grower] = carries ? leftWithout : 0;
      soldOnline[grower] = 0;
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
