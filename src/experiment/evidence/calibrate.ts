/**
 * `livesim calibrate`: fit a scenario's free parameters to its targets. Nelder-Mead over the
 * parameters' boxes; each candidate runs the same replicate seeds (common random numbers), so
 * the objective changes only with the parameters and the fit is deterministic for a seed.
 * Objective: the sum over reproduced targets of (distance from the target in tolerances)^2;
 * inputs (figures the scenario sets) are never fitted. A fit never has more free parameters than
 * reproduced targets, and reports what it can claim: the identification at the fit (which
 * parameters move which targets, which targets are fitted exactly), its goodness and an interval
 * for each parameter (identification.ts, fit-quality.ts).
 */
import { UsageError } from '../../errors.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { valueAtPath } from '../../scenario/dotted-path.js';
import type { FreeParameter } from '../../scenario/schema.js';
import { measureTargets } from './check.js';
import { nelderMead } from './nelder-mead.js';
import { replicateSeeds } from '../batch/replicates.js';
import { estimate } from '../batch/statistics.js';
import { fitQuality, sensitivityMatrix, type FitQuality, type ReplicateValues } from './fit-quality.js';
import { identify, type Identification } from './identification.js';
import { ParameterSpace } from '../analysis/parameter-space.js';
import { judgeTarget, targetDistance, type TargetVerdict } from './targets.js';
import type { RemoteRunner } from '../batch/worker-pool.js';

export interface CalibrationOptions {
  readonly replicates: number;
  /** Most candidate parameter sets to evaluate. */
  readonly budget: number;
  readonly rootSeed: number;
  readonly signal?: AbortSignal | undefined;
  /** Run the replicates on a job queue instead of here. */
  readonly remote?: RemoteRunner | undefined;
  /** Replicates run at once here (default: one per core). */
  readonly jobs?: number | undefined;
  /** Called after each evaluation. */
  readonly onEvaluation?: ((evaluation: number, objective: number, best: number) => void) | undefined;
}

interface FittedParameter extends FreeParameter {
  readonly before: number;
  readonly after: number;
}

interface Fit {
  readonly objective: number;
  readonly verdicts: readonly TargetVerdict[];
  /** Per reproduced target, its value in each replicate. */
  readonly values: ReplicateValues;
}

export interface CalibrationResult {
  readonly parameters: readonly FittedParameter[];
  /** At the fit: which parameters move which targets, and which targets are fitted exactly. */
  readonly identification: Identification;
  readonly quality: FitQuality;
  readonly before: Fit;
  readonly after: Fit;
  readonly evaluations: number;
  readonly replicates: number;
  readonly rootSeed: number;
  /** False when stopped before the budget was spent. */
  readonly complete: boolean;
}

/** 4 significant digits: what the fitted file states, and what the final evaluation uses. */
const roundParameter = (value: number) => Number(value.toPrecision(4));

/**
 * Fits `loaded`'s free parameters. `reload` builds the scenario with extra `--set` overrides
 * (the candidate parameters), so every candidate is validated like a user's edit.
 */
export async function calibrate(loaded: LoadedScenario, reload: (overrides: string[]) => LoadedScenario, options: CalibrationOptions): Promise<CalibrationResult> {
  const free = loaded.scenario.calibration.free;
  // Only what the mechanisms must produce is fitted; inputs are set by the scenario.
  const fitted = loaded.scenario.targets.flatMap((target, index) => (target.kind === 'reproduced' ? [{ target, index }] : []));
  if (free.length > fitted.length) {
    throw new UsageError(
      `${loaded.scenario.name} has ${free.length} free parameters for ${fitted.length} reproduced targets`,
      'a fit needs at least as many reproduced targets as free parameters, or each target just gets its own knob: fix some parameters from the priors',
    );
  }
  const targets = fitted.map(({ target }) => target);
  const seeds = replicateSeeds(options.rootSeed, options.replicates);
  const valueOf = (parameter: FreeParameter) => Number(valueAtPath(loaded.scenario, parameter.path));
  const before = free.map(valueOf);
  const space = new ParameterSpace(free);

  let stopped = false;
  const fit = async (parameters: readonly number[]): Promise<Fit> => {
    const candidate = reload(space.overrides(parameters));
    const measured = await measureTargets(candidate, seeds, { signal: options.signal, remote: options.remote, jobs: options.jobs });
    if (measured.runs < seeds.length) stopped = true;
    const values = fitted.map(({ index }) => measured.values[index]!);
    const verdicts = fitted.map(({ target }, t) => judgeTarget(target, estimate(values[t]!)));
    const objective = targets.reduce((sum, target, index) => sum + targetDistance(target, verdicts[index]!.simulated.mean) ** 2, 0);
    return { objective, verdicts, values };
  };

  const start = await fit(before);
  let evaluations = 1;
  let bestObjective = start.objective;
  options.onEvaluation?.(evaluations, start.objective, bestObjective);
  const cache = new Map<string, number>([[before.map(roundParameter).join(','), start.objective]]);
  const minimum = await nelderMead(
    async (point) => {
      const values = space.toValues(point).map(roundParameter);
      const key = values.join(',');
      const known = cache.get(key);
      if (known !== undefined) return known;
      if (stopped || options.signal?.aborted) return Number.POSITIVE_INFINITY;
      const { objective } = await fit(values);
      cache.set(key, objective);
      evaluations++;
      bestObjective = Math.min(bestObjective, objective);
      options.onEvaluation?.(evaluations, objective, bestObjective);
      return objective;
    },
    space.toPoint(before),
    { budget: options.budget - 1, step: 0.1 },
  );
  const best = minimum.value < start.objective ? space.toValues(minimum.point).map(roundParameter) : before;
  const after = best === before ? start : await fit(best);
  // Finite differences at the fit: each parameter a tenth of its bounds up (down at the top).
  const moved: Fit[] = [];
  for (let index = 0; index < free.length && !stopped && !options.signal?.aborted; index++) moved.push(await fit(space.nudged(best, index)));
  const paths = free.map((parameter) => parameter.path);
  const means = (at: Fit) => at.verdicts.map((verdict) => verdict.simulated.mean);
  const complete = moved.length === free.length;
  const matrix = complete ? sensitivityMatrix(targets, means(after), moved.map(means), free.map((_, index) => space.nudgeOf(best, index))) : [];
  // Stopped before every nudge ran: no matrix, but the degrees of freedom still count every knob.
  const identification = identify(
    targets.map((target) => target.id),
    paths,
    matrix,
  );
  const quality = fitQuality(
    targets,
    space,
    best,
    after.values,
    complete ? moved.map((at) => at.values) : [],
    options.rootSeed,
  );
  return {
    parameters: free.map((parameter, index) => ({ ...parameter, before: before[index]!, after: best[index]! })),
    identification,
    quality,
    before: start,
    after,
    evaluations,
    replicates: seeds.length,
    rootSeed: options.rootSeed,
    complete: !stopped && !options.signal?.aborted,
  };
}
