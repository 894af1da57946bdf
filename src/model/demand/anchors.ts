/**
 * An anchor during a run (or a class of identical anchors growing by adoption): its audience,
 * its commission terms, and its own random streams.
 */
import type { RandomStreams, Uniform } from '../../engine/random.js';
import { DatedSeries } from '../time/dated-series.js';
import { Flows } from '../money/flows.js';
import type { PlatformMarket } from './market.js';
import type { NicheAudience } from './niche.js';
import type { AnchorParams, PlatformParams } from '../params.js';
import { Population } from './population.js';

export class AnchorState {
  readonly id: string;
  readonly name: string;
  /** Followers of one anchor (for a class: the mean over its active anchors). */
  followers: number;
  /** Where the dated follower counts stood at the last midnight (`followerPath`), when the scenario gives them. */
  private pathFollowers: number | undefined;
  private readonly followerPath: DatedSeries | undefined;
  /** Today's broadcasts shocks, multiplied: scales a class's rate-scheduled broadcasts (src/model/time/shocks.ts). */
  broadcastFactor = 1;
  /** For a class of anchors: how many there are. */
  readonly population: Population | undefined;
  readonly flows = new Flows();
  /** Separate streams so that, e.g., a change in order sizes leaves arrivals untouched. */
  readonly random: {
    readonly schedule: Uniform;
    readonly audience: Uniform;
    readonly arrivals: Uniform;
    /** Dwell times, one per viewer in arrival order. */
    readonly dwell: Uniform;
    readonly viewers: Uniform;
    readonly orders: Uniform;
    /** Breakout nights, and how well each broadcast sells: streams of their own, so adding them moves no other draw. */
    readonly breakouts: Uniform;
    readonly sales: Uniform;
  };

  constructor(
    readonly index: number,
    readonly spec: AnchorParams,
    readonly platform: PlatformParams,
    /** Flows of the groups this anchor's sales count toward (platform, tags). */
    readonly groups: readonly Flows[],
    streams: RandomStreams,
    /** The platform's shared market, when it declares one: feed traffic shrinks as sellers crowd it. */
    readonly market?: PlatformMarket,
    /** The niche whose pool its feed traffic shares with the other anchors in it, when it declares one. */
    readonly niche?: NicheAudience,
  ) {
    this.id = spec.id;
    this.name = spec.name ?? spec.id;
    this.followerPath = spec.followerPath && new DatedSeries(spec.followerPath.map((point) => [point.minute, point.followers] as const));
    this.pathFollowers = this.followerPath && spec.followers;
    this.followers = spec.followers;
    const stream = (purpose: string) => streams.stream(`anchor/${spec.id}/${purpose}`);
    this.random = {
      schedule: stream('schedule'),
      audience: stream('audience'),
      arrivals: stream('arrivals'),
      dwell: stream('dwell'),
      viewers: stream('viewers'),
      orders: stream('orders'),
      breakouts: stream('breakouts'),
      sales: stream('sales'),
    };
    const population = spec.population;
    this.population = population && new Population(population, population.potential, stream('population'));
  }

  /** Anchors active now: 1 for a single anchor. */
  get active(): number {
    return this.population?.active ?? 1;
  }

  /**
   * A new day at `minute`: a following that grows outside the simulated broadcasts moves with its
   * dated counts (what the broadcasts gained stays on top), and a class of anchors adopts;
   * newcomers start with the scenario's follower count (today's, for dated counts).
   */
  advanceDay(minute: number): void {
    if (this.followerPath) {
      const today = this.followerPath.at(minute);
      this.followers += today - this.pathFollowers!;
      this.pathFollowers = today;
    }
    const population = this.population;
    if (!population) return;
    const before = population.active;
    const { started, stopped } = population.advanceDay();
    const stayed = before - stopped;
    const newcomers = this.pathFollowers ?? this.spec.followers;
    this.followers = population.active > 0 ? (this.followers * stayed + newcomers * started) / population.active : newcomers;
  }

  /**
   * Expected views of one broadcast before night-to-night variation: followers tuning in plus
   * feed traffic, the share of its pull (`feedPull`) the platform's crowded market and its niche grant it.
   */
  expectedViews(welfare: boolean): { fromFollowers: number; fromFeed: number } {
    const crowding = (this.market?.crowding ?? 1) * (this.niche?.crowding ?? 1);
    // A traffic shock or promotion brings more (or fewer) of the platform's shoppers, followers included.
    const traffic = this.market?.trafficFactor ?? 1;
    return { fromFollowers: this.followers * this.spec.tuneInShare * traffic, fromFeed: this.feedPull(welfare) * crowding * traffic };
  }

  /** Feed views a broadcast would draw from an uncrowded market: what it pulls on the platform's pool. */
  feedPull(welfare: boolean): number {
    return this.spec.recommendedTraffic * (welfare ? this.platform.welfare.trafficBoost : 1);
  }

  commissionRate(welfare: boolean): number {
    return welfare ? this.spec.commission.welfareRate : this.spec.commission.rate;
  }

  slotFeeFen(welfare: boolean): number {
    return Math.round((welfare ? this.spec.commission.welfareSlotFee : this.spec.commission.slotFee) * 100);
  }

}
