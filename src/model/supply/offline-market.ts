/**
 * The offline channel for a product: local traders or a county wholesale market, which takes a
 * season's harvest at a price that falls with the quantity the county brings.
 *
 * Inverse demand, linear through the reference point (Q_ref, P_ref) with point elasticity ε there:
 *
 *     P(Q) = P_ref · (1 + (1 − Q / Q_ref) / ε),   ε = demandElasticity / marketShare
 *
 * so P(Q_ref) = P_ref (the farm-gate price), P is finite when little comes to market, and
 * dQ/dP · P/Q = −ε at the reference point. The county is one supplier among several of the
 * market it sells into: the market's demand elasticity divided by the county's share of its
 * supply is how strongly the price the county gets responds to the county's own quantity (a
 * textbook residual-demand approximation, other suppliers' quantities held fixed). Below the floor price P_floor = floorShare · P_ref
 * picking and hauling do not pay: the market then takes only
 *
 *     Q_max = Q_ref · (1 + ε · (1 − floorShare))
 *
 * at P_floor, and the rest goes unsold (wasted, or carried over for dry goods). Rationing is
 * proportional: every household sells the same share of what it brings.
 *
 * Online buyers who would otherwise have bought the same produce offline (a share `diversion` of
 * the units sold online) take their demand with them: with live commerce the offline demand
 * curve shifts in, Q_ref becoming Q_ref − diversion · (units sold online). At a national scale,
 * where online sales mostly replace offline ones, this is what keeps the spillover honest.
 */
import type { OfflineMarketParams } from '../params.js';

export interface OfflineClearing {
  /** Price per unit (fen, fractional). */
  readonly price: number;
  /** Share of the units brought that sell (1 unless the floor binds). */
  readonly soldShare: number;
}

export class OfflineMarket {
  /** Units a season taken at the farm-gate price. */
  readonly referenceQuantity: number;

  constructor(
    private readonly spec: OfflineMarketParams,
    /** The farm-gate price (fen): the price at the reference quantity. */
    private readonly referencePriceFen: number,
    /** The whole harvest of the households who grow it, the default reference quantity (units). */
    harvest: number,
  ) {
    this.referenceQuantity = spec.referenceQuantity ?? harvest;
  }

  /** What `quantity` units brought to the market in a season fetch, when `soldOnline` units went online instead. */
  clear(quantity: number, soldOnline = 0): OfflineClearing {
    const { floorShare } = this.spec;
    const elasticity = this.spec.demandElasticity / this.spec.marketShare;
    const reference = Math.max(0, this.referenceQuantity - this.spec.diversion * soldOnline);
    // A market that takes nothing at the farm-gate price takes nothing at all.
    if (reference <= 0) return { price: this.referencePriceFen * floorShare, soldShare: 0 };
    const price = this.referencePriceFen * (1 + (1 - quantity / reference) / elasticity);
    const floor = this.referencePriceFen * floorShare;
    if (price >= floor) return { price, soldShare: 1 };
    const taken = reference * (1 + elasticity * (1 - floorShare));
    return { price: floor, soldShare: taken / quantity };
  }
}
