/**
 * A population that grows by adoption: a Bass diffusion (f / (1 - F) = p + q F, rates per year)
 * drawn day by day, with churn. Used for classes of anchors and stores, and for households
 * joining a supplier network. Counts only; who the members are is the owner's business.
 */
import { binomial } from '../../engine/distributions.js';
import type { Uniform } from '../../engine/random.js';

export interface AdoptionSpec {
  readonly initial: number;
  readonly innovation: number;
  readonly imitation: number;
  readonly churnPerYear?: number;
}

const DAYS_PER_YEAR = 365;

export class Population {
  /** Members active now. */
  active: number;
  /** Members who ever started (active or since gone). */
  appeared: number;

  constructor(
    private readonly spec: AdoptionSpec,
    /** Everyone who could ever start (the Bass market potential M). */
    readonly potential: number,
    private readonly uniform: Uniform,
  ) {
    this.active = spec.initial;
    this.appeared = spec.initial;
  }

  /** One day of adoption and churn; returns how many started and how many stopped. */
  advanceDay(): { started: number; stopped: number } {
    const { innovation, imitation } = this.spec;
    const candidates = Math.max(0, this.potential - this.appeared);
    let started = 0;
    if (candidates > 0 && (innovation > 0 || imitation > 0)) {
      const hazard = innovation + (imitation * this.active) / this.potential;
      started = binomial(this.uniform, candidates, 1 - Math.exp(-hazard / DAYS_PER_YEAR));
    }
    const churn = this.spec.churnPerYear ?? 0;
    const stopped = churn > 0 ? binomial(this.uniform, this.active, 1 - Math.exp(-churn / DAYS_PER_YEAR)) : 0;
    this.active += started - stopped;
    this.appeared += started;
    return { started, stopped };
  }

  /** Members who start for another reason (spin-offs from a shop's staff). */
  add(count: number): void {
    this.active += count;
    this.appeared += count;
  }
}
