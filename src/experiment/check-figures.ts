/**
 * A checked figure as every reader sees it: the JSON that `check --json` prints and a check's
 * summary.json holds, the three kinds of figure with their titles and verdict words, and the
 * expected figure in words. The terminal table and the HTML report both read these.
 */
import { formatQuantity } from '../format.js';
import type { TargetVerdict } from './targets.js';

/** The kinds of figure, in the order they are shown, with the words for a figure that passes or not. */
export const FIGURE_SECTIONS = [
  { kind: 'reproduced', title: 'reproduced by the mechanisms', pass: 'pass', fail: 'FAIL' },
  { kind: 'input', title: 'inputs: the scenario sets these (not calibration)', pass: 'as set', fail: 'FAIL' },
  { kind: 'validation', title: 'validation: public figures not used in fitting', pass: 'within', fail: 'outside' },
] as const;

/** One figure as --json prints it (targets and validation figures share these fields). */
export function checkedFigure(verdict: TargetVerdict & { readonly scenario: string }) {
  return {
    scenario: verdict.scenario,
    target: verdict.target,
    kind: verdict.kind,
    metric: verdict.metric,
    measures: verdict.measures,
    expected: verdict.expected,
    tolerance: verdict.tolerance ?? null,
    simulated: { mean: verdict.simulated.mean, ci95: verdict.simulated.ci95 },
    relativeError: verdict.relativeError,
    pass: verdict.pass,
  };
}

export type CheckedFigure = ReturnType<typeof checkedFigure>;

/** `560.0M ±10%`, or `90 – 100` for a range. */
export function describeExpected(figure: Pick<TargetVerdict, 'expected'> & { readonly tolerance?: number | null | undefined }): string {
  const expected = figure.expected;
  return typeof expected === 'number'
    ? `${formatQuantity(expected)} ±${Math.round((figure.tolerance ?? 0) * 100)}%`
    : `${formatQuantity(expected[0])} – ${formatQuantity(expected[1])}`;
}

/** The verdict in words: pass / FAIL, as set, within / outside. */
export function verdictWord(figure: Pick<TargetVerdict, 'kind' | 'pass'>): string {
  const section = FIGURE_SECTIONS.find((candidate) => candidate.kind === figure.kind)!;
  return figure.pass ? section.pass : section.fail;
}
