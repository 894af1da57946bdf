/** `livesim sweep`: a scenario over a grid of parameter values, replicates per case, in parallel. */
import path from 'node:path';
import { Command } from 'commander';
import { withSharedOptions } from '../shared-options.js';
import { SWEEP_CSV, jsonText } from '../../experiment/run/run-layout.js';
import { planSweep, sweepFiles } from '../../experiment/analysis/sweep-run.js';
import type { Estimate } from '../../experiment/batch/statistics.js';
import { loadCases, runSweep, type SweepCase } from '../../experiment/analysis/sweep.js';
import { formatMetric, formatSeconds } from '../../format.js';
import { scenarioVariants } from '../../scenario/load.js';
import { withBatchProgress } from '../batch-progress.js';
import { collect, parseCount } from '../options.js';
import type { Style } from '../style.js';
import { fitLine, formatTable } from '../table.js';
import { sparkline } from '../text-charts.js';
import { labelOf } from '../../experiment/data-dictionary.js';
import { detectTerminal } from '../terminal.js';
import { setExitCode } from '../command-io.js';
import type { ReportOptions } from '../report-options.js';
import { RunOutput } from '../run-output.js';
import { eachWith, refuseOversized, refuseTooManyRuns } from '../resource-guard.js';
import { withQueueIfAsked, type QueueOptions } from '../queue-option.js';

interface SweepOptions extends ReportOptions, QueueOptions {
  readonly vary: string[];
  readonly replicates?: number;
  readonly seed?: number;
  readonly jobs?: number;
  readonly metric: string[];
  readonly set: string[];
  readonly out?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly ui: boolean;
  readonly force?: boolean;
}

const EXAMPLES = `
Examples:
  $ livesim sweep demo-county --vary anchors.guest-star.commission.welfareRate=0,0.05,0.1
  $ livesim sweep demo-county --vary behaviour.purchaseRate=0.0015..0.0035:0.0005 --replicates 8
  $ livesim sweep demo-county --vary anchors.li-orchard.skill=0.8,1.2 --vary products.navel-orange.price=34.9,39.9
  $ livesim sweep my-county.yaml          the cases of its sweep: block

Every case runs with the same replicate seeds; sweep.csv gets one row per case and replicate.
`;

export function sweepCommand(): Command {
  return withSharedOptions(
    new Command('sweep')
    .description('run a scenario over a grid of parameter values (or the cases of its sweep: block), with replicates')
    .argument('<scenario>', 'preset name or scenario file')
    .option('--vary <path=values>', 'vary a parameter: path=v1,v2,v3 or path=from..to:step (repeatable; all combinations)', collect, [])
    .option('--replicates <n>', 'replicates per case (default: the sweep block\'s, or 5)', parseCount)
    .option('--metric <name>', 'a metric for the summary table (repeatable)', collect, [])
    .addHelpText('after', EXAMPLES)
    .action(async (reference: string, options: SweepOptions, command: Command) => {
      const terminal = detectTerminal(command.optsWithGlobals());
      // Redis (with --queue) must answer before anything is claimed or run.
      await withQueueIfAsked(options, terminal, async (remote) => {
        const { base, variant } = scenarioVariants(reference, { overrides: options.set });
        const plan = planSweep(base, { ...options, metrics: options.metric });
        const { cases, replicates, metrics, rootSeed } = plan;
        refuseTooManyRuns(cases.length * replicates, options);
        // Every case is loaded (and checked) before the guard and before anything is claimed;
        // a problem with a case's values names where they came from.
        const loaded = await loadCases(cases, (overrides) => variant(overrides, plan.flag), (done, total) => {
          if (!options.quiet) terminal.err(`sweep ${base.scenario.name}: loaded ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} cases\n`);
        });
        refuseOversized(eachWith(loaded, replicates), options);
        const createdAt = new Date();
        const output = RunOutput.claim(options, `${base.scenario.name}-sweep`, rootSeed, createdAt, terminal);
        const started = performance.now();
        const title = `sweep ${base.scenario.name}: ${cases.length} cases × ${replicates} replicates`;
        const { result, control } = await withBatchProgress(terminal, { ...options, title }, (signal, progress) =>
          runSweep(cases, loaded, { replicates, rootSeed, rowsFile: output.stream(SWEEP_CSV), jobs: options.jobs, remote, signal, onProgress: progress }),
        );
        const wallSeconds = (performance.now() - started) / 1000;
        const { summary, files } = sweepFiles(base, plan, result, { createdAt, wallSeconds, remote });
        await output.write(files, terminal);
        if (options.json) terminal.out(jsonText({ ...summary, runDirectory: output.shown }));
        else {
          terminal.out(formatSweep(base.scenario.name, cases, result.byCase, metrics, replicates, output.shown, wallSeconds, terminal.outStyle, terminal.stdoutIsTTY ? terminal.columns : Number.POSITIVE_INFINITY));
          // On a terminal, each metric across the cases drawn as a line of blocks.
          if (terminal.stdoutIsTTY) terminal.out(`${sweepSparklines(cases, result.byCase, metrics, terminal.outStyle).join('\n')}\n`);
        }
        if (!result.complete) {
          terminal.err('stopped early: the replicates that finished are in sweep.csv, marked complete: false\n');
          setExitCode(control.exitCode);
        }
      });
    }),
    {
      help: {
        set: 'override a field in every case (repeatable)',
        out: 'run directory (default: runs/<scenario>-sweep-<seed>-<time>)',
      },
    },
  );
}

