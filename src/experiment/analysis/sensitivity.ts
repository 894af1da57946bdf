/**
 * Sensitivity analysis: which assumptions the answer hangs on. A design of parameter sets (Morris
 * trajectories or one at a time) over the priors' ranges, every point run with the same replicate
 * seeds (common random numbers, so effects are not noise), on the replicate pool; then, per
 * metric and parameter, Morris's elementary-effect statistics μ*, μ and σ.
 */
import type { LoadedScenario } from '../../scenario/load.js';
import { runWithSeeds } from '../batch/batch-sides.js';
import type { DesignPoint } from './designs.js';
import { valueIn, type ParameterRange } from './parameter-ranges.js';
import type { BatchRow } from '../batch/replicate-rows.js';
import { estimate } from '../batch/statistics.js';
import type { PoolControls } from '../batch/worker-pool.js';

export const DEFAULT_METRICS = ['gmv', 'farmerRevenue', 'farmerShare', 'householdsAboveLine', 'lostOrders'];

export interface DesignRun {
  readonly params: readonly ParameterRange[];
  readonly points: readonly DesignPoint[];
  /** Each point's parameter values (the scenario's own where the design says so). */
  readonly values: readonly (readonly number[])[];
  /** Each point's replicate rows, in seed order (fewer when stopped). */
  readonly rows: readonly (readonly BatchRow[])[];
  readonly complete: boolean;
}

/** The parameter values of a design point: the range's value, or the scenario's own where the unit is NaN. */
function pointValues(params: readonly ParameterRange[], point: DesignPoint): number[] {
  return params.map((range, index) => (Number.isNaN(point.unit[index]!) ? range.base : valueIn(range, point.unit[index]!)));
}

/** A design ready to run: each point's parameter values and its scenario, loaded and checked. */
export interface DesignPlan {
  readonly params: readonly ParameterRange[];
  readonly points: readonly DesignPoint[];
  readonly values: readonly (readonly number[])[];
  readonly scenarios: readonly LoadedScenario[];
}

/** Loads every design point's scenario (before anything runs: the resource guard sees them all). `load` builds a scenario with --set overrides. */
export function planDesign(params: readonly ParameterRange[], points: readonly DesignPoint[], load: (overrides: string[]) => LoadedScenario): DesignPlan {
  const values = points.map((point) => pointValues(params, point));
  return { params, points, values, scenarios: values.map((row) => load(row.map((value, index) => `${params[index]!.path}=${value}`))) };
}

/** Runs every design point with every seed, in one pool. */
export async function runDesign(plan: DesignPlan, seeds: readonly number[], controls: PoolControls & { readonly onProgress?: (done: number, total: number) => void } = {}): Promise<DesignRun> {
  const { rows, complete } = await runWithSeeds(plan.scenarios, seeds, controls);
  return { params: plan.params, points: plan.points, values: plan.values, rows, complete };
}

interface Effect {
  readonly param: string;
  /** The range varied over. */
  readonly low: number;
  readonly high: number;
  /** Mean absolute elementary effect: how much the metric moves across the parameter's whole range. */
  readonly muStar: number;
  /** Mean elementary effect (its sign: the direction). */
  readonly mu: number;
  /** Spread of the elementary effects: interactions and non-linearity. */
  readonly sigma: number;
}

export interface MetricEffects {
  readonly name: string;
  /** The metric's mean over the design (Morris) or at the base point (one at a time). */
  readonly reference: number;
  /** Ranked by μ*, largest first. */
  readonly effects: readonly Effect[];
}

/** Each point's mean of `metric` over its replicates (NaN for a point with none finished). */
function pointMeans(run: DesignRun, metric: string): number[] {
  return run.rows.map((rows) => (rows.length === 0 ? Number.NaN : rows.reduce((sum, row) => sum + (row.metrics[metric] ?? 0), 0) / rows.length));
}

/** 0, not NaN, for a parameter no finished step moved. */
const mean = (values: readonly number[]) => (values.length === 0 ? 0 : estimate(values).mean);

function summarize(param: ParameterRange, effects: readonly number[]): Effect {
  const { sd: sigma } = estimate(effects);
  return { param: param.path, low: param.low, high: param.high, muStar: mean(effects.map(Math.abs)), mu: mean(effects), sigma };
}

const ranked = (effects: Effect[]) => effects.sort((a, b) => b.muStar - a.muStar || a.param.localeCompare(b.param));

/** Morris: an elementary effect per step of a trajectory, scaled to the parameter's whole range. */
export function morrisEffects(run: DesignRun, metrics: readonly string[]): MetricEffects[] {
  return metrics.map((name) => {
    const means = pointMeans(run, name);
    const byParam = run.params.map(() => [] as number[]);
    run.points.forEach((point, index) => {
      if (!point.moved || index === 0) return;
      const before = means[index - 1]!;
      const after = means[index]!;
      if (Number.isNaN(before) || Number.isNaN(after)) return;
      byParam[point.moved.parameter]!.push((after - before) / point.moved.by);
    });
    return { name, reference: mean(means.filter((value) => !Number.isNaN(value))), effects: ranked(run.params.map((param, index) => summarize(param, byParam[index]!))) };
  });
}

/** One at a time: each parameter's effect is its high point minus its low point, around the base. */
export function oatEffects(run: DesignRun, metrics: readonly string[]): MetricEffects[] {
  return metrics.map((name) => {
    const means = pointMeans(run, name);
    const effects = run.params.map((param, index) => {
      const low = means[run.points.findIndex((point) => point.group === index && point.step === 1)]!;
      const high = means[run.points.findIndex((point) => point.group === index && point.step === 2)]!;
      return summarize(param, Number.isNaN(low) || Number.isNaN(high) ? [] : [high - low]);
    });
    return { name, reference: means[0] ?? Number.NaN, effects: ranked(effects) };
  });
}
