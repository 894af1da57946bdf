/** `livesim compare`: what changes from A to B, replicate by replicate with common random numbers. */
import { Command, Option } from 'commander';
import { withSharedOptions } from '../shared-options.js';
import { runPaired } from '../../experiment/analysis/paired-run.js';
import { comparisonCsv, comparisonFiles, comparisonOutcome, noEffectReading, pairedSides, planComparison, readSides, sideName, type ComparedSide, type ComparisonOutcome } from '../../experiment/analysis/compare-run.js';
import { listRuns, type StoredRun } from '../../experiment/run/run-index.js';
import { RUNS_ROOT, runDirectoryOf } from '../../experiment/run/run-reference.js';
import { jsonText } from '../../experiment/run/run-layout.js';
import type { ReportOptions } from '../report-options.js';
import { RunOutput } from '../run-output.js';
import { eachWith, refuseOversized } from '../resource-guard.js';
import { withBatchProgress } from '../batch-progress.js';
import { collect, parseCount } from '../options.js';
import { fitLine } from '../table.js';
import { detectTerminal, type Terminal } from '../terminal.js';
import { setExitCode } from '../command-io.js';
import { withQueueIfAsked, type QueueOptions } from '../queue-option.js';
import { comparisonForest, formatComparison } from './compare-output.js';
import { compareSingles, isSingleRun } from './compare-singles.js';

interface CompareOptions extends ReportOptions, QueueOptions {
  readonly replicates: number;
  readonly seed?: number;
  readonly jobs?: number;
  readonly metric: string[];
  readonly set: string[];
  readonly setA: string[];
  readonly setB: string[];
  readonly json?: boolean;
  readonly format: 'table' | 'markdown' | 'csv';
  readonly quiet?: boolean;
  readonly ui: boolean;
  readonly out?: string;
  readonly force?: boolean;
}

const EXAMPLES = `
Examples:
  $ livesim compare demo-county my-county.yaml --replicates 20
  $ livesim compare demo-county demo-county --set-b anchors.guest-star.commission.welfareRate=0
  $ livesim compare runs/a-1-20261129-101500 runs/b-1-20261129-102000   two stored batches (run --replicates)
  $ livesim compare demo-county my-county.yaml --metric farmerRevenue --metric gmv --format markdown
  $ livesim compare demo-county demo-county --set-b products.navel-orange.price=30 --report

A and B are presets, scenario files, or run directories made by run --replicates. Scenarios run
with the same replicate seeds (common random numbers); stored batches pair by seed.
`;


export function compareCommand(): Command {
  return withSharedOptions(
    new Command('compare')
    .description('compare two scenarios (or stored batches) metric by metric, with paired 95% intervals')
    .argument('<a>', 'preset, scenario file or run directory (A, the baseline)')
    .argument('<b>', 'preset, scenario file or run directory (B, the change)')
    .option('--replicates <n>', 'replicates per scenario', parseCount, 10)
    .option('--metric <name>', 'compare this metric (repeatable; default: the headline metrics and every metric that changed)', collect, [])
    .option('--set-a <path=value>', 'override a field in A only (repeatable)', collect, [])
    .option('--set-b <path=value>', 'override a field in B only (repeatable)', collect, [])
    .addOption(new Option('--format <format>', 'how to print the comparison').choices(['table', 'markdown', 'csv']).default('table'))
    .addHelpText('after', EXAMPLES)
    .action(async (a: string, b: string, options: CompareOptions, command: Command) => {
      const terminal = detectTerminal(command.optsWithGlobals());
      // Redis (with --queue) must answer before anything is claimed or run.
      await withQueueIfAsked(options, terminal, async (remote) => {
        // A side may name a stored run by its path, its id or a handle (@latest, @2).
        let stored: readonly StoredRun[] | undefined;
        const directoryOf = (reference: string) => runDirectoryOf(reference, () => (stored ??= listRuns(RUNS_ROOT).runs));
        const [dirA, dirB] = [directoryOf(a), directoryOf(b)];
        if (isSingleRun(dirA) || isSingleRun(dirB)) return compareSingles({ a, dirA, b, dirB }, options, terminal);
        const plan = planComparison({ a, b }, options, directoryOf);
        // From the manifests' seeds, before a stored batch's rows are read.
        refuseOversized(eachWith(plan.toRun, plan.seeds.length), options);
        const sides = readSides(plan, { a, b });
        const createdAt = new Date();
        const output = RunOutput.claimIfAsked(options, `compare-${sideName(sides[0])}-${sideName(sides[1])}`, plan.rootSeed, createdAt, terminal);
        const started = performance.now();
        const title = `compare: ${plan.toRun.length === 2 ? 'A and B' : 'the scenario side'}, ${plan.seeds.length} seeds each`;
        const { result: ran, control } = await withBatchProgress(terminal, { ...options, title, quiet: options.quiet || plan.toRun.length === 0 }, (signal, progress) =>
          runPaired(pairedSides(sides), plan.seeds, { keep: { months: true }, jobs: options.jobs, remote, signal, onProgress: progress }),
        );
        const outcome = comparisonOutcome(sides, ran, options.metric);
        if (output !== undefined) {
          await output.write(comparisonFiles(plan, sides, ran, outcome, { request: options, createdAt, wallSeconds: (performance.now() - started) / 1000, remote }), terminal);
          terminal.err(`results in ${output.shown}\n`);
        }
        if (outcome.comparison.replicates === 0) terminal.err('stopped before any replicate finished: nothing to compare\n');
        else if (options.json) terminal.out(jsonText(output === undefined ? outcome.summary : { ...outcome.summary, runDirectory: output.shown }));
        else terminal.out(printedComparison(sides, outcome, options, terminal));
        if (!ran.complete) {
          if (outcome.comparison.replicates > 0) terminal.err('stopped early: the comparison above uses the replicates that finished\n');
          setExitCode(control.exitCode);
        }
      });
    }),
    {
      help: {
        set: 'override a field in both scenarios (repeatable)',
        seed: "root seed of the replicate seeds (default: A's scenario seed)",
        out: 'also write the comparison into a run directory (default with --report: runs/compare-<a>-<b>-<seed>-<time>)',
      },
    },
  );
}

/** The comparison as printed: CSV, or the table (with the --set both sides share), its forest on a terminal, and why nothing changed when nothing did. */
function printedComparison(sides: readonly [ComparedSide, ComparedSide], outcome: ComparisonOutcome, options: CompareOptions, terminal: Terminal): string {
  if (options.format === 'csv') return comparisonCsv(outcome.shown);
  const width = terminal.stdoutIsTTY ? terminal.columns : Number.POSITIVE_INFINITY;
  const both = options.set.length > 0 ? `both: ${options.set.map((override) => `--set ${override}`).join(' ')}\n` : '';
  const parts = [both + formatComparison(sides[0].label, sides[1].label, { ...outcome.comparison, metrics: outcome.shown }, options.format, terminal.outStyle, width)];
  // On a terminal, the changes drawn: which clear zero, and how far.
  if (terminal.stdoutIsTTY && options.format === 'table') parts.push(`\n${comparisonForest(outcome.shown, terminal.outStyle, width).join('\n')}\n`);
  const why = noEffectReading(sides, outcome.comparison.metrics);
  if (why.length > 0) parts.push(`\n${why.flatMap((line) => fitLine(line, width, '    ')).join('\n')}\n`);
  return parts.join('');
}
