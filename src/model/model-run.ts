/**
 * One run of the model: builds the world from a resolved scenario, wires the event handlers to
 * the engine, and runs it to the end (or until stopped), emitting snapshots on the way.
 * A run is a pure function of (scenario, seed).
 */
import { Subject, type Observable } from 'rxjs';
import { binomial, poisson } from '../engine/distributions.js';
import type { EventStream } from '../engine/event-stream.js';
import { Simulation, type EngineStatus } from '../engine/simulation.js';
import type { Scenario } from '../scenario/schema.js';
import { parseDuration, parseTimeOfDay } from '../scenario/units.js';
import { MINUTES_PER_DAY } from './calendar.js';
import { LiveBroadcast } from './live-broadcast.js';
import { Metrics } from './metrics.js';
import { nightFactor } from './night.js';
import { Seller } from './sales.js';
import { SnapshotBuilder, type Snapshot } from './snapshot.js';
import { AgentViewers } from './viewers-agent.js';
import { CohortViewers } from './viewers-cohort.js';
import type { AudienceSink, ViewerProcess } from './viewer-process.js';
import { World, type SeriesPlan } from './world.js';

export interface ModelRunControls {
  /** Stops the run between slices; what was computed is kept and marked incomplete. */
  readonly signal?: AbortSignal | undefined;
  /** Called between slices of work (at most every ~200k events). */
  readonly onProgress?: ((status: EngineStatus) => void) | undefined;
  /** Caps simulated time per slice (watching mode). */
  readonly nextSliceLimit?: ((now: number) => number | Promise<number>) | undefined;
}

export interface ModelResult {
  /** True when the run reached the scenario's end. */
  readonly complete: boolean;
  /** Events the engine processed. */
  readonly events: number;
  /** Simulated minute the run reached. */
  readonly reached: number;
  readonly world: World;
  readonly metrics: Metrics;
}

/** Broadcasts of a class of anchors that go on air together. */
interface Batch {
  readonly plan: SeriesPlan;
  readonly count: number;
}

const SNAPSHOT_STEPS = [1, 5, 10, 15, 30, 60, 120, 360, 720, 1440, 2880, 10080];
const SNAPSHOTS_PER_RUN = 200;

/** Simulated minutes between snapshots: the scenario's choice, or about 200 per run (live views ask for more as they need). */
export function snapshotInterval(scenario: Scenario, horizon: number): number {
  if (scenario.snapshotEvery !== 'auto') return parseDuration(scenario.snapshotEvery);
  const wanted = horizon / SNAPSHOTS_PER_RUN;
  return SNAPSHOT_STEPS.find((step) => step >= wanted) ?? SNAPSHOT_STEPS[SNAPSHOT_STEPS.length - 1]!;
}

export class ModelRun {
  readonly simulation: Simulation;
  readonly world: World;
  readonly metrics = new Metrics();
  private readonly snapshotSubject = new Subject<Snapshot>();
  private readonly snapshots: SnapshotBuilder;
  private readonly viewers: ViewerProcess;
  private readonly seller: Seller;
  private readonly starts: EventStream<SeriesPlan>;
  private readonly batches: EventStream<Batch>;
  private readonly ends: EventStream<LiveBroadcast>;
  private dayStart = 0;

  constructor(
    readonly scenario: Scenario,
    readonly seed: number,
  ) {
    this.simulation = new Simulation(seed);
    this.world = new World(scenario, this.simulation.random);
    this.snapshots = new SnapshotBuilder(this.world, this.metrics, seed);
    this.seller = new Seller(scenario.behaviour, (sale) => this.metrics.recordSale(sale, this.simulation.now));
    const audience: AudienceSink = {
      viewersArrived: (count) => {
        this.metrics.today.views += count;
      },
      concurrencyChanged: (delta) => {
        this.world.concurrentViewers += delta;
        this.metrics.noteConcurrency(this.world.concurrentViewers);
      },
    };
    this.viewers =
      scenario.fidelity === 'agent'
        ? new AgentViewers(this.simulation, this.world.dwell, this.seller, audience)
        : new CohortViewers(this.simulation, this.world.dwell, parseDuration(scenario.cohortStep), this.seller, audience);

    this.starts = this.simulation.stream('broadcast/started');
    this.batches = this.simulation.stream('broadcast/batch-started');
    this.ends = this.simulation.stream('broadcast/ended');
    this.starts.on((plan) => this.startPlanned(plan));
    this.batches.on((batch) => this.launch(batch.plan, batch.count));
    this.ends.on((broadcast) => this.endBroadcast(broadcast, this.simulation.now, true));
    this.scheduleCalendar();
  }

