/**
 * What a fit can claim: which reproduced targets its free parameters pin down by construction.
 * From the sensitivity matrix S (targets × parameters: the change in each target's distance, in
 * tolerances, when a parameter moves a tenth of its bounds), targets and parameters linked by a
 * noticeable move form groups; a group with no more targets than parameters is fitted exactly
 * (its knobs can hit its targets whatever the mechanisms do: zero degrees of freedom), so its
 * targets are not evidence. A group with more targets than knobs has to get the surplus right.
 * Also: S's condition number (how close the knobs come to moving the targets the same way) and
 * the parameters' correlations in the linearised least-squares fit (S'S)^-1.
 */
import { Matrix, SVD, inverse } from 'ml-matrix';

/** A move smaller than this (in tolerances per tenth of a parameter's bounds) counts as not moving the target. */
const NOTICEABLE_MOVE = 0.1;

export type TargetFit = 'reproduced' | 'fitted-exactly';

export interface Identification {
  readonly targets: readonly string[];
  readonly parameters: readonly string[];
  /** targets × parameters, signed. */
  readonly matrix: readonly (readonly number[])[];
  /** Per target, in order. */
  readonly fit: readonly TargetFit[];
  /** Reproduced targets minus free parameters. */
  readonly degreesOfFreedom: number;
  /** Largest over smallest singular value of S (Infinity when a knob moves nothing, or two move alike). */
  readonly conditionNumber: number;
  /** Parameters' correlations in the linearised fit; undefined when S'S cannot be inverted. */
  readonly correlations: readonly (readonly number[])[] | undefined;
}

export function identify(targets: readonly string[], parameters: readonly string[], matrix: readonly (readonly number[])[]): Identification {
  return {
    targets,
    parameters,
    matrix,
    fit: fitOfTargets(matrix, parameters.length),
    degreesOfFreedom: targets.length - parameters.length,
    conditionNumber: conditionNumber(matrix, parameters.length),
    correlations: correlations(matrix, parameters.length),
  };
}

/** Groups of targets and parameters linked by noticeable moves; each group's targets fitted exactly when knobs ≥ targets. */
function fitOfTargets(matrix: readonly (readonly number[])[], parameterCount: number): TargetFit[] {
  const targetCount = matrix.length;
  // Union-find over nodes: targets 0..T-1, parameters T..T+P-1.
  const parent = Array.from({ length: targetCount + parameterCount }, (_, node) => node);
  const root = (node: number): number => (parent[node] === node ? node : (parent[node] = root(parent[node]!)));
  matrix.forEach((row, t) =>
    row.forEach((change, p) => {
      if (Math.abs(change) >= NOTICEABLE_MOVE) parent[root(t)] = root(targetCount + p);
    }),
  );
  const members = new Map<number, { targets: number; parameters: number }>();
  parent.forEach((_, node) => {
    const group = members.get(root(node)) ?? { targets: 0, parameters: 0 };
    if (node < targetCount) group.targets++;
    else group.parameters++;
    members.set(root(node), group);
  });
  return matrix.map((_, t) => {
    const group = members.get(root(t))!;
    return group.parameters >= group.targets ? 'fitted-exactly' : 'reproduced';
  });
}

function conditionNumber(matrix: readonly (readonly number[])[], parameterCount: number): number {
  if (matrix.length === 0 || parameterCount === 0) return Number.NaN;
  const values = new SVD(new Matrix(matrix.map((row) => [...row])), { autoTranspose: true }).diagonal;
  const largest = Math.max(...values);
  const smallest = values.length < parameterCount ? 0 : Math.min(...values);
  return smallest <= largest * 1e-12 ? Number.POSITIVE_INFINITY : largest / smallest;
}

function correlations(matrix: readonly (readonly number[])[], parameterCount: number): number[][] | undefined {
  if (matrix.length < parameterCount || parameterCount === 0) return undefined;
  const s = new Matrix(matrix.map((row) => [...row]));
  const normal = s.transpose().mmul(s);
  if (conditionNumber(matrix, parameterCount) > 1e12) return undefined;
  const covariance = inverse(normal).to2DArray();
  return covariance.map((row, i) => row.map((value, j) => value / Math.sqrt(covariance[i]![i]! * covariance[j]![j]!)));
}
