/**
 * Nelder-Mead simplex minimisation on the unit box [0, 1]^d (points are clamped into it), with
 * the standard coefficients. Derivative-free and deterministic: the same objective gives the
 * same path. Async so each evaluation may run simulations.
 */

export interface NelderMeadOptions {
  /** Most objective evaluations. */
  readonly budget: number;
  /** Initial step along each axis, as a share of the box. */
  readonly step?: number;
  /** Stop when the simplex's values differ by less than this. */
  readonly tolerance?: number;
}

export interface Minimum {
  readonly point: readonly number[];
  readonly value: number;
  readonly evaluations: number;
}

const clamp = (point: readonly number[]) => point.map((x) => Math.min(1, Math.max(0, x)));

export async function nelderMead(objective: (point: readonly number[]) => Promise<number>, start: readonly number[], options: NelderMeadOptions): Promise<Minimum> {
  const dimensions = start.length;
  const step = options.step ?? 0.15;
  const tolerance = options.tolerance ?? 1e-6;
  let evaluations = 0;
  let best = { point: clamp(start), value: Number.POSITIVE_INFINITY };
  const evaluate = async (point: readonly number[]) => {
    const clamped = clamp(point);
    evaluations++;
    const value = await objective(clamped);
    if (value < best.value) best = { point: clamped, value };
    return { point: clamped, value };
  };

  let simplex = [await evaluate(start)];
  for (let axis = 0; axis < dimensions && evaluations < options.budget; axis++) {
    const vertex = [...simplex[0]!.point];
    // Step inwards from the box's edge.
    vertex[axis] = vertex[axis]! + (vertex[axis]! + step <= 1 ? step : -step);
    simplex.push(await evaluate(vertex));
  }
  if (dimensions === 0 || simplex.length < dimensions + 1) return { ...best, evaluations };

  while (evaluations < options.budget) {
    simplex.sort((a, b) => a.value - b.value);
    if (simplex[dimensions]!.value - simplex[0]!.value < tolerance) break;
    const worst = simplex[dimensions]!;
    const centroid = Array.from({ length: dimensions }, (_, axis) => simplex.slice(0, dimensions).reduce((sum, vertex) => sum + vertex.point[axis]!, 0) / dimensions);
    const along = (factor: number) => centroid.map((c, axis) => c + factor * (c - worst.point[axis]!));

    const reflected = await evaluate(along(1));
    if (reflected.value < simplex[0]!.value) {
      const expanded = evaluations < options.budget ? await evaluate(along(2)) : reflected;
      simplex[dimensions] = expanded.value < reflected.value ? expanded : reflected;
      continue;
    }
    if (reflected.value < simplex[dimensions - 1]!.value) {
      simplex[dimensions] = reflected;
      continue;
    }
    if (evaluations >= options.budget) break;
    const outside = reflected.value < worst.value;
    const contracted = await evaluate(along(outside ? 0.5 : -0.5));
    if (contracted.value < (outside ? reflected.value : worst.value)) {
      simplex[dimensions] = contracted;
      continue;
    }
    // Shrink towards the best vertex.
    const anchor = simplex[0]!;
    const shrunk = [anchor];
    for (const vertex of simplex.slice(1)) {
      if (evaluations >= options.budget) break;
      shrunk.push(await evaluate(vertex.point.map((x, axis) => anchor.point[axis]! + 0.5 * (x - anchor.point[axis]!))));
    }
    if (shrunk.length < simplex.length) break;
    simplex = shrunk;
  }
  return { ...best, evaluations };
}
