/** `livesim run --replicates N` (or --precision): a batch of replicates, its progress, files and report. */
import { manifestText } from '../../experiment/run/manifest.js';
import { HEADLINE_METRICS } from '../../experiment/batch/batch-statistics.js';
import { batchSummary, runReplicateBatch, type BatchSummary } from '../../experiment/batch/replicated-run.js';
import { REPLICATES_TIMESERIES, replicatesTimeseriesCsv } from '../../experiment/batch/replicate-timeseries.js';
import { MANIFEST, REPLICATES_CSV, jsonText } from '../../experiment/run/run-layout.js';
import { formatMetric, formatPercent, formatSeconds } from '../../format.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { withBatchProgress } from '../batch-progress.js';
import { fitLine, formatTable } from '../table.js';
import type { Style } from '../style.js';
import type { Terminal } from '../terminal.js';
import { setExitCode } from '../command-io.js';
import type { RunOptions } from './run-options.js';
import { RunOutput } from '../run-output.js';
import type { RemoteRunner } from '../../experiment/batch/worker-pool.js';
import { withQueueIfAsked } from '../queue-option.js';

/** Metrics in the printed table (summary.json has them all). */
const SHOWN = [...HEADLINE_METRICS, 'gainPremium', 'gainVolume', 'gainSpillover', 'householdsAboveLine', 'householdsAboveLineWithoutEcommerce', 'broadcasts', 'views', 'conversion', 'units', 'lostOrders'];

export async function runBatch(loaded: LoadedScenario, options: RunOptions, terminal: Terminal): Promise<void> {
  // Redis (with --queue) must answer before the run directory is claimed.
  await withQueueIfAsked(options, terminal, (remote) => runBatchWith(loaded, options, terminal, remote));
}

async function runBatchWith(loaded: LoadedScenario, options: RunOptions, terminal: Terminal, remote: RemoteRunner | undefined): Promise<void> {
  const rootSeed = options.seed ?? loaded.scenario.seed;
  const createdAt = new Date();
  const output = RunOutput.claim(options, loaded.scenario.name, rootSeed, createdAt, terminal);

  const started = performance.now();
  const { result, control } = await withBatchProgress(terminal, { ...options, title: `${loaded.scenario.name} · root seed ${rootSeed}` }, (signal, progress) =>
    runReplicateBatch(loaded, {
      replicates: options.replicates ?? 3,
      rootSeed,
      rowsFile: output.stream(REPLICATES_CSV),
      precision: options.precision,
      maxReplicates: options.maxReplicates,
      jobs: options.jobs,
      remote,
      signal,
      onProgress: progress,
    }),
  );
  const wallSeconds = (performance.now() - started) / 1000;

  const summary = batchSummary(loaded, rootSeed, result, options.precision);
  await output.write({
    'summary.json': jsonText(summary),
    [REPLICATES_CSV]: result.rowsCsv,
    [REPLICATES_TIMESERIES]: replicatesTimeseriesCsv(result.months),
    [MANIFEST]: manifestText({
      kind: 'replicates',
      complete: result.complete,
      scenario: loaded.scenario.name,
      scenarioHash: loaded.hash,
      seed: rootSeed,
      replicates: result.rows.length,
      seeds: result.rows.map((row) => Number(row.keys.seed)),
      sources: { files: [...loaded.files], overrides: [...loaded.overrides] },
      createdAt,
      wallSeconds,
      headline: { gmv: summary.metrics.gmv?.mean ?? 0, farmerRevenue: summary.metrics.farmerRevenue?.mean ?? 0 },
      files: [MANIFEST, REPLICATES_CSV, REPLICATES_TIMESERIES, 'summary.json'],
      remote,
      resolvedScenario: loaded.scenario,
    }),
  }, terminal);

  const shownDirectory = output.shown;
  if (options.json) terminal.out(jsonText({ ...summary, runDirectory: shownDirectory, wallSeconds: Math.round(wallSeconds * 1000) / 1000 }));
  else terminal.out(formatBatchReport(summary, shownDirectory, wallSeconds, terminal.outStyle, terminal.stdoutIsTTY ? terminal.columns : Number.POSITIVE_INFINITY));
  if (!result.complete) {
    terminal.err(
      remote && remote.failures.length > 0
        ? 'some replicates failed on the queue: those that finished are kept, marked complete: false, the failed ones listed in manifest.json\n'
        : 'stopped early: the replicates that finished are kept, marked complete: false\n',
    );
    setExitCode(control.exitCode);
  }
}

export function formatBatchReport(summary: BatchSummary, directory: string, wallSeconds: number, style: Style, width = Number.POSITIVE_INFINITY): string {
  const status = summary.complete ? style.green('complete') : style.yellow('stopped early (incomplete)');
  const precision =
    'precision' in summary ? `  precision ${formatPercent(summary.precision as number, 1)} ${summary.precisionReached ? 'reached' : style.yellow('not reached')}` : '';
  const lines = [...fitLine(`${style.bold(summary.scenario)}  ${summary.replicates} replicates from root seed ${summary.rootSeed}  ${status}${precision}`, width), ''];
  const rows: string[][] = [];
  for (const metric of SHOWN) {
    const estimate = summary.metrics[metric];
    if (!estimate) continue;
    const half = (estimate.ci95[1] - estimate.ci95[0]) / 2;
    const relative = estimate.mean !== 0 ? formatPercent(half / Math.abs(estimate.mean)) : '—';
    const value = (number: number) => formatMetric(metric, number);
    rows.push([metric, value(estimate.mean), `[${value(estimate.ci95[0])}, ${value(estimate.ci95[1])}]`, relative, value(estimate.sd)]);
  }
  // Too wide for the terminal: the sd goes first, then the ± column.
  lines.push(...formatTable(['metric', 'mean', '95% interval', '±', 'sd'], rows, { width, indent: '  ', right: [1, 3], optional: [4, 3] }));
  lines.push('', ...fitLine('  every metric is in summary.json; one row per replicate in replicates.csv', width, '  '), ...fitLine(`  ${formatSeconds(wallSeconds)}  ·  results in ${style.bold(directory)}`, width, '  '));
  return `${lines.join('\n')}\n`;
}
