/**
 * What the dashboard needs of a run, and nothing more: the snapshots it draws, a way to ask for
 * one now (it draws at its own rate), and the engine its keys pause, resume and pace. A
 * ScenarioRun is one; so is anything else that can be watched (a test's stand-in).
 */
import type { Observable } from 'rxjs';
import type { Snapshot } from '../model/observation/snapshot.js';

export interface RunControl {
  readonly snapshots$: Observable<Snapshot>;
  snapshotNow(): void;
  readonly engine: {
    /** Simulated minutes so far (the pacer restarts from here). */
    readonly now: number;
    readonly paused: boolean;
    pause(): void;
    resume(): void;
  };
}
