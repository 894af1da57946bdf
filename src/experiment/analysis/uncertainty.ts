/**
 * Uncertainty analysis: how wide the answer is when the assumptions are known only to within the
 * priors. A Latin hypercube of parameter sets over the priors' ranges, each run with the same
 * replicate seeds, plus the scenario as it stands; per metric the median and the 5-95% band of
 * the samples' means, and the share of samples that still meet each target.
 */
import type { LoadedScenario } from '../../scenario/load.js';
import type { Target } from '../../scenario/schema.js';
import type { DesignPoint } from './designs.js';
import { valueIn, type ParameterRange } from './parameter-ranges.js';
import { metricValues } from '../batch/replicate-rows.js';
import { band, estimate } from '../batch/statistics.js';
import { judgeTarget } from '../evidence/targets.js';
import type { PoolControls } from '../batch/worker-pool.js';
import { runWithSeeds } from '../batch/batch-sides.js';

interface Sample {
  /** The parameter values (the scenario's own for the base). */
  readonly values: readonly number[];
  /** Metric means over the sample's replicates. */
  readonly metrics: Readonly<Record<string, number>>;
  /** Per target of the scenario: whether the replicates' mean meets it. */
  readonly meets: readonly boolean[];
  readonly replicates: number;
}

export interface UncertaintyRun {
  readonly params: readonly ParameterRange[];
  readonly base: Sample;
  /** In design order; samples not finished when stopped are left out. */
  readonly samples: readonly Sample[];
  readonly complete: boolean;
}

export interface Band {
  readonly name: string;
  readonly base: number;
  readonly median: number;
  readonly low: number;
  readonly high: number;
}

/** A target met by a mean (not an interval: a sample has a handful of replicates). */
const meets = (target: Target, mean: number) => judgeTarget(target, estimate([mean])).pass;

/** The scenario as it stands, then each sample's: their parameter values and scenarios, loaded and checked. */
export interface UncertaintyPlan {
  readonly params: readonly ParameterRange[];
  readonly values: readonly (readonly number[])[];
  readonly scenarios: readonly LoadedScenario[];
}

/** Loads every sample's scenario (before anything runs: the resource guard sees them all). */
export function planUncertainty(params: readonly ParameterRange[], points: readonly DesignPoint[], base: LoadedScenario, load: (overrides: string[]) => LoadedScenario): UncertaintyPlan {
  const values = [params.map((param) => param.base), ...points.map((point) => params.map((param, index) => valueIn(param, point.unit[index]!)))];
  return { params, values, scenarios: [base, ...values.slice(1).map((row) => load(row.map((value, index) => `${params[index]!.path}=${value}`)))] };
}

export async function runUncertainty(plan: UncertaintyPlan, seeds: readonly number[], controls: PoolControls & { readonly onProgress?: (done: number, total: number) => void } = {}): Promise<UncertaintyRun> {
  const { params, values, scenarios } = plan;
  const base = scenarios[0]!;
  const { outcomes: byPoint, complete } = await runWithSeeds(scenarios, seeds, { ...controls, keep: { targets: true } });
  const targets = base.scenario.targets;
  const samples: Sample[] = byPoint.map((point, index) => {
    const rows = point.map((outcome) => metricValues(outcome.summary));
    const names = rows.length > 0 ? Object.keys(rows[0]!) : [];
    const metrics = Object.fromEntries(names.map((name) => [name, rows.reduce((sum, row) => sum + row[name]!, 0) / rows.length]));
    const targetMeans = targets.map((_, t) => point.reduce((sum, outcome) => sum + outcome.targetValues[t]!, 0) / Math.max(1, point.length));
    return { values: values[index]!, metrics, meets: targets.map((target, t) => point.length > 0 && meets(target, targetMeans[t]!)), replicates: point.length };
  });
  const finished = samples.slice(1).filter((sample) => sample.replicates === seeds.length);
  return { params, base: samples[0]!, samples: finished, complete };
}

/** Per metric: the scenario's own value, and the samples' median and 5-95% band. */
export function bands(run: UncertaintyRun, metrics: readonly string[]): Band[] {
  return metrics.map((name) => {
    const values = run.samples.map((sample) => sample.metrics[name] ?? Number.NaN).filter((value) => !Number.isNaN(value));
    return { name, base: run.base.metrics[name] ?? Number.NaN, ...band(values) };
  });
}

/** Per target: the share of samples whose replicates' mean still meets it. */
export function targetShares(run: UncertaintyRun, targets: readonly Target[]): { target: string; share: number; base: boolean }[] {
  return targets.map((target, t) => ({
    target: target.id,
    share: run.samples.length === 0 ? 0 : run.samples.filter((sample) => sample.meets[t]).length / run.samples.length,
    base: run.base.meets[t] ?? false,
  }));
}
