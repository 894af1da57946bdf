/**
 * An audience inside a platform's market that only some anchors reach: the viewers who look for
 * one county's produce, or the platform's farm live rooms. The platform's pool is far larger
 * than any small anchor's pull, so crowding there cannot make two anchors selling the same
 * produce compete; a niche can. Its pool N is the feed views a day its audience gives; the
 * anchors that declare it plan a pull P for the day (each planned broadcast's uncrowded feed
 * pull, summed), and each gets N / (N + P) of its pull, on top of the platform's crowding. A
 * rival entering the niche lowers everyone's share; the niche's views in all rise, less than the
 * rival's pull.
 */
import { DatedSeries } from '../time/dated-series.js';
import { shareOfPull } from './market.js';
import type { NicheParams } from '../params.js';

export class NicheAudience {
  /** Share of its feed pull each anchor in the niche gets today (1: nobody else is pulling). */
  crowding = 1;
  private readonly pool: DatedSeries;

  constructor(readonly spec: NicheParams) {
    this.pool = new DatedSeries(spec.views.map((point) => [point.minute, point.views] as const));
  }

  /** Feed views a day the niche's audience gives at `minute` (the pool N). */
  poolAt(minute: number): number {
    return this.pool.at(minute);
  }

  /** A new day: today's crowding from the pull the niche's anchors plan for it. */
  update(minute: number, plannedPull: number): void {
    const pool = this.poolAt(minute);
    this.crowding = shareOfPull(pool, plannedPull);
  }
}
