/** `livesim sensitivity`: which assumptions the answer hangs on (Morris elementary effects, or one at a time). */
import path from 'node:path';
import { Command, Option } from 'commander';
import { toCsv, type Cell } from '../../experiment/batch/csv.js';
import { morrisDesign, oatDesign } from '../../experiment/analysis/designs.js';
import { replicateSeeds } from '../../experiment/batch/replicates.js';
import { MANIFEST, jsonText } from '../../experiment/run/run-layout.js';
import { morrisEffects, oatEffects, planDesign, runDesign, type DesignRun, type MetricEffects } from '../../experiment/analysis/sensitivity.js';
import { formatMetric, formatMetricChange, formatPercent, formatQuantity, formatSeconds } from '../../format.js';
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

interface SensitivityOptions extends DesignOptions {
  readonly method: 'morris' | 'oat';
  readonly trajectories: number;
}

const EXAMPLES = `
Examples:
  $ livesim sensitivity demo-county                      Morris over every parameter with a prior
  $ livesim sensitivity demo-county --method oat         one at a time: low, base, high (a tornado)
  $ livesim sensitivity fu-fanping --param stores.magic-bean-store.visitorsPerDay --param shops.magic-bean.staff.wagePerMonth=1000..2000
  $ livesim sensitivity weiya-welfare --metric farmerRevenue --json

Every design point runs the same replicate seeds (common random numbers), so effects are not noise.
μ*: how much a metric moves, on average, when the parameter crosses its whole range; μ: the same
with its sign; σ: how much that depends on the other parameters (interactions, curvature).
`;

export function sensitivityCommand(): Command {
  return withDesignOptions(
    new Command('sensitivity')
      .description('which parameters move the answer: Morris elementary effects (or one at a time) over the priors')
      .argument('<scenario>', 'preset name or scenario file')
      .addOption(new Option('--method <method>', 'morris (elementary effects) or oat (one at a time)').choices(['morris', 'oat']).default('morris'))
      .option('--trajectories <n>', 'Morris trajectories', parseCount, 6),
    'sensitivity',
  )
    .addHelpText('after', EXAMPLES)
    .action(async (reference: string, options: SensitivityOptions, command: Command) => {
      const terminal = detectTerminal(command.optsWithGlobals());
      // Redis (with --queue) must answer before anything is claimed or run.
      await withQueueIfAsked(options, terminal, async (remote) => {
        const { base, params, metrics, rootSeed, load } = designSetup(reference, options);
        const points = options.method === 'oat' ? oatDesign(params.length) : morrisDesign(params.length, options.trajectories, rootSeed);
        const seeds = replicateSeeds(rootSeed, options.replicates);
        const plan = planDesign(params, points, load);
        refuseOversized(eachWith(plan.scenarios, seeds.length), options);
        const createdAt = new Date();
        const output = RunOutput.claim(options, `${base.scenario.name}-sensitivity`, rootSeed, createdAt, terminal);

        const started = performance.now();
        const title = `sensitivity ${base.scenario.name}: ${options.method}, ${params.length} parameters, ${points.length} design points × ${seeds.length} replicates`;
        const { result, control } = await withBatchProgress(terminal, { ...options, title }, (signal, progress) => runDesign(plan, seeds, { jobs: options.jobs, remote, signal, onProgress: progress }));
        const wallSeconds = (performance.now() - started) / 1000;
        const effects = options.method === 'oat' ? oatEffects(result, metrics) : morrisEffects(result, metrics);
        const summary = { scenario: base.scenario.name, method: options.method, rootSeed, replicates: seeds.length, designPoints: points.length, complete: result.complete, metrics: effects };
        const referenceOf = (name: string) => effects.find((metric) => metric.name === name)?.reference ?? 0;
        await output.write(
          {
            'design.csv': designCsv(result, metrics),
            'effects.csv': effectsCsv(effects),
            'summary.json': jsonText(summary),
            [MANIFEST]: designManifest('sensitivity', base, { rootSeed, seeds, complete: result.complete, createdAt, wallSeconds, remote }, { gmv: referenceOf('gmv'), farmerRevenue: referenceOf('farmerRevenue') }, ['design.csv', 'effects.csv', 'summary.json']),
          },
          terminal,
        );
        const shown = output.shown;
        if (options.json) {
          terminal.out(jsonText({ scenario: summary.scenario, method: summary.method, complete: summary.complete, metrics: effects, runDirectory: shown }));
        } else {
          const width = terminal.stdoutIsTTY ? terminal.columns : Number.POSITIVE_INFINITY;
          terminal.out(formatEffects(summary.scenario, options.method, effects, terminal.outStyle, width));
          terminal.out(`\n  ${formatSeconds(wallSeconds)}  ·  ${points.length} design points × ${seeds.length} replicates in ${terminal.outStyle.bold(path.join(shown, 'design.csv'))}\n`);
        }
        if (!result.complete) setExitCode(control.exitCode);
      });
    });
}

/** One table per metric, ranked by μ*, with a plain reading of the largest effects. */
export function formatEffects(scenario: string, method: string, metrics: readonly MetricEffects[], style: Style, width: number): string {
  const lines = fitLine(`${style.bold(scenario)}  sensitivity (${method === 'oat' ? 'one at a time: high minus low' : 'Morris elementary effects'}) over the priors' ranges`, width);
  for (const metric of metrics) {
    lines.push('', ...fitLine(`  ${style.bold(metric.name)}  (${method === 'oat' ? 'at the base' : 'mean over the design'}: ${formatMetric(metric.name, metric.reference)})`, width, '  '));
    const rows = metric.effects.map((effect) => [
      effect.param,
      `${formatQuantity(effect.low)}..${formatQuantity(effect.high)}`,
      formatMetric(metric.name, effect.muStar),
      formatMetricChange(metric.name, effect.mu),
      formatMetric(metric.name, effect.sigma),
      metric.reference !== 0 ? `±${formatPercent(effect.muStar / Math.abs(metric.reference))}` : '—',
    ]);
    lines.push(...formatTable(['parameter', 'range', 'μ*', 'μ', 'σ', 'of mean'], rows, { width, indent: '    ', right: [2, 3, 4, 5], shrink: 0, optional: [1, 4] }));
    const top = metric.effects[0];
    if (top && top.muStar > 0 && metric.reference !== 0) {
      lines.push(...fitLine(`    raising ${top.param} over its range moves ${metric.name} by ${top.mu >= 0 ? '+' : '−'}${formatPercent(Math.abs(top.mu) / Math.abs(metric.reference))} on average`, width, '    '));
    }
  }
  return `${lines.join('\n')}\n`;
}

function designCsv(run: DesignRun, metrics: readonly string[]): string {
  const header = ['point', 'group', 'step', 'replicate', 'seed', ...run.params.map((param) => param.path), ...metrics];
  const rows: Cell[][] = [];
  run.rows.forEach((pointRows, point) => {
    const design = run.points[point]!;
    pointRows.forEach((row, replicate) => rows.push([point, design.group, design.step, replicate, Number(row.keys.seed), ...run.values[point]!, ...metrics.map((metric) => row.metrics[metric] ?? '')]));
  });
  return toCsv(header, rows);
}

function effectsCsv(metrics: readonly MetricEffects[]): string {
  return toCsv(
    ['metric', 'param', 'low', 'high', 'muStar', 'mu', 'sigma'],
    metrics.flatMap((metric) => metric.effects.map((effect) => [metric.name, effect.param, effect.low, effect.high, effect.muStar, effect.mu, effect.sigma])),
  );
}
