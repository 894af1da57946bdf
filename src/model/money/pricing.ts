/**
 * The retail price a seller asks on a channel. `fixed`: the product's stated price whatever it
 * costs to sell there. `cost-plus`: the stated price is what the seller asked when selling one
 * unit cost it `referenceCost`; on a channel where it costs more (or less) the seller passes a
 * share ρ (`passThrough`) of the difference on to the buyer:
 *
 *     keep(p)  = s · p − a                          what the seller keeps per unit at price p
 *     s        = (1 − claims)(1 − spoilage)(1 − platform and payment fees − commission)
 *     a        = purchase price + processing + parcel ÷ units per order
 *     p_full   = (p_ref − c_ref + a) / s              the price that keeps the reference margin
 *     p        = p_ref + ρ · (p_full − p_ref)
 *
 * ρ = 1 keeps the seller's margin per unit whatever the channel costs; ρ = 0 is a fixed price.
 * The welfare discount is applied after, explicitly: buyers on a welfare channel pay p · (1 − d).
 */
import type { ProductParams } from '../params.js';

/** What a channel charges a sale: its fees and commission as shares of the settled price, and whether it is a welfare sale. */
export interface PriceTerms {
  readonly welfare: boolean;
  readonly platformFeeRate: number;
  readonly commissionRate: number;
}

/** A product's costs per unit (fen) and rates, as the pricing rule reads them. */
export interface UnitCosts {
  readonly priceFen: number;
  readonly welfareDiscount: number;
  readonly purchaseFen: number;
  readonly processingFen: number;
  readonly parcelFen: number;
  readonly unitsPerOrder: number;
  readonly claimRate: number;
  readonly spoilage: number;
}

/** The most a cost-plus price may rise above the stated one: beyond it a channel's costs eat the whole price. */
const MAX_PRICE_MULTIPLE = 10;

/** The price per unit a buyer pays on a channel (fen, whole). */
export function retailPriceFen(pricing: ProductParams['pricing'], costs: UnitCosts, terms: PriceTerms): number {
  const before = pricing.kind === 'fixed' ? costs.priceFen : costPlusPriceFen(pricing, costs, terms);
  return Math.round(terms.welfare ? before * (1 - costs.welfareDiscount) : before);
}

function costPlusPriceFen(pricing: Extract<ProductParams['pricing'], { kind: 'cost-plus' }>, costs: UnitCosts, terms: PriceTerms): number {
  const reference = costs.priceFen;
  const kept = (1 - costs.claimRate) * (1 - costs.spoilage) * (1 - terms.platformFeeRate - terms.commissionRate);
  const perUnit = costs.purchaseFen + costs.processingFen + costs.parcelFen / costs.unitsPerOrder;
  const margin = reference - pricing.referenceCost * 100;
  const ceiling = reference * MAX_PRICE_MULTIPLE;
  const full = kept > 0 ? Math.min(ceiling, (margin + perUnit) / kept) : ceiling;
  return Math.max(0, reference + pricing.passThrough * (full - reference));
}
