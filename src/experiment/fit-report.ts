/**
 * What a fit can claim, in lines of plain text: the identification table (what each parameter
 * moves, which targets are fitted exactly), the goodness of fit and the parameters' intervals.
 * The fitted file's header and `livesim calibrate`'s report print the same lines.
 */
import type { CalibrationResult } from './calibrate.js';

const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function fitClaims(result: CalibrationResult): string[] {
  const { identification, quality } = result;
  const lines: string[] = [];
  const parameters = identification.parameters;
  lines.push(
    `degrees of freedom: ${plural(identification.targets.length, 'reproduced target')} - ${plural(result.parameters.length, 'free parameter')} = ${identification.degreesOfFreedom}` +
      (Number.isFinite(identification.conditionNumber) ? `; condition number ${identification.conditionNumber.toPrecision(3)}` : '; condition number infinite (a knob moves nothing, or two move alike)'),
  );
  identification.targets.forEach((target, t) => {
    const moves = parameters.map((path, p) => `${path} ${signed(identification.matrix[t]![p]!)}`).join(', ');
    const fit = identification.fit[t] === 'fitted-exactly' ? 'fitted exactly: as many knobs as targets in its group, not evidence' : 'reproduced';
    lines.push(`moves ${target}: ${moves || 'nothing measured'} (${fit})`);
  });
  if (identification.correlations && parameters.length > 1) {
    const pairs = parameters.flatMap((a, i) => parameters.slice(i + 1).map((b, j) => `${a} ~ ${b} ${identification.correlations![i]![i + 1 + j]!.toFixed(2)}`));
    lines.push(`correlations at the fit: ${pairs.join('; ')}`);
  }
  const misses = quality.residuals.map((residual) => `${residual.target} ${signed(residual.miss)} (noise ${residual.noise.toFixed(2)}${residual.consistent ? '' : ', a real miss'})`);
  lines.push(`goodness: sum of squared misses ${quality.chiSquare.toPrecision(3)} in tolerances over ${plural(quality.degreesOfFreedom, 'degree')} of freedom; ${misses.join('; ')}`);
  for (const interval of quality.intervals) {
    const linearised = interval.linearised ? `[${interval.linearised[0]}, ${interval.linearised[1]}] within tolerances` : 'no linearised interval';
    const bootstrap = interval.bootstrap ? `[${interval.bootstrap[0]}, ${interval.bootstrap[1]}] from replicate noise (bootstrap)` : 'no bootstrap';
    lines.push(`${interval.path} ${interval.value}: ${linearised}; ${bootstrap}`);
  }
  return lines;
}
