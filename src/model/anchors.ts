/** An anchor during a run: its audience, its commission terms, and its own random streams. */
import type { Uniform } from '../engine/random.js';
import type { RandomStreams } from '../engine/random.js';
import type { Anchor, Platform } from '../scenario/schema.js';
import { Flows } from './flows.js';

export class AnchorState {
  readonly id: string;
  readonly name: string;
  readonly kind: Anchor['kind'];
  followers: number;
  readonly flows = new Flows();
  /** Separate streams so that, e.g., a change in order sizes leaves arrivals untouched. */
  readonly random: {
    readonly schedule: Uniform;
    readonly audience: Uniform;
    readonly arrivals: Uniform;
    readonly viewers: Uniform;
    readonly orders: Uniform;
  };

  constructor(
    readonly index: number,
    readonly spec: Anchor,
    readonly platform: Platform,
    streams: RandomStreams,
  ) {
    this.id = spec.id;
    this.name = spec.name ?? spec.id;
    this.kind = spec.kind;
    this.followers = spec.followers;
    const stream = (purpose: string) => streams.stream(`anchor/${spec.id}/${purpose}`);
    this.random = {
      schedule: stream('schedule'),
      audience: stream('audience'),
      arrivals: stream('arrivals'),
      viewers: stream('viewers'),
      orders: stream('orders'),
    };
  }

  /** Expected views of one broadcast before night-to-night variation: followers tuning in plus feed traffic. */
  expectedViews(welfare: boolean): { fromFollowers: number; fromFeed: number } {
    const boost = welfare ? this.platform.welfare.trafficBoost : 1;
    return { fromFollowers: this.followers * this.spec.tuneInShare, fromFeed: this.spec.recommendedTraffic * boost };
  }

  commissionRate(welfare: boolean): number {
    return welfare ? this.spec.commission.welfareRate : this.spec.commission.rate;
  }

  slotFeeFen(welfare: boolean): number {
    return Math.round((welfare ? this.spec.commission.welfareSlotFee : this.spec.commission.slotFee) * 100);
  }

  /** Platform fee rate on settled sales (the fee is waived for welfare broadcasts when the platform says so). */
  platformFeeRate(welfare: boolean): number {
    const fee = welfare && this.platform.welfare.feeWaiver ? 0 : this.platform.feeRate;
    return fee + this.platform.paymentFeeRate;
  }
}
