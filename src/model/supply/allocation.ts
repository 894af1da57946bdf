/**
 * Named rules for sharing units sold among the households that supply a product, and an exact
 * way to split money in proportion (largest remainder), so no fen is created or lost.
 */

export type AllocationRule = 'proportional' | 'equal' | 'poorest-first';

/**
 * Units for each supplier, summing to `units`, never above a supplier's `remaining`.
 * Requires units <= sum(remaining).
 * - proportional: in proportion to remaining capacity (largest remainder for the odd units);
 * - equal: equal shares, capped by capacity, the excess shared among the rest;
 * - poorest-first: households with the lowest baseline income sell first.
 */
export function allocateUnits(rule: AllocationRule, units: number, remaining: Float64Array, poverty: Float64Array): Float64Array {
  const count = remaining.length;
  const shares = new Float64Array(count);
  if (units <= 0 || count === 0) return shares;
  if (rule === 'proportional') return apportion(units, remaining);
  const order = Array.from({ length: count }, (_, index) => index);
  if (rule === 'equal') {
    order.sort((a, b) => remaining[a]! - remaining[b]! || a - b);
    let left = units;
    order.forEach((supplier, position) => {
      const give = Math.min(remaining[supplier]!, Math.ceil(left / (count - position)));
      shares[supplier] = give;
      left -= give;
    });
    return shares;
  }
  order.sort((a, b) => poverty[a]! - poverty[b]! || a - b);
  let left = units;
  for (const supplier of order) {
    if (left <= 0) break;
    const give = Math.min(remaining[supplier]!, left);
    shares[supplier] = give;
    left -= give;
  }
  return shares;
}

/**
 * Integers proportional to `weights`, summing exactly to the integer `total` (which may be
 * negative), each within one of its exact share. Cumulative rounding: share i is
 * floor(C_i) - floor(C_(i-1)) for the running exact total C, which needs no sort (national
 * scenarios settle thousands of suppliers a day) and never exceeds an integer cap it is
 * proportional to.
 */
export function apportion(total: number, weights: ArrayLike<number>): Float64Array {
  const count = weights.length;
  const result = new Float64Array(count);
  let weightSum = 0;
  for (let index = 0; index < count; index++) weightSum += weights[index]!;
  if (weightSum <= 0 || total === 0) {
    if (total !== 0 && count > 0) result[0] = total; // nothing to weigh by: keep the money whole
    return result;
  }
  const sign = total < 0 ? -1 : 1;
  const magnitude = Math.abs(total);
  let running = 0;
  let assigned = 0;
  for (let index = 0; index < count; index++) {
    running += (magnitude * weights[index]!) / weightSum;
    // The guard absorbs floating-point drift; the last share takes exactly what is left.
    const upTo = index === count - 1 ? magnitude : Math.min(magnitude, Math.floor(running + 1e-7));
    result[index] = sign * (upTo - assigned);
    assigned = upTo;
  }
  return result;
}
