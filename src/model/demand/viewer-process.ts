import type { LiveBroadcast } from './live-broadcast.js';

/**
 * How viewers come, watch, buy and leave during a broadcast. The two fidelities implement it
 * with the same parameters and the same selling mechanism.
 */
export interface ViewerProcess {
  /** The broadcast just went on air. */
  begin(broadcast: LiveBroadcast): void;
  /** The broadcast ends at `now` (its end, or the end of the run): account for what is left. */
  finish(broadcast: LiveBroadcast, now: number): void;
}

/** What the viewer processes report to the rest of the model. */
export interface AudienceSink {
  /** `count` viewers arrived (views). */
  viewersArrived(count: number): void;
  /** The number watching `broadcast` changed by `delta`. */
  concurrencyChanged(delta: number): void;
}
