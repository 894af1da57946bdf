/**
 * `livesim run <file> --watch`: runs the file, then again each time it (or a file it extends) is
 * saved, each version on the same replicate seeds as the last, printing its result beside the
 * paired change from the previous good version. A file that no longer loads is reported as
 * `run` reports it, and the last good result stands. Ctrl+C ends the watch (exit 0).
 */
import { UsageError } from '../../errors.js';
import type { Comparison } from '../../experiment/analysis/compare.js';
import { STUDIO_METRICS } from '../../experiment/studio/studio-session.js';
import { watchScenario, type WatchEvent } from '../../experiment/run/watch-scenario.js';
import { estimate } from '../../experiment/batch/statistics.js';
import { formatMetric, formatPairedChange } from '../../format.js';
import { displayPath } from '../../paths.js';
import { loadScenario } from '../../scenario/load.js';
import { reportError } from '../report-error.js';
import { keepWhatIsComputed } from '../stop-control.js';
import { formatTable } from '../table.js';
import type { Terminal } from '../terminal.js';
import type { RunOptions } from './run-options.js';

/** The replicates each version runs when --replicates does not say. */
export const WATCH_REPLICATES = 4;

export async function runWatch(reference: string, options: RunOptions, terminal: Terminal): Promise<void> {
  const refused = (['json', 'out', 'report', 'precision', 'queue', 'pace'] as const).find((name) => options[name] !== undefined && options[name] !== false);
  if (refused) throw new UsageError(`--watch prints each version's result and writes no run directory: it does not take --${refused}`, 'run once without --watch for that');
  const control = keepWhatIsComputed({ stopIsTheEnd: true });
  const replicates = options.replicates ?? WATCH_REPLICATES;
  const load = () => loadScenario(reference, { overrides: options.set });
  terminal.err(`watching ${load().files.map((file) => displayPath(file)).join(', ')} (${replicates} replicates a version); Ctrl+C ends\n`);
  await watchScenario(load, { replicates, rootSeed: options.seed, jobs: options.jobs, signal: control.signal }, (event) => terminal.out(versionText(event, terminal)));
}

/** A version as printed: its result and the change from the last good version, or why it did not load. */
function versionText(event: WatchEvent, terminal: Terminal): string {
  const time = new Date().toTimeString().slice(0, 8);
  if (event.kind === 'invalid') {
    const still = event.lastGood === undefined ? '' : `; still showing v${event.lastGood}`;
    terminal.out(`\nv${event.version}  ${time}  does not load${still}:\n`);
    // Said exactly as run says it: file:line:col, the field, what was expected, a hint.
    reportError(event.error, terminal);
    return '';
  }
  const head = `\nv${event.version}  ${time}  ${event.loaded.scenario.name}  ${event.rows.length} replicates${event.complete ? '' : ' (stopped early)'}\n`;
  const header = ['metric', 'mean', ...(event.comparison ? [`change from v${event.against} (paired 95%)`] : [])];
  const body = STUDIO_METRICS.map((name) => {
    const mean = estimate(event.rows.map((row) => row.metrics[name] ?? Number.NaN)).mean;
    const metric = event.comparison?.metrics.find((each) => each.name === name);
    return [name, formatMetric(name, mean), ...(event.comparison ? [metric ? changeText(metric) : ''] : [])];
  });
  const width = terminal.stdoutIsTTY ? terminal.columns : Number.POSITIVE_INFINITY;
  return `${head}${formatTable(header, body, { right: [1], indent: '  ', width }).join('\n')}\n`;
}

function changeText(metric: Comparison['metrics'][number]): string {
  const { change, interval } = formatPairedChange(metric);
  return `${change} ${interval}${metric.significant ? ' *' : ''}`;
}
