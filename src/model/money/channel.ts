import type { AnchorState } from '../demand/anchors.js';
import type { Flows } from './flows.js';
import type { ProductState } from '../supply/products.js';
import type { Sale } from './sales.js';

/**
 * Somewhere products are sold: a broadcast on air, or a store's listings. The seller asks it
 * for prices and rates, and tells it about every sale.
 */
export interface SalesChannel {
  /** Public-welfare sales: welfare price, welfare commission, the platform's fee waiver. */
  readonly welfare: boolean;
  /** Platform fee plus payment fee, as a share of settled sales. */
  readonly platformFeeRate: number;
  /** Anchor commission as a share of settled sales (0 for listings). */
  readonly commissionRate: number;
  /** The anchor selling, if any. */
  readonly anchor: AnchorState | undefined;
  /** Accumulators of the groups (platform, tags) this channel's sales count toward. */
  readonly groups: readonly Flows[];
  /** Called after every sale on this channel. */
  noteSale(sale: Sale, now: number): void;
  /** The price per unit a buyer pays for `product` here (fen): the seller's price on these terms. */
  unitPriceFen(product: ProductState): number;
}
