/**
 * The dashboard's wall-clock bookkeeping: the speed over the last second, the ETA from working
 * (not paused) time, and when the next frame is due. The snapshots, the keys and the engine's
 * slices all read and move these marks; one small class owns them, and takes the clock as an
 * argument so that the arithmetic can be tested without waiting.
 */

/** The speed is measured over about this long: shorter jumps about, longer lags. */
const RATE_WINDOW_MS = 1000;

/** Below this much progress an ETA is mostly noise. */
const ETA_FROM_PROGRESS = 0.005;

export interface SliceTiming {
  /** Events per second since the last measure, once a rate window has passed; undefined until then. */
  readonly eventsPerSecond: number | undefined;
  /** A frame is due: ask the run for a snapshot now. */
  readonly frameDue: boolean;
}

export class WallClock {
  private readonly started: number;
  private pausedSince: number | undefined;
  private pausedTotal = 0;
  private lastFrameAt = -Infinity;
  private rateFrom: { at: number; events: number };

  constructor(
    /** Milliseconds, monotonic. */
    private readonly clock: () => number,
    private readonly frameMs: number,
    /** Watching mode: the pace, not the work, decides when the run ends, so there is no ETA. */
    private readonly paced: boolean,
  ) {
    this.started = clock();
    this.rateFrom = { at: this.started, events: 0 };
  }

  /** Seconds left at the speed so far (`progress` from 0 to 1), when it can be told. */
  etaSeconds(progress: number): number | undefined {
    const working = this.clock() - this.started - this.pausedTotal;
    return progress > ETA_FROM_PROGRESS && progress < 1 && !this.paced ? ((working / progress) * (1 - progress)) / 1000 : undefined;
  }

  paused(): void {
    this.pausedSince = this.clock();
  }

  /** Time spent paused is left out of the ETA. */
  resumed(): void {
    if (this.pausedSince !== undefined) this.pausedTotal += this.clock() - this.pausedSince;
    this.pausedSince = undefined;
  }

  /** Called between slices of work, with the run's events so far. */
  slice(events: number): SliceTiming {
    const now = this.clock();
    let eventsPerSecond: number | undefined;
    if (now - this.rateFrom.at >= RATE_WINDOW_MS) {
      eventsPerSecond = ((events - this.rateFrom.events) * 1000) / (now - this.rateFrom.at);
      this.rateFrom = { at: now, events };
    }
    const frameDue = now - this.lastFrameAt >= this.frameMs;
    if (frameDue) this.lastFrameAt = now;
    return { eventsPerSecond, frameDue };
  }
}
