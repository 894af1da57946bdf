/**
 * `livesim run --replicates N`: a batch of replicates of one scenario, in parallel, each row
 * streamed to replicates.csv as it finishes; with a precision goal, replicates are added until
 * the headline metrics' 95% intervals are narrow enough (or a cap is reached).
 */
import type { LoadedScenario } from '../../scenario/load.js';
import { VERSION } from '../../paths.js';
import { estimatesByMetric, preciseEnough } from './batch-statistics.js';
import { BatchRows, replicateRow, type BatchRow, type RowSink } from './replicate-rows.js';
import { replicateSeed, replicateTasks } from './replicates.js';
import type { ReplicateMonths } from './replicate-timeseries.js';
import { estimatesJson, type Estimate } from './statistics.js';
import { runTasks, type RemoteRunner } from './worker-pool.js';

export interface BatchOptions {
  readonly replicates: number;
  readonly rootSeed: number;
  /** Where each row goes as its replicate finishes (replicates.csv's safety copy). */
  readonly rowsFile?: RowSink | undefined;
  /** Keep adding replicates until the headline metrics' interval half-widths are within this share of their means. */
  readonly precision?: number | undefined;
  readonly maxReplicates?: number | undefined;
  readonly jobs?: number | undefined;
  readonly remote?: RemoteRunner | undefined;
  readonly signal?: AbortSignal | undefined;
  /** After each finished replicate: how many are done and how many are planned now. */
  readonly onProgress?: ((done: number, planned: number, rows: readonly BatchRow[]) => void) | undefined;
}

export interface BatchResult {
  readonly rows: readonly BatchRow[];
  /** replicates.csv: the rows in replicate order. */
  readonly rowsCsv: string;
  readonly estimates: Readonly<Record<string, Estimate>>;
  /** False when stopped before the planned replicates (or the precision goal) were done. */
  readonly complete: boolean;
  readonly precisionReached: boolean | undefined;
  /** Each finished replicate's months (replicates-timeseries.csv). */
  readonly months: readonly ReplicateMonths[];
}

export async function runReplicateBatch(loaded: LoadedScenario, options: BatchOptions): Promise<BatchResult> {
  const rows = new BatchRows(options.rowsFile);
  const months: ReplicateMonths[] = [];
  const max = options.maxReplicates ?? 100;
  const step = Math.max(2, options.jobs ?? 2);
  let planned = options.precision === undefined ? options.replicates : Math.min(max, Math.max(3, options.replicates));
  let next = 0;
  let stopped = false;
  for (;;) {
    const seeds = Array.from({ length: planned - next }, (_, index) => replicateSeed(options.rootSeed, next + index));
    const outcomes = await runTasks(replicateTasks(loaded, seeds, { months: true }, next), {
      jobs: options.jobs,
      remote: options.remote,
      signal: options.signal,
      onOutcome: (outcome) => {
        rows.add(replicateRow(outcome.summary, outcome.id, outcome.id));
        if (outcome.months) months.push({ replicate: outcome.id, seed: outcome.seed, months: outcome.months });
        options.onProgress?.(rows.all.length, planned, rows.all);
      },
    });
    if (outcomes.length < seeds.length || options.signal?.aborted) {
      stopped = true;
      break;
    }
    next = planned;
    if (options.precision === undefined || preciseEnough(rows.all, options.precision) || planned >= max) break;
    planned = Math.min(max, planned + step);
  }
  const ordered = [...rows.all].sort((a, b) => a.order - b.order);
  return {
    rows: ordered,
    rowsCsv: rows.csv(),
    estimates: estimatesByMetric(ordered),
    complete: !stopped,
    precisionReached: options.precision === undefined ? undefined : preciseEnough(ordered, options.precision),
    months,
  };
}

/** summary.json of a batch: per metric mean, standard deviation and 95% interval. */
export function batchSummary(loaded: LoadedScenario, rootSeed: number, result: BatchResult, precision: number | undefined) {
  return {
    scenario: loaded.scenario.name,
    scenarioHash: loaded.hash,
    rootSeed,
    replicates: result.rows.length,
    complete: result.complete,
    ...(precision === undefined ? {} : { precision, precisionReached: result.precisionReached }),
    livesimVersion: VERSION,
    metrics: estimatesJson(result.estimates),
  };
}

export type BatchSummary = ReturnType<typeof batchSummary>;
