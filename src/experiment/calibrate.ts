/**
 * `livesim calibrate`: fit a scenario's free parameters to its targets. Nelder-Mead over the
 * parameters' boxes; each candidate runs the same replicate seeds (common random numbers), so
 * the objective changes only with the parameters and the fit is deterministic for a seed.
 * Objective: the sum over targets of (distance from the target in tolerances)^2.
 */
import type { LoadedScenario } from '../scenario/load.js';
import { valueAtPath } from '../scenario/dotted-path.js';
import type { FreeParameter } from '../scenario/schema.js';
import { measureTargets } from './check.js';
import { nelderMead } from './nelder-mead.js';
import { replicateSeeds } from './replicates.js';
import { estimate } from './statistics.js';
import { judgeTarget, targetDistance, type TargetVerdict } from './targets.js';

export interface CalibrationOptions {
  readonly replicates: number;
  /** Most candidate parameter sets to evaluate. */
  readonly budget: number;
  readonly rootSeed: number;
  readonly signal?: AbortSignal | undefined;
  /** Called after each evaluation. */
  readonly onEvaluation?: ((evaluation: number, objective: number, best: number) => void) | undefined;
}

export interface FittedParameter extends FreeParameter {
  readonly before: number;
  readonly after: number;
}

export interface Fit {
  readonly objective: number;
  readonly verdicts: readonly TargetVerdict[];
}

export interface CalibrationResult {
  readonly parameters: readonly FittedParameter[];
  readonly before: Fit;
  readonly after: Fit;
  readonly evaluations: number;
  readonly replicates: number;
  readonly rootSeed: number;
  /** False when stopped before the budget was spent. */
  readonly complete: boolean;
}

/** 4 significant digits: what the fitted file states, and what the final evaluation uses. */
export const roundParameter = (value: number) => Number(value.toPrecision(4));

/**
 * Fits `loaded`'s free parameters. `reload` builds the scenario with extra `--set` overrides
 * (the candidate parameters), so every candidate is validated like a user's edit.
 */
export async function calibrate(loaded: LoadedScenario, reload: (overrides: string[]) => LoadedScenario, options: CalibrationOptions): Promise<CalibrationResult> {
  const free = loaded.scenario.calibration.free;
  const targets = loaded.scenario.targets;
  const seeds = replicateSeeds(options.rootSeed, options.replicates);
  const valueOf = (parameter: FreeParameter) => Number(valueAtPath(loaded.scenario, parameter.path));
  const before = free.map(valueOf);
  // Parameters spanning an order of magnitude or more are searched on a log scale.
  const logScale = free.map((parameter) => parameter.min > 0 && parameter.max / parameter.min >= 4);
  const toValues = (point: readonly number[]) =>
    point.map((x, index) => {
      const { min, max } = free[index]!;
      return logScale[index] ? min * Math.pow(max / min, x) : min + x * (max - min);
    });
  const toPoint = (values: readonly number[]) =>
    values.map((value, index) => {
      const { min, max } = free[index]!;
      return logScale[index] ? Math.log(value / min) / Math.log(max / min) : (value - min) / (max - min);
    });
  const overridesFor = (values: readonly number[]) => values.map((value, index) => `${free[index]!.path}=${value}`);

  let stopped = false;
  const fit = async (values: readonly number[]): Promise<Fit> => {
    const candidate = reload(overridesFor(values));
    const measured = await measureTargets(candidate, seeds, { signal: options.signal });
    if (measured.runs < seeds.length) stopped = true;
    const verdicts = targets.map((target, index) => judgeTarget(target, estimate(measured.values[index]!)));
    const objective = targets.reduce((sum, target, index) => sum + targetDistance(target, verdicts[index]!.simulated.mean) ** 2, 0);
    return { objective, verdicts };
  };

  const start = await fit(before);
  let evaluations = 1;
  let best = start.objective;
  options.onEvaluation?.(evaluations, start.objective, best);
  const cache = new Map<string, number>([[before.map(roundParameter).join(','), start.objective]]);
  const minimum = await nelderMead(
    async (point) => {
      const values = toValues(point).map(roundParameter);
      const key = values.join(',');
      const known = cache.get(key);
      if (known !== undefined) return known;
      if (stopped || options.signal?.aborted) return Number.POSITIVE_INFINITY;
      const { objective } = await fit(values);
      cache.set(key, objective);
      evaluations++;
      best = Math.min(best, objective);
      options.onEvaluation?.(evaluations, objective, best);
      return objective;
    },
    toPoint(before),
    { budget: options.budget - 1, step: 0.1 },
  );
  const fitted = minimum.value < start.objective ? toValues(minimum.point).map(roundParameter) : before;
  const after = fitted === before ? start : await fit(fitted);
  return {
    parameters: free.map((parameter, index) => ({ ...parameter, before: before[index]!, after: fitted[index]! })),
    before: start,
    after,
    evaluations,
    replicates: seeds.length,
    rootSeed: options.rootSeed,
    complete: !stopped && !options.signal?.aborted,
  };
}
