import { EventQueue } from './event-queue.js';
import { EventStream } from './event-stream.js';
import { RandomStreams } from './random.js';

/** Where the engine is, reported between slices of work. */
export interface EngineStatus {
  /** Simulated time, in minutes since the start. */
  readonly now: number;
  /** Events processed so far. */
  readonly events: number;
}

export interface RunLimits {
  /** Simulated time (minutes) at which the run ends; events scheduled later never run. */
  readonly until: number;
  /** Aborting stops the run between slices; the outcome is then marked incomplete. */
  readonly signal?: AbortSignal | undefined;
  /** Most events processed between yields to the Node event loop. */
  readonly eventsPerSlice?: number;
  /**
   * Wall-clock milliseconds a slice may run before yielding (default 50), so Ctrl+C, keys and
   * live views get a turn however cheap or expensive events are. Only where the run pauses
   * depends on it, never what it computes.
   */
  readonly sliceMilliseconds?: number;
  /** Most simulated minutes one slice may cover (e.g. a day, so progress moves in every run). */
  readonly simulatedPerSlice?: number;
  /** Called after every slice, e.g. to report progress. */
  readonly onSlice?: ((status: EngineStatus) => void) | undefined;
  /**
   * Caps how far simulated time may advance in the next slice (watching mode paces simulated
   * time to the wall clock). Called before every slice; awaited.
   */
  readonly nextSliceLimit?: ((now: number) => number | Promise<number>) | undefined;
}

export interface RunOutcome extends EngineStatus {
  /** True when the run reached `until`; false when it was aborted. */
  readonly complete: boolean;
}

const DEFAULT_EVENTS_PER_SLICE = 5_000_000;
const DEFAULT_SLICE_MILLISECONDS = 50;
/** Events between looks at the wall clock inside a slice. */
const EVENTS_PER_CLOCK_CHECK = 2048;

/**
 * A virtual-time discrete-event simulation: a clock, a queue of scheduled events, typed event
 * streams and named random streams. It knows nothing of what the events mean.
 */
export class Simulation {
  /** Simulated time in minutes since the start. */
  now = 0;
  readonly random: RandomStreams;
  private processed = 0;
  private readonly queue = new EventQueue<EventStream<unknown>>();
  private readonly recurrences = new EventStream<Recurrence>('engine/recurrence');
  private pauseGate: { promise: Promise<void>; release: () => void } | undefined;

  constructor(rootSeed: number | string) {
    this.random = new RandomStreams(rootSeed);
    this.recurrences.on((recurrence) => {
      recurrence.target.emit(recurrence.index);
      recurrence.index++;
      const next = recurrence.first + recurrence.index * recurrence.interval;
      if (next <= recurrence.until) this.schedule(next, this.recurrences, recurrence);
    });
  }

  /** Events processed so far. */
  get events(): number {
    return this.processed;
  }

  /** Number of events waiting in the queue. */
  get pending(): number {
    return this.queue.size;
  }

  /** A new typed event stream. */
  stream<T>(name: string): EventStream<T> {
    return new EventStream<T>(name);
  }

  /** Publishes `payload` on `stream` when the clock reaches `time`. */
  schedule<T>(time: number, stream: EventStream<T>, payload: T): void {
    if (!(time >= this.now)) {
      throw new RangeError(`cannot schedule ${stream.name} at ${time}: the clock is already at ${this.now}`);
    }
    this.queue.push(time, stream as EventStream<unknown>, payload);
  }

  /** Publishes the tick index 0, 1, 2, ... on `stream` at first, first + interval, ... up to `until`. */
  every(stream: EventStream<number>, first: number, interval: number, until: number): void {
    if (!(interval > 0)) throw new RangeError(`interval must be positive, got ${interval}`);
    if (first <= until) this.schedule(first, this.recurrences, { target: stream, first, interval, until, index: 0 });
  }

  get paused(): boolean {
    return this.pauseGate !== undefined;
  }

  /** Holds the run between slices until `resume()`. Simulated results do not depend on it. */
  pause(): void {
    if (this.pauseGate) return;
    let release!: () => void;
    const promise = new Promise<void>((resolve) => (release = resolve));
    this.pauseGate = { promise, release };
  }

  resume(): void {
    const gate = this.pauseGate;
    this.pauseGate = undefined;
    gate?.release();
  }

  /**
   * Runs events in time order until `limits.until`, yielding to the event loop between slices.
   * Results depend only on the scheduled events, never on how the work was sliced.
   */
  async run(limits: RunLimits): Promise<RunOutcome> {
    const perSlice = limits.eventsPerSlice ?? DEFAULT_EVENTS_PER_SLICE;
    const { signal } = limits;
    // A paused run that is aborted must still end.
    const releaseOnAbort = () => this.resume();
    signal?.addEventListener('abort', releaseOnAbort, { once: true });
    try {
      return await this.runSlices(limits, perSlice);
    } finally {
      signal?.removeEventListener('abort', releaseOnAbort);
    }
  }

  private async runSlices(limits: RunLimits, perSlice: number): Promise<RunOutcome> {
    const { signal } = limits;
    const sliceMilliseconds = limits.sliceMilliseconds ?? DEFAULT_SLICE_MILLISECONDS;
    for (;;) {
      if (signal?.aborted) return this.outcome(false);
      let cap = limits.nextSliceLimit ? Math.min(limits.until, await limits.nextSliceLimit(this.now)) : limits.until;
      if (limits.simulatedPerSlice !== undefined) cap = Math.min(cap, this.now + limits.simulatedPerSlice);
      const deadline = performance.now() + sliceMilliseconds;
      let processed = 0;
      let drained = false;
      while (processed < perSlice) {
        const budget = Math.min(EVENTS_PER_CLOCK_CHECK, perSlice - processed);
        const done = this.advance(cap, budget);
        processed += done;
        if (done < budget) {
          drained = true;
          break;
        }
        if (performance.now() >= deadline) break;
      }
      if (drained) {
        // Nothing is left at or before the cap, so simulated time has reached it.
        this.now = Math.max(this.now, cap);
        if (cap >= limits.until) {
          limits.onSlice?.(this);
          return this.outcome(true);
        }
      }
      limits.onSlice?.(this);
      await yieldToEventLoop();
      if (this.pauseGate) await this.pauseGate.promise;
    }
  }

  /** Processes at most `budget` events with time <= `until`; the hot loop. */
  private advance(until: number, budget: number): number {
    const queue = this.queue;
    let processed = 0;
    while (processed < budget && queue.peekTime() <= until) {
      queue.pop();
      this.now = queue.poppedTime;
      queue.poppedTarget!.emit(queue.poppedPayload);
      processed++;
    }
    this.processed += processed;
    return processed;
  }

  private outcome(complete: boolean): RunOutcome {
    return { complete, now: this.now, events: this.processed };
  }
}

interface Recurrence {
  readonly target: EventStream<number>;
  readonly first: number;
  readonly interval: number;
  readonly until: number;
  index: number;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
