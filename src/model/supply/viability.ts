/**
 * Whether a seller would offer a product on a channel at all. Selling online only makes sense
 * when what the seller keeps per unit, after refunds, spoilage, the platform, the anchor,
 * logistics and processing, is at least what the households would get from the wholesaler (the
 * farm-gate price). Below that a seller stops the product, unless the scenario marks the sale
 * as subsidised (a welfare sale someone pays for).
 */
import type { BehaviourParams } from '../params.js';
import type { PriceTerms } from '../money/pricing.js';
import type { ProductState } from './products.js';

export interface ChannelTerms extends PriceTerms {
  /** The scenario says someone covers a loss: sell anyway. */
  readonly subsidised: boolean;
}

/** A product a seller would not offer on a channel, and why. */
export interface DroppedListing {
  readonly channel: string;
  readonly product: string;
  /** What the seller would keep per unit before paying the households (yuan). */
  readonly netPerUnit: number;
  /** What the households get per unit from the wholesaler (yuan). */
  readonly farmGatePrice: number;
}

export function meanUnitsPerOrder(units: BehaviourParams['unitsPerOrder']): number {
  return units.kind === 'fixed' ? units.units : units.mean;
}

/** Expected seller's net per unit on a channel, before paying the households (fen). */
function expectedNetPerUnitFen(product: ProductState, terms: ChannelTerms, unitsPerOrder: number): number {
  const settled = product.unitPriceFen(terms) * (1 - product.claimRate) * (1 - product.spoilage);
  return settled * (1 - terms.platformFeeRate - terms.commissionRate) - product.parcelFen / unitsPerOrder - product.processingFen;
}

/** The dropped listing when `product` does not pay on the channel, or undefined when it does (or is subsidised). */
export function unviableListing(channel: string, product: ProductState, terms: ChannelTerms, unitsPerOrder: number): DroppedListing | undefined {
  const net = expectedNetPerUnitFen(product, terms, unitsPerOrder);
  if (terms.subsidised || net >= product.farmGateFen) return undefined;
  return { channel, product: product.id, netPerUnit: Math.round(net) / 100, farmGatePrice: product.farmGateFen / 100 };
}
