/** `livesim compare` of two single runs (no replicates): A, B and the difference, with no interval, said plainly. */
import { UsageError } from '../../errors.js';
import { isRunDirectory } from '../../experiment/batch/batch-sides.js';
import { HEADLINE_METRICS } from '../../experiment/batch/batch-statistics.js';
import { SINGLE_RUNS_HINT, SINGLE_RUNS_NOTE, compareSingleRuns, readSingleRun, type SingleRunSide } from '../../experiment/analysis/compare-single.js';
import { farmersFirst } from '../../experiment/analysis/compare-run.js';
import { readManifest } from '../../experiment/run/manifest.js';
import { jsonText } from '../../experiment/run/run-layout.js';
import type { ReportOptions } from '../report-options.js';
import type { Terminal } from '../terminal.js';
import { formatSingleComparison, singleComparisonCsv } from './compare-output.js';

/** What of compare's options two single runs read (the rest are refused or do not apply). */
export interface SinglesOptions extends ReportOptions {
  readonly set: readonly string[];
  readonly setA: readonly string[];
  readonly setB: readonly string[];
  readonly metric: readonly string[];
  readonly out?: string | undefined;
  readonly json?: boolean | undefined;
  readonly format: 'table' | 'markdown' | 'csv';
}

/** A run directory holding one run (not a batch): what `livesim run` without --replicates writes. */
export const isSingleRun = (directory: string | undefined) => directory !== undefined && isRunDirectory(directory) && readManifest(directory).kind === 'run';

/** Two single runs: their difference, said to have no interval, and how to get one. A single run against anything else is refused. */
export function compareSingles(sides: { readonly a: string; readonly dirA: string | undefined; readonly b: string; readonly dirB: string | undefined }, options: SinglesOptions, terminal: Terminal): void {
  const { a, dirA, b, dirB } = sides;
  for (const [reference, directory] of [
    [a, dirA],
    [b, dirB],
  ] as const) {
    if (!isSingleRun(directory)) throw new UsageError(`${reference} is not a single run, and a single run can only be compared with another`, SINGLE_RUNS_HINT);
  }
  if (options.setA.length + options.setB.length + options.set.length > 0) throw new UsageError('--set, --set-a and --set-b change scenarios: stored runs are compared as they are', SINGLE_RUNS_HINT);
  if (options.out !== undefined || options.report || options.open) throw new UsageError('two single runs are compared on the terminal only: --out, --report and --open write a comparison of replicates', SINGLE_RUNS_HINT);
  const [sideA, sideB] = [readSingleRun(dirA!), readSingleRun(dirB!)];
  for (const name of options.metric) {
    if (!Object.hasOwn(sideA.metrics, name)) throw new UsageError(`no metric \`${name}\``, `metrics: ${Object.keys(sideA.metrics).join(', ')}`);
  }
  const all = compareSingleRuns(sideA, sideB, options.metric.length > 0 ? options.metric : undefined);
  const shown = options.metric.length > 0 ? all : farmersFirst(all.filter((metric) => (HEADLINE_METRICS as readonly string[]).includes(metric.name) || metric.delta !== 0));
  const overrides = (side: SingleRunSide) => readManifest(side.directory).sources.overrides.map((override) => ` --set ${override}`).join('');
  const label = (side: SingleRunSide) => `${side.scenario}${overrides(side)}, seed ${side.seed}${side.span ? `, ${side.span}` : ''} (stored: ${side.directory})`;
  if (options.json) {
    terminal.out(jsonText({ kind: 'single-runs', note: SINGLE_RUNS_NOTE, a: { directory: sideA.directory, scenario: sideA.scenario, seed: sideA.seed }, b: { directory: sideB.directory, scenario: sideB.scenario, seed: sideB.seed }, metrics: shown }));
    return;
  }
  if (options.format === 'csv') {
    terminal.out(singleComparisonCsv(shown));
    return;
  }
  terminal.out(formatSingleComparison(label(sideA), label(sideB), shown, options.format, terminal.stdoutIsTTY ? terminal.columns : Number.POSITIVE_INFINITY));
  if (sideA.span !== sideB.span) terminal.err('note: the two runs cover different periods, so their totals differ for that reason too\n');
  terminal.err(`${SINGLE_RUNS_HINT}\n`);
}