  /** Immutable snapshots every N simulated minutes, and a last one when the run ends. */
  get snapshots$(): Observable<Snapshot> {
    return this.snapshotSubject.asObservable();
  }

  /**
   * Emits a snapshot of the world as it is now (between slices of work), for a live view that
   * wants more frames than the scenario's snapshot interval gives. Reads the world only.
   */
  snapshotNow(): void {
    if (this.snapshotSubject.observed) this.snapshotSubject.next(this.snapshots.build(this.simulation.now, this.simulation.events, false));
  }

  async run(controls: ModelRunControls = {}): Promise<ModelResult> {
    const horizon = this.world.calendar.horizon;
    const outcome = await this.simulation.run({
      until: horizon,
      signal: controls.signal,
      onSlice: controls.onProgress,
      nextSliceLimit: controls.nextSliceLimit,
    });
    this.finish(outcome.now, outcome.complete);
    return { complete: outcome.complete, events: outcome.events, reached: outcome.now, world: this.world, metrics: this.metrics };
  }

  private scheduleCalendar(): void {
    const { simulation, world } = this;
    const horizon = world.calendar.horizon;
    world.updateSeasons(0, true);
    for (const plan of world.plans) {
      if (plan.starts.length > 0) simulation.schedule(plan.starts[0]!, this.starts, plan);
    }
    // Ticks strictly before the end: the last (possibly partial) day is closed by finish().
    const lastTick = horizon - 1e-6;
    const firstMidnight = world.calendar.firstMidnight() || MINUTES_PER_DAY;
    const days = simulation.stream<number>('calendar/midnight');
    days.on(() => this.midnight(simulation.now));
    simulation.every(days, firstMidnight, MINUTES_PER_DAY, lastTick);
    // Stores trade once a day, at noon.
    const noon = world.calendar.midnightBefore(0) + MINUTES_PER_DAY / 2;
    const trading = simulation.stream<number>('stores/trading-day');
    trading.on(() => this.tradeInStores(simulation.now));
    if (world.stores.length > 0) simulation.every(trading, noon >= 0 ? noon : noon + MINUTES_PER_DAY, MINUTES_PER_DAY, lastTick);
    this.openStores(0);
    world.updateMarkets(0);
    this.planClassBroadcasts(0);
    const interval = snapshotInterval(this.scenario, horizon);
    const ticks = simulation.stream<number>('snapshot/due');
    // Nobody watching: no snapshot to build.
    ticks.on(() => this.snapshotSubject.observed && this.snapshotSubject.next(this.snapshots.build(simulation.now, simulation.events, false)));
    simulation.every(ticks, interval, interval, lastTick);
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
  private planClassBroadcasts(midnight: number): void {
    for (const plan of this.world.plans) {
      const { anchor, series } = plan;
      const population = anchor.spec.population;
      if (!population || series.schedule.kind !== 'rate') continue;
      // Same window as a single anchor's series: nothing before `from` or after `until`.
      if (midnight + MINUTES_PER_DAY <= plan.window.from || midnight >= plan.window.until) continue;
      const uniform = anchor.random.schedule;
      let left = poisson(uniform, anchor.active * series.schedule.perDay);
      const earliest = parseTimeOfDay(series.schedule.between[0])!;
      let latest = parseTimeOfDay(series.schedule.between[1])!;
      if (latest < earliest) latest += MINUTES_PER_DAY;
      const window = (latest - earliest) / population.batches;
      for (let batch = 0; batch < population.batches && left > 0; batch++) {
        const count = batch === population.batches - 1 ? left : binomial(uniform, left, 1 / (population.batches - batch));
        left -= count;
        const start = midnight + earliest + window * (batch + uniform());
        if (count > 0 && start >= this.simulation.now && start >= plan.window.from && start < plan.window.until) {
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
      metrics.today.broadcastsSkipped += count;
      anchor.flows.broadcastsSkipped += count;
      return;
    }
    const welfare = plan.series.welfare;
    const { fromFollowers, fromFeed } = anchor.expectedViews(welfare);
    // Some nights draw more, some fewer (a batch: the mean of its broadcasts' nights).
    const night = nightFactor(anchor.random.audience, plan.series.audience.variability, count);
    if (anchor.market) anchor.market.feedViewsToday += fromFeed * night * count;
    const broadcast = new LiveBroadcast(
      world.broadcastsStarted++,
      anchor,
      plan.series,
      plan.label,
      now,
      plan.duration,
      plan.lineup,
      world.products.length,
      plan.curve,
      (fromFollowers + fromFeed) * night * count,
      fromFeed * night * count,
      this.scenario.behaviour,
      count,
    );
    broadcast.advanceSlot(now);
    world.live.add(broadcast);
    metrics.today.broadcasts += count;
    anchor.flows.broadcasts += count;
    if (welfare) {
      metrics.today.welfareBroadcasts += count;
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
    world.concurrentViewers -= broadcast.concurrent;
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
    metrics.today.followersGained += gained;
    metrics.recordBroadcast(broadcast, world.calendar.timeLabel(broadcast.start), now, finished);
  }

  /** Pays farmers for what sold since the last settlement. */
  private settle(): void {
    for (const product of this.world.products) this.metrics.today.householdNetIncome += product.settle(this.world.households);
  }

  private closeDay(): void {
    const { world } = this;
    const households = world.households.tally(this.scenario.povertyLine);
    this.metrics.closeDay(
      world.calendar.dayLabel(this.dayStart),
      {
        followers: Math.round(world.followers()),
        anchorsActive: world.anchorsActive(),
        anchorsAppeared: world.anchorsAppeared(),
        storesActive: world.storesActive(),
        storesOpened: world.storesOpened(),
        stockAvailable: world.stockAvailable(),
        householdsJoined: households.joined,
        householdsSupplying: households.supplying,
        householdsAboveLine: households.aboveLine,
        workers: world.workers(),
        spinOffs: world.spinOffs(),
      },
      world.groups,
      world.products,
    );
  }

  /** Shops' month end: workforce, wages (into households' income for the month) and spin-offs. */
  private closeShopMonths(): void {
    for (const shop of this.world.shops) {
      const wages = shop.closeMonth(this.world.households);
      this.metrics.today.wages += wages;
      this.metrics.today.householdNetIncome += wages;
    }
  }

  private midnight(now: number): void {
    const { world } = this;
    const newMonth = world.calendar.monthDayAt(now)[1] === 1;
    this.settle();
    if (newMonth) this.closeShopMonths();
    this.closeDay();
    this.dayStart = now;
    if (newMonth) world.households.closeMonth();
    world.updateSeasons(now, false);
    for (const anchor of world.anchors) anchor.advanceAdoption();
    for (const store of world.stores) if (store.isOpen) store.population.advanceDay();
    world.advanceJoining();
    this.openStores(now);
    world.updateMarkets(now);
    this.planClassBroadcasts(now);
  }

  private openStores(now: number): void {
    for (const store of this.world.stores) {
      if (!store.isOpen && (store.spec.opens === undefined || this.world.calendar.minuteOfDate(store.spec.opens) <= now)) store.isOpen = true;
    }
  }

  private tradeInStores(now: number): void {
    for (const store of this.world.stores) {
      if (!store.isOpen) continue;
      store.trade(this.seller, now);
      this.metrics.today.storeVisits += store.visitsToday;
    }
  }

  private finish(now: number, complete: boolean): void {
    for (const broadcast of [...this.world.live]) this.endBroadcast(broadcast, now, false);
    this.settle();
    if (now > this.dayStart || this.metrics.days.length === 0) this.closeDay();
    this.snapshotSubject.next(this.snapshots.build(now, this.simulation.events, complete));
    this.snapshotSubject.complete();
  }
}
