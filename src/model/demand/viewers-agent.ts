/**
 * Agent fidelity: every viewer is an entity with its own arrival, dwell time and purchase
 * chances. Arrivals are a non-homogeneous Poisson process, drawn by inverting its cumulative
 * intensity (unit-rate exponential gaps mapped through the arrival curve), so that the k-th
 * viewer of two scenarios arrives on the same random number and gets the same dwell time
 * (common random numbers). Purchases are a Poisson process with a hazard that changes as the
 * broadcast goes on, drawn by thinning (Lewis and Shedler): candidates at the maximal hazard,
 * each accepted with probability hazard(t) / maximal hazard.
 */
import { exponential } from '../../engine/distributions.js';
import type { EventStream } from '../../engine/event-stream.js';
import type { Simulation } from '../../engine/simulation.js';
import type { DwellDistribution } from './audience.js';
import type { LiveBroadcast } from './live-broadcast.js';
import type { Seller } from '../money/sales.js';
import type { AudienceSink, ViewerProcess } from './viewer-process.js';
import { ViewerPool } from './viewer-pool.js';

export class AgentViewers implements ViewerProcess {
  private readonly arrivals: EventStream<LiveBroadcast>;
  /** Viewers are numbers into the pool, so that no event allocates. */
  private readonly viewers = new ViewerPool();
  private readonly departures: EventStream<number>;
  private readonly purchaseChances: EventStream<number>;
  private readonly slotChanges: EventStream<LiveBroadcast>;

  constructor(
    private readonly simulation: Simulation,
    private readonly dwell: DwellDistribution,
    private readonly seller: Seller,
    private readonly audience: AudienceSink,
  ) {
    this.arrivals = simulation.stream('viewer/arrived');
    this.departures = simulation.stream('viewer/left');
    this.purchaseChances = simulation.stream('viewer/purchase-chance');
    this.slotChanges = simulation.stream('broadcast/slot-changed');
    this.arrivals.on((broadcast) => this.arrive(broadcast));
    this.departures.on((viewer) => this.leave(viewer));
    this.purchaseChances.on((viewer) => this.considerPurchase(viewer));
    this.slotChanges.on((broadcast) => this.changeSlot(broadcast));
  }

  begin(broadcast: LiveBroadcast): void {
    const first = this.nextArrival(broadcast);
    if (first < broadcast.end) this.simulation.schedule(first, this.arrivals, broadcast);
    if (broadcast.nextSlotAt < broadcast.end) this.simulation.schedule(broadcast.nextSlotAt, this.slotChanges, broadcast);
  }

  finish(): void {
    // Nothing to do: pending events of a broadcast that is off air are ignored when they come.
  }

  /** The next arrival, or +Infinity when the broadcast ends first. */
  private nextArrival(broadcast: LiveBroadcast): number {
    const rate = broadcast.peakArrivalRate;
    if (!(rate > 0)) return Number.POSITIVE_INFINITY;
    broadcast.arrivalClock += exponential(broadcast.anchor.random.arrivals, 1);
    const time = broadcast.start + broadcast.curve.timeAtIntegral(broadcast.arrivalClock / rate);
    return time < broadcast.end ? time : Number.POSITIVE_INFINITY;
  }

  private arrive(broadcast: LiveBroadcast): void {
    if (!broadcast.onAir) return;
    const now = this.simulation.now;
    broadcast.arrived(1);
    this.audience.viewersArrived(1);
    this.audience.concurrencyChanged(1);
    const leaves = Math.min(broadcast.end, now + this.dwell.sample(broadcast.anchor.random.dwell));
    const viewer = this.viewers.admit(broadcast, leaves);
    this.simulation.schedule(leaves, this.departures, viewer);
    if (broadcast.maxHazard > 0) {
      const chance = now + exponential(broadcast.anchor.random.viewers, 1 / broadcast.maxHazard);
      if (chance < leaves) this.simulation.schedule(chance, this.purchaseChances, viewer);
    }
    const next = this.nextArrival(broadcast);
    if (next < broadcast.end) this.simulation.schedule(next, this.arrivals, broadcast);
  }

  private considerPurchase(viewer: number): void {
    const broadcast = this.viewers.broadcastOf(viewer);
    if (!broadcast.onAir) return;
    const now = this.simulation.now;
    const uniform = broadcast.anchor.random.viewers;
    const slot = broadcast.onScreen;
    if (slot !== undefined) {
      const hazard = broadcast.hazard(now);
      // At the maximal hazard every candidate is a purchase: no draw needed.
      if (hazard >= broadcast.maxHazard || uniform() * broadcast.maxHazard < hazard) {
        this.seller.sell(broadcast, slot.product, 1, now, broadcast.anchor.random.orders);
      }
    }
    const next = now + exponential(uniform, 1 / broadcast.maxHazard);
    if (next < this.viewers.leavesAt(viewer)) this.simulation.schedule(next, this.purchaseChances, viewer);
  }

  private leave(viewer: number): void {
    const broadcast = this.viewers.broadcastOf(viewer);
    this.viewers.release(viewer);
    if (!broadcast.onAir) return;
    broadcast.concurrent--;
    this.audience.concurrencyChanged(-1);
  }

  private changeSlot(broadcast: LiveBroadcast): void {
    if (!broadcast.onAir) return;
    broadcast.advanceSlot(this.simulation.now);
    if (broadcast.nextSlotAt < broadcast.end) this.simulation.schedule(broadcast.nextSlotAt, this.slotChanges, broadcast);
  }
}
