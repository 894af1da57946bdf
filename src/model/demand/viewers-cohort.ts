/**
 * Cohort fidelity: per time step, arrivals, departures and purchases are counts drawn from
 * Poisson and binomial distributions instead of individual viewers. Viewers are grouped by age
 * (steps watched) so that non-exponential dwell times keep their shape. Same parameters and
 * same selling mechanism as agent fidelity; a test checks the two agree in distribution.
 */
import { binomial, poisson } from '../../engine/distributions.js';
import type { EventStream } from '../../engine/event-stream.js';
import type { Simulation } from '../../engine/simulation.js';
import { CohortKernel, type DwellDistribution } from './audience.js';
import type { LiveBroadcast } from './live-broadcast.js';
import type { Seller } from '../money/sales.js';
import type { AudienceSink, ViewerProcess } from './viewer-process.js';

interface Cohorts {
  /** Viewers by age bucket (steps watched); the last bucket holds everyone older. */
  readonly ages: Float64Array;
  steppedTo: number;
}

export class CohortViewers implements ViewerProcess {
  private readonly steps: EventStream<LiveBroadcast>;
  private readonly kernel: CohortKernel;
  private readonly cohorts = new Map<LiveBroadcast, Cohorts>();

  constructor(
    private readonly simulation: Simulation,
    dwell: DwellDistribution,
    private readonly step: number,
    private readonly seller: Seller,
    private readonly audience: AudienceSink,
  ) {
    this.kernel = new CohortKernel(dwell, step);
    this.steps = simulation.stream('cohort/step');
    this.steps.on((broadcast) => this.onStep(broadcast));
  }

  begin(broadcast: LiveBroadcast): void {
    this.cohorts.set(broadcast, { ages: new Float64Array(this.kernel.leave.length), steppedTo: broadcast.start });
    const first = broadcast.start + this.step;
    if (first < broadcast.end) this.simulation.schedule(first, this.steps, broadcast);
  }

  finish(broadcast: LiveBroadcast, now: number): void {
    this.advance(broadcast, now);
    this.cohorts.delete(broadcast);
  }

  private onStep(broadcast: LiveBroadcast): void {
    if (!broadcast.onAir) return;
    const now = this.simulation.now;
    this.advance(broadcast, now);
    if (now >= broadcast.nextSlotAt) broadcast.advanceSlot(now);
    const next = now + this.step;
    if (next < broadcast.end) this.simulation.schedule(next, this.steps, broadcast);
  }

  /** Simulates the audience of `broadcast` from where it was up to `now` (one step, or less at the end). */
  private advance(broadcast: LiveBroadcast, now: number): void {
    const cohorts = this.cohorts.get(broadcast);
    if (cohorts === undefined || now <= cohorts.steppedTo) return;
    const from = cohorts.steppedTo;
    const fraction = (now - from) / this.step;
    const kernel = this.kernel;
    const { arrivals: arrivalUniform, viewers: uniform, orders: orderUniform } = broadcast.anchor.random;

    const expectedArrivals =
      broadcast.peakArrivalRate * (broadcast.curve.integralTo(now - broadcast.start) - broadcast.curve.integralTo(from - broadcast.start));
    const arrivals = poisson(arrivalUniform, expectedArrivals);

    // Exposure (viewer-minutes) and departures, oldest bucket first so survivors can move up.
    const ages = cohorts.ages;
    const last = ages.length - 1;
    let exposure = 0;
    let before = 0;
    let after = 0;
    for (let bucket = last; bucket >= 0; bucket--) {
      const present = ages[bucket]!;
      if (present === 0) continue;
      before += present;
      exposure += present * kernel.exposure[bucket]!;
      const leaveProbability = fraction === 1 ? kernel.leave[bucket]! : 1 - Math.pow(1 - kernel.leave[bucket]!, fraction);
      const stay = present - binomial(uniform, present, leaveProbability);
      ages[bucket] = 0;
      ages[Math.min(last, bucket + 1)]! += stay;
      after += stay;
    }
    exposure += arrivals * kernel.arrivalExposure;
    const survivors = binomial(uniform, arrivals, fraction === 1 ? kernel.arrivalSurvives : Math.pow(kernel.arrivalSurvives, fraction));
    ages[0]! += survivors;
    after += survivors;
    exposure *= now - from;

    broadcast.views += arrivals;
    broadcast.concurrent = after;
    if (after > broadcast.peakConcurrent) broadcast.peakConcurrent = after;
    this.audience.viewersArrived(arrivals);
    this.audience.concurrencyChanged(after - before);

    const slot = broadcast.onScreen;
    if (slot !== undefined && exposure > 0) {
      const orders = poisson(uniform, exposure * broadcast.hazard(from));
      this.seller.sell(broadcast, slot.product, orders, now, orderUniform);
    }
    cohorts.steppedTo = now;
  }
}
