/** One replicate as a message to a worker, and what comes back: plain data, cloneable across threads. */
import type { Scenario } from '../../scenario/schema.js';
import type { RunSummary } from '../run/single-run.js';
import { ScenarioRun } from '../run/single-run.js';
import { measureTarget } from '../evidence/targets.js';
import { timeseriesTable, type TimeseriesTable } from '../run/timeseries.js';

export interface ReplicateTask {
  /** Position in the batch (replicate index, or case and replicate flattened). */
  readonly id: number;
  readonly scenario: Scenario;
  readonly hash: string;
  readonly seed: number;
  /** What to bring back besides the summary. */
  readonly keep: TaskExtras;
}

export interface TaskExtras {
  /** The scenario's targets measured on this replicate (for check, calibrate and uncertainty). */
  readonly targets?: boolean;
  /** The replicate's monthly timeseries (for replicates-timeseries.csv and the reports' bands). */
  readonly months?: boolean;
}

export interface ReplicateOutcome {
  readonly id: number;
  readonly seed: number;
  readonly summary: RunSummary;
  /** One value per target of the scenario, then one per validation figure, when asked for. */
  readonly targetValues: readonly number[];
  /** The monthly timeseries, when asked for. */
  readonly months?: TimeseriesTable;
  readonly wallSeconds: number;
}

/** Runs one replicate to its end (in whichever thread calls it). */
export async function runReplicateTask(task: ReplicateTask, signal?: AbortSignal): Promise<ReplicateOutcome> {
  const run = new ScenarioRun({ scenario: task.scenario, hash: task.hash, files: [], overrides: [] }, task.seed);
  const finished = await run.run({ signal });
  const table = task.keep.targets || task.keep.months ? timeseriesTable(finished.result, 'month') : undefined;
  return {
    id: task.id,
    seed: task.seed,
    summary: finished.summary,
    targetValues: table && task.keep.targets ? [...task.scenario.targets, ...task.scenario.validation].map((figure) => measureTarget(figure, table)) : [],
    ...(table && task.keep.months ? { months: table } : {}),
    wallSeconds: finished.wallSeconds,
  };
}
