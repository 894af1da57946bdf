/** `livesim uncertainty`: how wide the answer is across the priors (a Latin hypercube of parameter sets). */
import path from 'node:path';
import { Command } from 'commander';
import { toCsv, type Cell } from '../../experiment/batch/csv.js';
import { latinHypercube } from '../../experiment/analysis/designs.js';
import { replicateSeeds } from '../../experiment/batch/replicates.js';
import { MANIFEST, jsonText } from '../../experiment/run/run-layout.js';
import { bands, planUncertainty, runUncertainty, targetShares, type Band, type UncertaintyRun } from '../../experiment/analysis/uncertainty.js';
import { formatMetric, formatPercent, formatSeconds } from '../../format.js';
import { withBatchProgress } from '../batch-progress.js';
import { designManifest, designSetup, withDesignOptions, type DesignOptions } from '../design-options.js';
import { parseCount } from '../options.js';
import type { Style } from '../style.js';
import { fitLine, formatTable } from '../table.js';
import { detectTerminal } from '../terminal.js';
import { setExitCode } from '../command-io.js';
import { RunOutput } from '../run-output.js';
import { eachWith, refuseOversized } from '../resource-guard.js';
import { withQueueIfAsked } from '../queue-option.js';

interface UncertaintyOptions extends DesignOptions {
  readonly samples: number;
}

const EXAMPLES = `
Examples:
  $ livesim uncertainty demo-county                      64 parameter sets across the priors
  $ livesim uncertainty weiya-welfare --samples 32 --metric farmerShare
  $ livesim uncertainty demo-county --param anchors.guest-star.commission.welfareRate --json

Parameter sets are drawn by Latin hypercube over the priors' ranges (log-uniform where a range
spans ten times or more); each runs the same replicate seeds. The table gives, per metric, the
scenario's own value beside the median and the 5-95% band of what the priors allow.
`;

export function uncertaintyCommand(): Command {
  return withDesignOptions(
    new Command('uncertainty')
      .description('how wide the answer is across the priors: a Latin hypercube of parameter sets, each with replicates')
      .argument('<scenario>', 'preset name or scenario file')
      .option('--samples <n>', 'parameter sets drawn', parseCount, 64),
    'uncertainty',
  )
    .addHelpText('after', EXAMPLES)
    .action(async (reference: string, options: UncertaintyOptions, command: Command) => {
      const terminal = detectTerminal(command.optsWithGlobals());
      // Redis (with --queue) must answer before anything is claimed or run.
      await withQueueIfAsked(options, terminal, async (remote) => {
        const { base, params, metrics, rootSeed, load } = designSetup(reference, options);
        const points = latinHypercube(params.length, options.samples, rootSeed);
        const seeds = replicateSeeds(rootSeed, options.replicates);
        const plan = planUncertainty(params, points, base, load);
        refuseOversized(eachWith(plan.scenarios, seeds.length), options);
        const createdAt = new Date();
        const output = RunOutput.claim(options, `${base.scenario.name}-uncertainty`, rootSeed, createdAt, terminal);

        const started = performance.now();
        const title = `uncertainty ${base.scenario.name}: ${points.length} parameter sets of ${params.length} × ${seeds.length} replicates`;
        const { result, control } = await withBatchProgress(terminal, { ...options, title }, (signal, progress) => runUncertainty(plan, seeds, { jobs: options.jobs, remote, signal, onProgress: progress }));
        const wallSeconds = (performance.now() - started) / 1000;
        const metricBands = bands(result, metrics);
        const targets = targetShares(result, base.scenario.targets);
        const summary = { scenario: base.scenario.name, rootSeed, samples: result.samples.length, replicates: seeds.length, complete: result.complete, metrics: metricBands, targets };
        await output.write(
          {
            'samples.csv': samplesCsv(result, metrics),
            'summary.json': jsonText(summary),
            [MANIFEST]: designManifest('uncertainty', base, { rootSeed, seeds, complete: result.complete, createdAt, wallSeconds, remote }, { gmv: result.base.metrics.gmv ?? 0, farmerRevenue: result.base.metrics.farmerRevenue ?? 0 }, ['samples.csv', 'summary.json']),
          },
          terminal,
        );
        const shown = output.shown;
        if (options.json) {
          terminal.out(jsonText({ ...summary, runDirectory: shown }));
        } else {
          const width = terminal.stdoutIsTTY ? terminal.columns : Number.POSITIVE_INFINITY;
          terminal.out(formatBands(summary.scenario, result.samples.length, params.length, metricBands, targets, terminal.outStyle, width));
          terminal.out(`\n  ${formatSeconds(wallSeconds)}  ·  one row per parameter set in ${terminal.outStyle.bold(path.join(shown, 'samples.csv'))}\n`);
        }
        if (!result.complete) setExitCode(control.exitCode);
      });
    });
}

export function formatBands(scenario: string, samples: number, params: number, metricBands: readonly Band[], targets: ReturnType<typeof targetShares>, style: Style, width: number): string {
  const lines = [...fitLine(`${style.bold(scenario)}  across the priors: ${samples} parameter sets of ${params} parameters (Latin hypercube)`, width), ''];
  const rows = metricBands.map((band) => [band.name, formatMetric(band.name, band.base), formatMetric(band.name, band.median), `${formatMetric(band.name, band.low)} – ${formatMetric(band.name, band.high)}`]);
  lines.push(...formatTable(['metric', 'as fitted', 'median', '5-95% of the priors'], rows, { width, indent: '  ', right: [1, 2], shrink: 0 }));
  if (targets.length > 0) {
    lines.push('', '  targets still met across the priors');
    for (const target of targets) lines.push(...fitLine(`    ${target.target}: ${formatPercent(target.share, 0)} of the parameter sets${target.base ? '' : ' (not met as fitted with these replicates)'}`, width, '      '));
  }
  return `${lines.join('\n')}\n`;
}

function samplesCsv(run: UncertaintyRun, metrics: readonly string[]): string {
  const header = ['sample', ...run.params.map((param) => param.path), ...metrics];
  const rows: Cell[][] = [['base', ...run.base.values, ...metrics.map((metric) => run.base.metrics[metric] ?? '')]];
  run.samples.forEach((sample, index) => rows.push([index + 1, ...sample.values, ...metrics.map((metric) => sample.metrics[metric] ?? '')]));
  return toCsv(header, rows);
}
