/**
 * One run of the model: builds the world from a resolved scenario, wires the event handlers to
 * the engine, and runs it to the end (or until stopped), emitting snapshots on the way.
 * A run is a pure function of (scenario, seed).
 */
import { Subject, type Observable } from 'rxjs';
import { Simulation, type EngineStatus } from '../engine/simulation.js';
import { Broadcasting } from './demand/broadcasting.js';
import { MINUTES_PER_DAY } from './time/calendar.js';
import { DailyCycle } from './time/daily-cycle.js';
import { Metrics } from './observation/metrics.js';
import type { ModelParams } from './params.js';
import { Seller } from './money/sales.js';
import { SnapshotBuilder, type Snapshot } from './observation/snapshot.js';
import { AgentViewers } from './demand/viewers-agent.js';
import { CohortViewers } from './demand/viewers-cohort.js';
import type { AudienceSink, ViewerProcess } from './demand/viewer-process.js';
import type { World } from './world.js';
import { buildWorld } from './world-builder.js';

export interface ModelRunControls {
  /** Stops the run between slices; what was computed is kept and marked incomplete. */
  readonly signal?: AbortSignal | undefined;
  /** Called between slices of work: about every 50 ms of wall-clock time, and at least every simulated day. */
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

const SNAPSHOT_STEPS = [1, 5, 10, 15, 30, 60, 120, 360, 720, 1440, 2880, 10080];
const SNAPSHOTS_PER_RUN = 200;

/** Simulated minutes between snapshots: the scenario's choice, or about 200 per run (live views ask for more as they need). */
export function snapshotInterval(scenario: ModelParams, horizon: number): number {
  if (scenario.snapshotEvery !== 'auto') return scenario.snapshotEvery;
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
  private readonly broadcasting: Broadcasting;
  private readonly days: DailyCycle;

  constructor(
    readonly scenario: ModelParams,
    readonly seed: number,
  ) {
    this.simulation = new Simulation(seed);
    const built = buildWorld(scenario, this.simulation.random);
    this.world = built.world;
    this.snapshots = new SnapshotBuilder(this.world, this.metrics, seed);
    this.seller = new Seller(scenario.behaviour, (sale) => this.metrics.recordSale(sale, this.simulation.now));
    const audience: AudienceSink = {
      viewersArrived: (count) => {
        this.metrics.count('views', count);
      },
      concurrencyChanged: (delta) => {
        this.metrics.noteConcurrency(this.world.watching.change(delta), this.simulation.now);
      },
    };
    this.viewers =
      scenario.fidelity === 'agent'
        ? new AgentViewers(this.simulation, this.world.dwell, this.seller, audience)
        : new CohortViewers(this.simulation, this.world.dwell, scenario.cohortStep, this.seller, audience);

    this.broadcasting = new Broadcasting(this.simulation, this.world, this.metrics, this.viewers, this.seller, scenario.behaviour);
    this.days = new DailyCycle(this.world, built.supplies, this.metrics, this.seller, this.broadcasting, scenario.povertyLine);
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
      // A slice covers at most a simulated day, so every run shows progress and can be stopped.
      simulatedPerSlice: MINUTES_PER_DAY,
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
    this.days.begin();
    this.broadcasting.begin();
    // Ticks strictly before the end: the last (possibly partial) day is closed by finish().
    const lastTick = horizon - 1e-6;
    const firstMidnight = world.calendar.firstMidnight() || MINUTES_PER_DAY;
    const days = simulation.stream<number>('calendar/midnight');
    days.on(() => this.days.midnight(simulation.now));
    simulation.every(days, firstMidnight, MINUTES_PER_DAY, lastTick);
    // Stores trade once a day, at noon.
    const noon = world.calendar.midnightBefore(0) + MINUTES_PER_DAY / 2;
    const trading = simulation.stream<number>('stores/trading-day');
    trading.on(() => this.days.tradeInStores(simulation.now));
    if (world.stores.length > 0) simulation.every(trading, noon >= 0 ? noon : noon + MINUTES_PER_DAY, MINUTES_PER_DAY, lastTick);
    this.broadcasting.planDay(0);
    const interval = snapshotInterval(this.scenario, horizon);
    const ticks = simulation.stream<number>('snapshot/due');
    // Nobody watching: no snapshot to build.
    ticks.on(() => this.snapshotSubject.observed && this.snapshotSubject.next(this.snapshots.build(simulation.now, simulation.events, false)));
    simulation.every(ticks, interval, interval, lastTick);
  }

  private finish(now: number, complete: boolean): void {
    this.broadcasting.endAll(now);
    this.days.end(now);
    this.snapshotSubject.next(this.snapshots.build(now, this.simulation.events, complete));
    this.snapshotSubject.complete();
  }
}
