/**
 * What a fit can claim, in lines of plain text: the identification table (what each parameter
 * moves, which targets are fitted exactly), the goodness of fit and the parameters' intervals.
 * The fitted file's header and `livesim calibrate`'s report print the same lines.
 */
import type { CalibrationResult } from './calibrate.js';
import type { TargetVerdict } from './targets.js';

const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** A line of the claims, and whether it warns (a fit with no evidence in it, a miss beyond noise). */
export interface FitClaim {
  readonly text: string;
  readonly warning: boolean;
}

export function fitClaims(result: CalibrationResult): FitClaim[] {
  const { identification, quality } = result;
  const lines: FitClaim[] = [];
  const say = (text: string, warning = false) => lines.push({ text, warning });
  const parameters = identification.parameters;
  say(
    `degrees of freedom: ${plural(identification.targets.length, 'reproduced target')} - ${plural(result.parameters.length, 'free parameter')} = ${identification.degreesOfFreedom}` +
      (identification.matrix.length === 0
        ? ''
        : Number.isFinite(identification.conditionNumber)
          ? `; condition number ${identification.conditionNumber.toPrecision(3)}`
          : '; condition number infinite (a knob moves nothing, or two move alike)'),
    identification.degreesOfFreedom <= 0,
  );
  if (identification.matrix.length === 0) say('what moves each target: not measured (the fit was stopped first)', true);
  identification.matrix.forEach((row, t) => {
    const moves = parameters.map((path, p) => `${path} ${signed(row[p]!)}`).join(', ');
    const exact = identification.fit[t] === 'fitted-exactly';
    say(`moves ${identification.targets[t]}: ${moves} (${exact ? 'fitted exactly: as many knobs as targets in its group, not evidence' : 'reproduced'})`, exact);
  });
  if (identification.correlations && parameters.length > 1) {
    const pairs = parameters.flatMap((a, i) => parameters.slice(i + 1).map((b, j) => `${a} ~ ${b} ${identification.correlations![i]![i + 1 + j]!.toFixed(2)}`));
    say(`correlations at the fit: ${pairs.join('; ')}`);
  }
  const misses = quality.residuals.map((residual) => `${residual.target} ${signed(residual.miss)} (noise ${residual.noise.toFixed(2)}${residual.consistent ? '' : ', a real miss'})`);
  say(
    `goodness: sum of squared misses ${quality.chiSquare.toPrecision(3)} in tolerances over ${plural(quality.degreesOfFreedom, 'degree')} of freedom; ${misses.join('; ')}`,
    quality.residuals.some((residual) => !residual.consistent),
  );
  for (const interval of quality.intervals) {
    const linearised = interval.linearised ? `[${interval.linearised[0]}, ${interval.linearised[1]}] within tolerances` : 'no linearised interval';
    const bootstrap = interval.bootstrap ? `[${interval.bootstrap[0]}, ${interval.bootstrap[1]}] from replicate noise (bootstrap)` : 'no bootstrap';
    say(`${interval.path} ${interval.value}: ${linearised}; ${bootstrap}`);
  }
  return lines;
}

/** A fit as `calibrate --json` prints it: the parameters, each target before and after, the identification and the goodness. */
export function calibrationJson(result: CalibrationResult) {
  const { identification, quality } = result;
  const figure = (verdict: TargetVerdict) => ({ metric: verdict.metric, measures: verdict.measures, expected: verdict.expected, tolerance: verdict.tolerance ?? null, simulated: verdict.simulated.mean, relativeError: verdict.relativeError, pass: verdict.pass });
  return {
    complete: result.complete,
    rootSeed: result.rootSeed,
    replicates: result.replicates,
    evaluations: result.evaluations,
    objective: { before: result.before.objective, after: result.after.objective },
    parameters: result.parameters.map((parameter, p) => ({
      path: parameter.path,
      before: parameter.before,
      after: parameter.after,
      bounds: [parameter.min, parameter.max],
      interval: { linearised: quality.intervals[p]?.linearised ?? null, bootstrap: quality.intervals[p]?.bootstrap ?? null },
    })),
    targets: result.after.verdicts.map((after, t) => ({ target: after.target, fit: identification.fit[identification.targets.indexOf(after.target)] ?? null, before: figure(result.before.verdicts[t]!), after: figure(after) })),
    identification: {
      degreesOfFreedom: identification.degreesOfFreedom,
      // Infinity (a knob that moves nothing) has no JSON: null.
      conditionNumber: Number.isFinite(identification.conditionNumber) ? identification.conditionNumber : null,
      targets: identification.targets,
      parameters: identification.parameters,
      sensitivity: identification.matrix,
      correlations: identification.correlations ?? null,
    },
    goodness: { chiSquare: quality.chiSquare, degreesOfFreedom: quality.degreesOfFreedom, residuals: quality.residuals },
  };
}
