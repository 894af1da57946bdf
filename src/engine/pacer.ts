/**
 * Watching mode: simulated time paced to the wall clock (say one simulated day a second). The
 * engine asks before every slice how far it may go; the pacer waits until the wall clock allows
 * more. Pacing decides only when work happens, never what it computes.
 */

export interface PacerClock {
  /** Milliseconds, monotonic. */
  now(): number;
  sleep(milliseconds: number): Promise<void>;
}

const REAL_CLOCK: PacerClock = {
  now: () => performance.now(),
  sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
};

/** The longest wait before re-checking, so that pace changes and stops take effect quickly. */
const MAX_WAIT_MS = 50;

export class Pacer {
  private anchorWall: number;
  private anchorSim: number;

  constructor(
    /** Simulated minutes per wall-clock second. */
    private rate: number,
    private readonly clock: PacerClock = REAL_CLOCK,
    simulatedNow = 0,
  ) {
    if (!(rate > 0)) throw new RangeError(`the pace must be positive, got ${rate}`);
    this.anchorWall = clock.now();
    this.anchorSim = simulatedNow;
  }

  /** Simulated minutes per wall-clock second. */
  get pace(): number {
    return this.rate;
  }

  /** Changes the pace from simulated time `simulatedNow` on (no catching up on the past). */
  setPace(rate: number, simulatedNow: number): void {
    if (!(rate > 0)) return;
    this.rate = rate;
    this.restart(simulatedNow);
  }

  /** Starts counting again from now, e.g. after a pause. */
  restart(simulatedNow: number): void {
    this.anchorWall = this.clock.now();
    this.anchorSim = simulatedNow;
  }

  /** How far simulated time may run now; waits while the simulation is ahead of the wall clock. */
  async nextLimit(simulatedNow: number): Promise<number> {
    for (;;) {
      const allowed = this.anchorSim + (this.rate * (this.clock.now() - this.anchorWall)) / 1000;
      if (allowed > simulatedNow) return allowed;
      const behind = ((simulatedNow - allowed) / this.rate) * 1000;
      await this.clock.sleep(Math.min(MAX_WAIT_MS, Math.max(1, behind)));
    }
  }
}
