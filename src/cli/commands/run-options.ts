/** The options of `livesim run`, read by its two ways of running: one run (run-single.ts) and a batch (run-batch.ts). */
import type { QueueOptions } from '../queue-option.js';
import type { ReportOptions } from '../report-options.js';

export interface RunOptions extends ReportOptions, QueueOptions {
  readonly seed?: number;
  readonly set: string[];
  readonly out?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
  /** False for --no-ui. */
  readonly ui: boolean;
  /** Simulated minutes per second (--pace). */
  readonly pace?: number;
  readonly replicates?: number;
  readonly jobs?: number;
  readonly precision?: number;
  readonly maxReplicates: number;
  /** Run even when the estimate is over the limits. */
  readonly force?: boolean;
  /** Run again on every save (run-watch.ts). */
  readonly watch?: boolean;
}
