/**
 * What the dashboard shows: the latest snapshot of the run, wall-clock rates measured by the
 * bridge, and the state of the controls. Components render this; they compute nothing.
 */
import type { Snapshot } from '../model/observation/snapshot.js';

export interface DashboardState {
  readonly snapshot: Snapshot | undefined;
  readonly wall: {
    /** Events per wall-clock second, over the last second or so. */
    readonly eventsPerSecond: number;
    /** Seconds left at the current speed, when it can be told. */
    readonly etaSeconds: number | undefined;
  };
  readonly control: {
    readonly paused: boolean;
    /** Simulated minutes per wall-clock second in watching mode; undefined: as fast as possible. */
    readonly pace: number | undefined;
    readonly help: boolean;
    /** Set once a stop was asked for (q or Ctrl+C). */
    readonly stopping: boolean;
    /** Whether keys work (stdin supports raw mode). */
    readonly interactive: boolean;
  };
}

export const INITIAL_STATE: DashboardState = {
  snapshot: undefined,
  wall: { eventsPerSecond: 0, etaSeconds: undefined },
  control: { paused: false, pace: undefined, help: false, stopping: false, interactive: false },
};
