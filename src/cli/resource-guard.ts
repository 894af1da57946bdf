/**
 * The one resource guard: every command that runs the model asks it before anything runs or is
 * written, with everything it is about to run (a batch of one for `run`). Over the limits it is
 * a usage error with the estimate and a way out, unless --force.
 */
import { availableParallelism } from 'node:os';
import { UsageError } from '../errors.js';
import { batchProblem, runsProblem } from '../experiment/run/resource-estimate.js';
import type { LoadedScenario } from '../scenario/load.js';

export interface GuardOptions {
  readonly force?: boolean | undefined;
  /** Replicates run at once here (--jobs; default one per core). */
  readonly jobs?: number | undefined;
  /** On a job queue the replicates run elsewhere (each worker guards its own). */
  readonly queue?: unknown;
}

/** Refuses the work (`runs` of each scenario) when the estimate is over the limits. */
export function refuseOversized(scenarios: readonly { readonly loaded: LoadedScenario; readonly runs: number }[], options: GuardOptions): void {
  if (options.force) return;
  const remote = options.queue !== undefined && options.queue !== false;
  const problem = batchProblem({ scenarios, parallel: remote ? 1 : (options.jobs ?? Math.max(1, availableParallelism())) });
  if (problem) throw new UsageError(problem.message, problem.hint);
}

/** Refuses a batch of more runs than the guard allows, before its scenarios are loaded (a sweep of thousands of cases). */
export function refuseTooManyRuns(runs: number, options: GuardOptions): void {
  const problem = options.force ? undefined : runsProblem(runs);
  if (problem) throw new UsageError(problem.message, problem.hint);
}

/** The same scenarios each run with every seed. */
export const eachWith = (scenarios: readonly LoadedScenario[], runs: number) => scenarios.map((loaded) => ({ loaded, runs }));
