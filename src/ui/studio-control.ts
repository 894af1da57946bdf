/**
 * What the studio's screen needs of the work behind it (an experiment-layer StudioSession is
 * one), and nothing more: the parameters, the comparison as it narrows, and the few things keys
 * ask for. Saving and exporting take a file name and say what happened.
 */
import type { Observable } from 'rxjs';
import type { StudioParameter } from '../experiment/studio/studio-parameters.js';
import type { HistoryEntry, StudioSession, StudioUpdate } from '../experiment/studio/studio-session.js';

export interface StudioControl {
  readonly parameters: readonly StudioParameter[];
  readonly updates$: Observable<StudioUpdate>;
  valueOf(path: string): number;
  /** Sets a parameter; the scenario's objection when it refuses the value. */
  set(path: string, value: number): string | undefined;
  pin(): void;
  reset(): void;
  readonly history: readonly HistoryEntry[];
  /** Writes the tweak as a scenario file; what to tell the user (where it went, or why not). */
  save(file: string): string;
  /** Writes the history as CSV; what to tell the user. */
  exportHistory(file: string): string;
}

/** A session as the screen drives it, with where `s` and `e` write (the file system, or a test's memory). */
export function sessionControl(session: StudioSession, files: Pick<StudioControl, 'save' | 'exportHistory'>): StudioControl {
  return {
    parameters: session.parameters,
    updates$: session.updates$,
    valueOf: (path) => session.valueOf(path),
    set: (path, value) => session.set(path, value),
    pin: () => session.pin(),
    reset: () => session.reset(),
    get history() {
      return session.history;
    },
    save: (file) => files.save(file),
    exportHistory: (file) => files.exportHistory(file),
  };
}
