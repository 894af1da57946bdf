/**
 * Shops that buy from farmers and sell online, and the people they employ. Each month the shop
 * hires (or lets go) workers to match the orders it handled, as far as its cash (the margin it
 * has kept, less its owner's share and the wages it has paid) can pay them; it pays their wages into their households,
 * and some workers, having learnt the trade, open shops of their own.
 */
import { binomial } from '../../engine/distributions.js';
import type { RandomStreams, Uniform } from '../../engine/random.js';
import type { Flows } from '../money/flows.js';
import type { HouseholdTable } from './households.js';
import type { ShopParams } from '../params.js';
import type { StoreState } from '../demand/stores.js';

export class ShopState {
  readonly id: string;
  /** Households employed now, in the order they were hired. */
  readonly workers: number[] = [];
  ordersThisMonth = 0;
  spinOffs = 0;
  /** Margin the shop has kept in all (fen), what its owner took of it, and wages paid in all (fen). */
  marginFen = 0;
  ownerFen = 0;
  wagesFen = 0;
  /** Margin kept this month (fen): the owner's share is taken from it at the month's end. */
  private monthMarginFen = 0;
  /** Month ends when the shop had more work than it could pay for. */
  monthsShortOfCash = 0;
  private nextCandidate = 0;
  private readonly uniform: Uniform;

  constructor(
    readonly spec: ShopParams,
    /** Households the shop can hire from (one worker each). */
    private readonly candidates: readonly number[],
    private readonly spinOffStore: StoreState | undefined,
    streams: RandomStreams,
  ) {
    this.id = spec.id;
    this.uniform = streams.stream(`shop/${spec.id}`);
  }

  /** A sale (or a charge) of one of the shop's products: its orders and the margin it kept. */
  noteSale(orders: number, marginFen: number): void {
    this.ordersThisMonth += orders;
    this.marginFen += marginFen;
    this.monthMarginFen += marginFen;
  }

  /** Margin kept so far less what the owner took and the wages paid (fen): what the shop can pay wages from. */
  get cashFen(): number {
    return this.marginFen - this.ownerFen - this.wagesFen;
  }

  /** Month end: match the workforce to the month's orders, pay wages (recorded into `flows`), and let workers spin off. */
  closeMonth(households: HouseholdTable, flows: Flows): void {
    const staff = this.spec.staff;
    if (!staff) return;
    // The owner's income first: her share of a month that made money.
    this.ownerFen += Math.round(Math.max(0, this.monthMarginFen) * staff.ownerShare);
    this.monthMarginFen = 0;
    const wageFen = Math.round(staff.wagePerMonth * 100);
    const wanted = Math.ceil(this.ordersThisMonth / staff.ordersPerWorkerMonth);
    // A shop hires only what its cash can pay: wages come out of the margin, never beyond it.
    const affordable = wageFen > 0 ? Math.floor(Math.max(0, this.cashFen) / wageFen) : wanted;
    const needed = Math.min(wanted, affordable);
    if (needed < wanted) this.monthsShortOfCash++;
    this.ordersThisMonth = 0;
    while (this.workers.length < needed && this.nextCandidate < this.candidates.length) {
      const household = this.candidates[this.nextCandidate++]!;
      this.workers.push(household);
      households.joined[household] = 1;
    }
    // Fewer orders: the most recently hired go first (they can be hired again later).
    while (this.workers.length > needed) {
      this.workers.pop();
      this.nextCandidate--;
    }
    for (const household of this.workers) households.creditWages(household, wageFen, flows);
    this.wagesFen += wageFen * this.workers.length;
    const spinOffs = staff.spinOffs;
    if (spinOffs && this.spinOffStore && this.workers.length > 0) {
      const opened = binomial(this.uniform, this.workers.length, 1 - Math.exp(-spinOffs.perWorkerYear / 12));
      this.spinOffs += opened;
      this.spinOffStore.population.add(opened);
    }
  }
}
