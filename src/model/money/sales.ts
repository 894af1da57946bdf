/**
 * Selling: the one mechanism both fidelities use to turn purchase decisions into orders filled
 * from limited stock, and to split every fen of GMV between refunds, spoilage, the platform,
 * the anchor, logistics, processing, the intermediary and the farmers.
 */
import { binomial, poisson } from '../../engine/distributions.js';
import type { Uniform } from '../../engine/random.js';
import type { SalesChannel } from './channel.js';
import type { LedgerPart } from './flows.js';
import type { LiveBroadcast } from '../demand/live-broadcast.js';
import type { BehaviourParams } from '../params.js';
import type { ProductState } from '../supply/products.js';

/**
 * What one sale did. The seller reuses a single instance (no allocation per order), so
 * subscribers must copy what they keep.
 */
export class Sale implements Record<LedgerPart, number> {
  channel!: SalesChannel;
  product!: ProductState;
  orders = 0;
  units = 0;
  lostOrders = 0;
  lostUnits = 0;
  /** What the lost units would have paid (fen). */
  lostGmv = 0;
  claimedOrders = 0;
  spoiledUnits = 0;
  /** True when this sale emptied the product's stock. */
  stockOut = false;
  gmv = 0;
  refunds = 0;
  spoilage = 0;
  platformFees = 0;
  anchorCommission = 0;
  logistics = 0;
  processing = 0;
  intermediaryMargin = 0;
  farmerRevenue = 0;
}

export class Seller {
  private readonly sale = new Sale();
  private readonly unitsPerOrder: BehaviourParams['unitsPerOrder'];

  constructor(
    behaviour: BehaviourParams,
    /** Receives every sale (and every slot-fee charge) as it happens. */
    private readonly record: (sale: Sale) => void,
  ) {
    this.unitsPerOrder = behaviour.unitsPerOrder;
  }

  /** Total units in `orders` orders. */
  private drawUnits(uniform: Uniform, orders: number): number {
    const spec = this.unitsPerOrder;
    if (spec.kind === 'fixed') return orders * spec.units;
    return orders + poisson(uniform, orders * (spec.mean - 1));
  }

  /** `orders` buyers on `channel` order `product` now; returns how many of the orders stock could fill. */
  sell(channel: SalesChannel, product: ProductState, ordered: number, now: number, uniform: Uniform): number {
    if (ordered <= 0) return 0;
    const sale = this.begin(channel, product);
    // A logistics shock ships only a share of the orders: the rest are lost demand, though not for want of stock.
    const orders = product.shock.capacity < 1 ? binomial(uniform, ordered, product.shock.capacity) : ordered;
    const unshipped = ordered - orders;
    const unshippedUnits = unshipped > 0 ? this.drawUnits(uniform, unshipped) : 0;
    const wanted = this.drawUnits(uniform, orders);
    let units = wanted;
    let filledOrders = orders;
    if (product.available <= 0) {
      units = 0;
      filledOrders = 0;
    } else if (wanted > product.available) {
      units = product.available;
      filledOrders = Math.min(orders, Math.max(1, Math.round((orders * units) / wanted)));
    }
    const price = channel.unitPriceFen(product);
    sale.lostOrders = orders - filledOrders + unshipped;
    sale.lostUnits = wanted - units + unshippedUnits;
    sale.lostGmv = sale.lostUnits * price;
    product.shortUnits += wanted - units;
    if (units > 0) {
      sale.stockOut = product.take(units);
      sale.orders = filledOrders;
      sale.units = units;
      this.split(sale, price, uniform);
    }
    channel.noteSale(sale, now);
    this.settle(sale);
    return sale.orders;
  }

  /** The sale done: the shop selling the product (if one does) keeps its margin, and the sale is recorded. */
  private settle(sale: Sale): void {
    sale.product.shop?.noteSale(sale.orders, sale.intermediaryMargin);
    this.record(sale);
  }

