/**
 * `livesim calibrate`: fit a scenario's free parameters to its targets. Nelder-Mead over the
 * parameters' boxes; each candidate runs the same replicate seeds (common random numbers), so
 * the objective changes only with the parameters and the fit is deterministic for a seed.
 * Objective: the sum over reproduced targets of (distance from the target in tolerances)^2;
 * inputs (figures the scenario sets) are never fitted. A fit never has more free parameters than
 * reproduced targets, and reports, for each target, which parameters move it at the fit.
 */
import { UsageError } from '../errors.js';
import type { LoadedScenario } from '../scenario/load.js';
import { valueAtPath } from '../scenario/dotted-path.js';
import type { FreeParameter, Target } from '../scenario/schema.js';
import { measureTargets } from './check.js';
import { nelderMead } from './nelder-mead.js';
import { replicateSeeds } from './replicates.js';
import { estimate } from './statistics.js';
import { judgeTarget, targetDistance, type TargetVerdict } from './targets.js';
import type { RemoteRunner } from './worker-pool.js';

export interface CalibrationOptions {
  readonly replicates: number;
  /** Most candidate parameter sets to evaluate. */
  readonly budget: number;
  readonly rootSeed: number;
  readonly signal?: AbortSignal | undefined;
  /** Run the replicates on a job queue instead of here. */
  readonly remote?: RemoteRunner | undefined;
  /** Called after each evaluation. */
  readonly onEvaluation?: ((evaluation: number, objective: number, best: number) => void) | undefined;
}

interface FittedParameter extends FreeParameter {
  readonly before: number;
  readonly after: number;
}

export interface Fit {
  readonly objective: number;
  readonly verdicts: readonly TargetVerdict[];
}

/** How much a target moves when one free parameter moves by a tenth of its bounds, at the fit. */
interface TargetSensitivity {
  readonly target: string;
  /** Change in the target's distance (in tolerances, or range half-widths), per parameter path. */
  readonly moves: readonly { readonly path: string; readonly change: number }[];
  /** The only parameter that moves it noticeably, when just one does: a target owned by one knob proves little. */
  readonly soleMover: string | undefined;
}

/** A move smaller than this (in tolerances per tenth of a parameter's bounds) counts as not moving the target. */
const NOTICEABLE_MOVE = 0.1;

/**
 * What moves each target at the fit: for each free parameter (nudged in `moved`, in the order of
 * `paths`), how far the target's distance changed from the fit's; a sole mover when only one
 * parameter moves it noticeably.
 */
export function targetSensitivities(targets: readonly Target[], paths: readonly string[], at: Fit, moved: readonly Fit[]): TargetSensitivity[] {
  return targets.map((target, t) => {
    const base = targetDistance(target, at.verdicts[t]!.simulated.mean);
    const moves = moved.map((fitAt, index) => ({ path: paths[index]!, change: Math.abs(targetDistance(target, fitAt.verdicts[t]!.simulated.mean) - base) }));
    const noticeable = moves.filter((move) => move.change >= NOTICEABLE_MOVE);
    return { target: target.id, moves, soleMover: noticeable.length === 1 ? noticeable[0]!.path : undefined };
  });
}

export interface CalibrationResult {
  readonly parameters: readonly FittedParameter[];
  readonly sensitivities: readonly TargetSensitivity[];
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
    const measured = await measureTargets(candidate, seeds, { signal: options.signal, remote: options.remote });
    if (measured.runs < seeds.length) stopped = true;
    const verdicts = fitted.map(({ target, index }) => judgeTarget(target, estimate(measured.values[index]!)));
    const objective = targets.reduce((sum, target, index) => sum + targetDistance(target, verdicts[index]!.simulated.mean) ** 2, 0);
    return { objective, verdicts };
  };

  const start = await fit(before);
  let evaluations = 1;
  let bestObjective = start.objective;
  options.onEvaluation?.(evaluations, start.objective, bestObjective);
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
      bestObjective = Math.min(bestObjective, objective);
      options.onEvaluation?.(evaluations, objective, bestObjective);
      return objective;
    },
    toPoint(before),
    { budget: options.budget - 1, step: 0.1 },
  );
  const best = minimum.value < start.objective ? toValues(minimum.point).map(roundParameter) : before;
  const after = best === before ? start : await fit(best);
  // Finite differences at the fit: each parameter a tenth of its bounds up (down at the top).
  const moved: Fit[] = [];
  for (let index = 0; index < free.length && !stopped && !options.signal?.aborted; index++) {
    const point = toPoint(best);
    point[index] = point[index]! + (point[index]! > 0.9 ? -0.1 : 0.1);
    moved.push(await fit(toValues(point)));
  }
  const sensitivities = targetSensitivities(targets, free.map((parameter) => parameter.path), after, moved);
  return {
    parameters: free.map((parameter, index) => ({ ...parameter, before: before[index]!, after: best[index]! })),
    sensitivities,
    before: start,
    after,
    evaluations,
    replicates: seeds.length,
    rootSeed: options.rootSeed,
    complete: !stopped && !options.signal?.aborted,
  };
}
