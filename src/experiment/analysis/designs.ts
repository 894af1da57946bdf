/**
 * Experimental designs in scaled units (every parameter on [0, 1]): Morris trajectories, one at
 * a time, and Latin hypercubes. Drawn from a named stream of the root seed, so a seed fixes the
 * design.
 */
import { RandomStreams } from '../../engine/random.js';

export interface DesignPoint {
  /** One value in [0, 1] per parameter. */
  readonly unit: readonly number[];
  /** Morris: the trajectory and step (0: its start); OAT: the parameter moved (-1: the base). */
  readonly group: number;
  readonly step: number;
  /** The parameter this point moved from the previous one, and by how much in scaled units (Morris). */
  readonly moved?: { readonly parameter: number; readonly by: number } | undefined;
}

const LEVELS = 4;
/** Morris's step on a 4-level grid: 4 / (2 × 3) = 2/3. */
const DELTA = LEVELS / (2 * (LEVELS - 1));

/** `trajectories` Morris trajectories of `parameters` + 1 points, each moving one parameter by ±Δ. */
export function morrisDesign(parameters: number, trajectories: number, seed: number): DesignPoint[] {
  const uniform = new RandomStreams(seed).stream('design/morris');
  const points: DesignPoint[] = [];
  for (let trajectory = 0; trajectory < trajectories; trajectory++) {
    // Start on the grid's lower levels so a step of Δ stays inside [0, 1].
    const start = Array.from({ length: parameters }, () => Math.floor(uniform() * (LEVELS / 2)) / (LEVELS - 1));
    const order = Array.from({ length: parameters }, (_, index) => index);
    for (let index = order.length - 1; index > 0; index--) {
      const other = Math.floor(uniform() * (index + 1));
      [order[index], order[other]] = [order[other]!, order[index]!];
    }
    let current = start;
    points.push({ unit: current, group: trajectory, step: 0 });
    order.forEach((parameter, step) => {
      const next = [...current];
      next[parameter] = current[parameter]! + DELTA;
      points.push({ unit: next, group: trajectory, step: step + 1, moved: { parameter, by: DELTA } });
      current = next;
    });
  }
  return points;
}

/** The base point (every parameter at its scenario value, marked by NaN), then each parameter low and high. */
export function oatDesign(parameters: number): DesignPoint[] {
  const base = Array.from({ length: parameters }, () => Number.NaN);
  const points: DesignPoint[] = [{ unit: base, group: -1, step: 0 }];
  for (let parameter = 0; parameter < parameters; parameter++) {
    for (const [step, level] of [[1, 0], [2, 1]] as const) {
      const unit = [...base];
      unit[parameter] = level;
      points.push({ unit, group: parameter, step });
    }
  }
  return points;
}

/** `samples` points of a Latin hypercube: each parameter's range cut in `samples` strata, each used once. */
export function latinHypercube(parameters: number, samples: number, seed: number): DesignPoint[] {
  const uniform = new RandomStreams(seed).stream('design/latin-hypercube');
  const columns = Array.from({ length: parameters }, () => {
    const strata = Array.from({ length: samples }, (_, index) => index);
    for (let index = strata.length - 1; index > 0; index--) {
      const other = Math.floor(uniform() * (index + 1));
      [strata[index], strata[other]] = [strata[other]!, strata[index]!];
    }
    return strata.map((stratum) => (stratum + uniform()) / samples);
  });
  return Array.from({ length: samples }, (_, sample) => ({ unit: columns.map((column) => column[sample]!), group: sample, step: 0 }));
}
