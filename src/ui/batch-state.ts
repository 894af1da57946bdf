/** What the batch view shows: replicates done and planned, and the running estimates. */
import type { Estimate } from '../experiment/batch/statistics.js';

export interface BatchState {
  readonly title: string;
  readonly done: number;
  readonly planned: number;
  readonly etaSeconds: number | undefined;
  /** Headline metrics so far: label, and the estimate. */
  readonly estimates: readonly { readonly label: string; readonly estimate: Estimate; readonly money: boolean }[];
  readonly stopping: boolean;
}