/** Each metric's mean across the cases, in case order, as a line of blocks (lowest ▁ to highest █). */
export function sweepSparklines(cases: readonly SweepCase[], byCase: readonly Readonly<Record<string, Estimate>>[], metrics: readonly string[], style: Style): string[] {
  if (cases.length < 2) return [];
  const width = Math.max(...metrics.map((metric) => labelOf(metric).length));
  return [
    style.dim(`  across the cases, ${cases[0]!.name} to ${cases.at(-1)!.name}:`),
    ...metrics.map((metric) => `  ${labelOf(metric).padEnd(width)}  ${style.cyan(sparkline(byCase.map((estimates) => estimates[metric]?.mean ?? Number.NaN)))}`),
  ];
}

export function formatSweep(
  scenario: string,
  cases: readonly SweepCase[],
  byCase: readonly Readonly<Record<string, Estimate>>[],
  metrics: readonly string[],
  replicates: number,
  directory: string,
  wallSeconds: number,
  style: Style,
  width = Number.POSITIVE_INFINITY,
): string {
  const parameters = [...new Set(cases.flatMap((item) => Object.keys(item.values)))];
  const header = ['case', ...parameters.map((parameter) => parameter.split('.').slice(-2).join('.')), ...metrics];
  const rows = cases.map((item, index) => [
    item.name,
    ...parameters.map((parameter) => String(item.values[parameter] ?? '')),
    ...metrics.map((metric) => {
      const estimate = byCase[index]![metric];
      if (!estimate) return '—';
      const half = (estimate.ci95[1] - estimate.ci95[0]) / 2;
      return `${formatMetric(metric, estimate.mean)} ±${formatMetric(metric, half)}`;
    }),
  ]);
  // Too wide for the terminal: the case names are cut, then each case becomes a block of lines;
  // no metric is left out.
  const metricColumns = metrics.map((_, index) => 1 + parameters.length + index);
  const table = formatTable(header, rows, { width, indent: '  ', right: metricColumns, shrink: 0 });
  return [
    ...fitLine(`${style.bold(scenario)}  sweep of ${cases.length} cases × ${replicates} replicates (same seeds in every case); mean ±95% half-width`, width),
    '',
    ...table,
    '',
    ...fitLine(`  ${formatSeconds(wallSeconds)}  ·  one row per case and replicate in ${style.bold(path.join(directory, 'sweep.csv'))}`, width, '  '),
    '',
  ].join('\n');
}
