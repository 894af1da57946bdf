/**
 * What the studio's screen needs of the work behind it (an experiment-layer StudioSession is
 * one), and nothing more: the parameters, the comparison as it narrows, and the few things keys
 * ask for. Saving and exporting take a file name and say what happened.
 */
import type { Observable } from 'rxjs';
import type { StudioParameter } from '../experiment/studio/studio-parameters.js';
import type { HistoryEntry, StudioUpdate } from '../experiment/studio/studio-session.js';

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