  /** Splits the sale's `units` (of its `orders`, at `price` fen a unit) between claims, spoilage and the ledger's parts. */
  private split(sale: Sale, price: number, uniform: Uniform): void {
    const { channel, product, orders, units } = sale;
    const gross = units * price;
    const claimed = product.claimRate > 0 ? binomial(uniform, orders, product.claimRate) : 0;
    const claimedUnits = claimed === orders ? units : Math.round((units * claimed) / orders);
    // Delays in transit (a logistics shock) spoil a further share of what ships.
    const spoilage = product.shock.spoilage > 0 ? 1 - (1 - product.spoilage) * (1 - product.shock.spoilage) : product.spoilage;
    const spoiled = spoilage > 0 ? binomial(uniform, units - claimedUnits, spoilage) : 0;
    sale.claimedOrders = claimed;
    sale.spoiledUnits = spoiled;
    sale.gmv = gross;
    sale.refunds = claimedUnits * price;
    sale.spoilage = spoiled * price;
    const settled = gross - sale.refunds - sale.spoilage;
    sale.platformFees = Math.round(settled * channel.platformFeeRate);
    sale.anchorCommission = Math.round(settled * channel.commissionRate);
    sale.logistics = orders * (product.shock.parcelFactor === 1 ? product.parcelFen : Math.round(product.parcelFen * product.shock.parcelFactor));
    sale.processing = units * product.processingFen;
    const sellerNet = settled - sale.platformFees - sale.anchorCommission - sale.logistics - sale.processing;
    this.payOut(sale, product, sellerNet, units);
  }

  /**
   * A broadcast's slot fee, charged to the sellers of the products it showed (in proportion to
   * their sales, or evenly when it sold nothing).
   */
  chargeSlotFee(broadcast: LiveBroadcast, feeFen: number): void {
    if (feeFen <= 0) return;
    const shown = [...new Set(broadcast.lineup.map((slot) => slot.product))];
    const totalGmv = shown.reduce((sum, product) => sum + broadcast.gmvByProduct[product.index]!, 0);
    let left = feeFen;
    shown.forEach((product, position) => {
      const share =
        position === shown.length - 1
          ? left
          : Math.round(totalGmv > 0 ? (feeFen * broadcast.gmvByProduct[product.index]!) / totalGmv : feeFen / shown.length);
      left -= share;
      const sale = this.begin(broadcast, product);
      sale.anchorCommission = share;
      this.payOut(sale, product, -share, 0);
      broadcast.sellerMargin += sale.intermediaryMargin;
      this.settle(sale);
    });
  }

  /**
   * The seller (the farmers' cooperative, or a shop) pays the households what it buys the units
   * for (the farm-gate price, or the shop's contract price) and keeps the rest as its margin. A
   * charge without units (a slot fee) comes out of the margin. The product's profit share is paid
   * at the month's end on its net margin (ProductState.payDividend), so a loss-making sale (a
   * claim, a slot fee) offsets the gains of the others however the sales were batched.
   */
  private payOut(sale: Sale, product: ProductState, sellerNet: number, units: number): void {
    const bought = units * product.purchaseFen;
    const margin = sellerNet - bought;
    sale.farmerRevenue = bought;
    sale.intermediaryMargin = margin;
    product.unsettledUnits += units;
    product.unsettledFarmerRevenue += bought;
    product.monthMargin += margin;
  }

  private begin(channel: SalesChannel, product: ProductState): Sale {
    const sale = this.sale;
    sale.channel = channel;
    sale.product = product;
    sale.orders = sale.units = sale.lostOrders = sale.lostUnits = sale.claimedOrders = sale.spoiledUnits = 0;
    sale.stockOut = false;
    // Spelled out, not looped over LEDGER_PARTS: this runs for every sale. A part left out here
    // would carry over from the last sale, and the ledger tests (parts add up to GMV) would fail.
    sale.gmv = sale.lostGmv = sale.refunds = sale.spoilage = sale.platformFees = sale.anchorCommission = 0;
    sale.logistics = sale.processing = sale.intermediaryMargin = sale.farmerRevenue = 0;
    return sale;
  }
}
