/**
 * Broadcasts on the run's clock: series with precomputed starts go on air when due; classes of
 * anchors with a rate schedule are planned day by day in batches; a broadcast with nothing to
 * sell does not go on air; when one ends, its slot fee is charged and its feed viewers may follow.
 */
import { binomial, poisson } from '../../engine/distributions.js';
import type { EventStream } from '../../engine/event-stream.js';
import type { Simulation } from '../../engine/simulation.js';
import { MINUTES_PER_DAY } from '../time/calendar.js';
import { LiveBroadcast } from './live-broadcast.js';
import type { Metrics } from '../observation/metrics.js';
import type { BehaviourParams } from '../params.js';
import { breakoutFactor, nightFactor } from './night.js';
import type { Seller } from '../money/sales.js';
import type { ViewerProcess } from './viewer-process.js';
import type { SeriesPlan, World } from '../world.js';

/** Broadcasts of a class of anchors that go on air together. */
interface Batch {
  readonly plan: SeriesPlan;
  readonly count: number;
}

export class Broadcasting {
  /** Broadcasts launched so far (a batch counts once): the next one's index. */
  private launched = 0;
  private readonly starts: EventStream<SeriesPlan>;
  private readonly batches: EventStream<Batch>;
  private readonly ends: EventStream<LiveBroadcast>;

  constructor(
    private readonly simulation: Simulation,
    private readonly world: World,
    private readonly metrics: Metrics,
    private readonly viewers: ViewerProcess,
    private readonly seller: Seller,
    private readonly behaviour: BehaviourParams,
  ) {
    this.starts = simulation.stream('broadcast/started');
    this.batches = simulation.stream('broadcast/batch-started');
    this.ends = simulation.stream('broadcast/ended');
    this.starts.on((plan) => this.startPlanned(plan));
    this.batches.on((batch) => this.launch(batch.plan, batch.count));
    this.ends.on((broadcast) => this.endBroadcast(broadcast, this.simulation.now, true));
  }

  /** Schedules the first precomputed start of every series (classes' rate schedules are planned day by day: planDay). */
  begin(): void {
    for (const plan of this.world.plans) {
      if (plan.starts.length > 0) this.simulation.schedule(plan.starts[0]!, this.starts, plan);
    }
  }

  /** Ends every broadcast still on air (the run is over or stopped): recorded as unfinished. */
  endAll(now: number): void {
    for (const broadcast of [...this.world.live]) this.endBroadcast(broadcast, now, false);
  }

  /** A broadcast from a precomputed schedule: for a class of anchors, all its active anchors go live. */
  private startPlanned(plan: SeriesPlan): void {
    plan.next++;
    if (plan.next < plan.starts.length) this.simulation.schedule(plan.starts[plan.next]!, this.starts, plan);
    this.launch(plan, plan.anchor.active);
  }
  /**
   * Schedules today's broadcasts of anchor classes with a rate schedule: a Poisson number for
   * the active anchors, split over `batches` windows of the start-time range, each simulated as
   * one batch of simultaneous broadcasts.
   */
  planDay(midnight: number): void {
    for (const plan of this.world.plans) {
      const { anchor, series } = plan;
      const population = anchor.spec.population;
      const schedule = series.schedule;
      if (!population || schedule.kind !== 'rate') continue;
      // Same window as a single anchor's series: nothing before `from` or after `until`.
      if (midnight + MINUTES_PER_DAY <= schedule.from || midnight >= schedule.until) continue;
      const uniform = anchor.random.schedule;
      let left = poisson(uniform, anchor.active * schedule.perDay * anchor.broadcastFactor);
      const [earliest, latest] = schedule.between;
      const window = (latest - earliest) / population.batches;
      for (let batch = 0; batch < population.batches && left > 0; batch++) {
        const count = batch === population.batches - 1 ? left : binomial(uniform, left, 1 / (population.batches - batch));
        left -= count;
        const start = midnight + earliest + window * (batch + uniform());
        if (count > 0 && start >= this.simulation.now && start >= schedule.from && start < schedule.until) {
          this.simulation.schedule(start, this.batches, { plan, count });
        }
      }
    }
  }
  /** `count` broadcasts of a series go on air now, simulated together. */
  private launch(plan: SeriesPlan, count: number): void {
    const { simulation, world, metrics } = this;
    const now = simulation.now;
    if (count <= 0) return;
    const anchor = plan.anchor;
    // Nothing in the lineup in season and in stock: the anchor does not go on air.
    if (!plan.lineup.some((slot) => slot.product.available > 0)) {
      metrics.count('broadcastsSkipped', count);
      anchor.flows.broadcastsSkipped += count;
      return;
    }
    const welfare = plan.series.welfare;
    const { fromFollowers, fromFeed } = anchor.expectedViews(welfare);
    // Some nights draw more, some fewer (a batch: the mean of its broadcasts' nights).
    const series = plan.series;
    const night = nightFactor(anchor.random.audience, series.audience.variability, count) * breakoutFactor(anchor.random.breakouts, series.audience.breakout, count);
    // How well this broadcast (a batch: the mean of its broadcasts) sells per viewer.
    const selling = nightFactor(anchor.random.sales, series.salesVariability, count);
    // The market counts what broadcasts pull, as it counts stores' wanted visitors, not what crowding leaves them.
    if (anchor.market) anchor.market.feedPullToday += anchor.feedPull(welfare) * night * count;
    const broadcast = new LiveBroadcast({
      index: this.launched++,
      anchor,
      series: plan.series,
      start: now,
      lineup: plan.lineup,
      productCount: world.products.length,
      curve: plan.curve,
      expectedViews: (fromFollowers + fromFeed) * night * count,
      feedViews: fromFeed * night * count,
      behaviour: this.behaviour,
      count,
      selling,
    });
    broadcast.advanceSlot(now);
    world.live.add(broadcast);
    metrics.count('broadcasts', count);
    anchor.flows.broadcasts += count;
    if (welfare) {
      metrics.count('welfareBroadcasts', count);
      anchor.flows.welfareBroadcasts += count;
    }
    this.viewers.begin(broadcast);
    simulation.schedule(broadcast.end, this.ends, broadcast);
  }
  private endBroadcast(broadcast: LiveBroadcast, now: number, finished: boolean): void {
    if (!broadcast.onAir) return;
    const { world, metrics } = this;
    this.viewers.finish(broadcast, now);
    broadcast.onAir = false;
    world.live.delete(broadcast);
    world.watching.change(-broadcast.concurrent);
    broadcast.concurrent = 0;
    const anchor = broadcast.anchor;
    this.seller.chargeSlotFee(broadcast, anchor.slotFeeFen(broadcast.welfare));
    // Viewers sent by the feed (not yet followers) may start following.
    const fromFeed = Math.round(broadcast.views * broadcast.feedShare);
    const gained = binomial(anchor.random.audience, fromFeed, anchor.spec.followGain);
    // A class shares its new followers among its active anchors.
    anchor.followers += gained / Math.max(1, anchor.active);
    anchor.flows.followersGained += gained;
    anchor.flows.views += broadcast.views;
    metrics.count('followersGained', gained);
    metrics.recordBroadcast(broadcast, world.calendar.timeLabel(broadcast.start), now, finished);
  }
}
