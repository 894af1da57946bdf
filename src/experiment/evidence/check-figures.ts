/**
 * A checked figure as every reader sees it: the JSON that `check --json` prints and a check's
 * summary.json holds, the three kinds of figure with their titles and verdict words, and the
 * expected figure in words. The terminal table and the HTML report both read these.
 */
import { formatQuantity } from '../../format.js';
import { VALIDATION_RELATIONS } from '../../scenario/schema.js';
import type { TargetVerdict } from './targets.js';

/**
 * Where a checked figure stands, in the order shown, with the words for a figure that passes or
 * not. Only reproduced targets and independent validation figures count as evidence.
 */
export const FIGURE_SECTIONS = [
  { id: 'reproduced', title: 'reproduced by the mechanisms', pass: 'pass', fail: 'FAIL' },
  { id: 'fitted-exactly', title: 'fitted exactly: as many knobs as targets (checked, not evidence)', pass: 'pass', fail: 'FAIL' },
  { id: 'input', title: 'inputs: the scenario sets these (not calibration)', pass: 'as set', fail: 'FAIL' },
  { id: 'validation', title: 'validation: independent public figures, not used in fitting', pass: 'within', fail: 'outside' },
  { id: 'validation-dependent', title: 'validation, not independent of the targets or inputs (not counted)', pass: 'within', fail: 'outside' },
] as const;

export type FigureSection = (typeof FIGURE_SECTIONS)[number]['id'];

/** What places a figure in a section (a verdict, or the JSON of one, with nulls for what is absent). */
interface Standing {
  readonly kind: TargetVerdict['kind'];
  readonly fit?: TargetVerdict['fit'] | null;
  readonly relation?: TargetVerdict['relation'] | null;
}

/** The section a figure is shown in. */
export function sectionOf(figure: Standing): FigureSection {
  if (figure.kind === 'validation') return figure.relation != null && !VALIDATION_RELATIONS[figure.relation].independent ? 'validation-dependent' : 'validation';
  if (figure.kind === 'input') return 'input';
  return figure.fit === 'fitted-exactly' ? 'fitted-exactly' : 'reproduced';
}

/** Per section, how many figures it holds and how many of them pass (or lie within). */
export function sectionTally(figures: readonly (Standing & { readonly pass: boolean })[]): Record<FigureSection, { readonly pass: number; readonly total: number }> {
  const tally = Object.fromEntries(FIGURE_SECTIONS.map((section) => [section.id, { pass: 0, total: 0 }])) as Record<FigureSection, { pass: number; total: number }>;
  for (const figure of figures) {
    const counts = tally[sectionOf(figure)];
    counts.total++;
    if (figure.pass) counts.pass++;
  }
  return tally;
}

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
    ...(verdict.kind === 'validation'
      ? { relation: verdict.relation ?? null, independent: sectionOf(verdict) === 'validation' }
      : { fit: verdict.fit ?? (verdict.kind === 'input' ? 'input' : null) }),
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
export function verdictWord(figure: Standing & { readonly pass: boolean }): string {
  const section = FIGURE_SECTIONS.find((candidate) => candidate.id === sectionOf(figure))!;
  return figure.pass ? section.pass : section.fail;
}
