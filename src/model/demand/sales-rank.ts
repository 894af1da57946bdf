/**
 * A store's place in the platform's search ranking, from its sales: Taobao and its peers rank
 * shops by what they have sold, so a new shop starts near the bottom with little traffic and
 * climbs as orders come in. The traffic one store gets is
 *
 *     visitors = opening + (mature − opening) · R / (R + halfOrders)
 *
 * where R is the store's orders over the last 365 days (a class of stores: per active store).
 */
const DAYS = 365;

export class SalesRank {
  /** Orders of each of the last 365 trading days, a ring. */
  private readonly daily = new Float64Array(DAYS);
  private day = 0;
  private yearOrders = 0;

  constructor(private readonly spec: { readonly openingVisitors: number; readonly halfOrders: number }) {}

  /** Records a trading day's orders (of all the stores of the entry). */
  closeDay(orders: number): void {
    const slot = this.day % DAYS;
    this.yearOrders += orders - this.daily[slot]!;
    this.daily[slot] = orders;
    this.day++;
  }

  /** Visitors a day one store gets now, of the `mature` it would get at the top, with `stores` sharing the orders. */
  visitors(mature: number, stores: number): number {
    const perStore = stores > 0 ? this.yearOrders / stores : 0;
    const opening = Math.min(this.spec.openingVisitors, mature);
    return opening + ((mature - opening) * perStore) / (perStore + this.spec.halfOrders);
  }
}
