/**
 * The unit box a fit searches: each free parameter mapped to [0, 1] over its bounds, on a log
 * scale when its bounds span a factor of 4 or more. Sensitivities nudge a parameter by a tenth
 * of this box, so "a tenth of its bounds" means the same to calibrate and check.
 */
import type { FreeParameter } from '../../scenario/schema.js';

/** The nudge sensitivities use: a tenth of the box. */
export const NUDGE = 0.1;

export class ParameterSpace {
  private readonly logScale: readonly boolean[];

  constructor(readonly free: readonly FreeParameter[]) {
    this.logScale = free.map((parameter) => parameter.min > 0 && parameter.max / parameter.min >= 4);
  }

  toValues(point: readonly number[]): number[] {
    return point.map((x, index) => {
      const { min, max } = this.free[index]!;
      return this.logScale[index] ? min * Math.pow(max / min, x) : min + x * (max - min);
    });
  }

  toPoint(values: readonly number[]): number[] {
    return values.map((value, index) => {
      const { min, max } = this.free[index]!;
      return this.logScale[index] ? Math.log(value / min) / Math.log(max / min) : (value - min) / (max - min);
    });
  }

  /** `values` with parameter `index` nudged a tenth of its bounds up (down near the top). */
  nudged(values: readonly number[], index: number): number[] {
    const point = this.toPoint(values);
    point[index] = point[index]! + (point[index]! > 1 - NUDGE ? -NUDGE : NUDGE);
    return this.toValues(point);
  }

  /** The signed size of that nudge in the box (for turning a change per nudge into a slope). */
  nudgeOf(values: readonly number[], index: number): number {
    return this.toPoint(values)[index]! > 1 - NUDGE ? -NUDGE : NUDGE;
  }

  overrides(values: readonly number[]): string[] {
    return values.map((value, index) => `${this.free[index]!.path}=${value}`);
  }
}
