/** `livesim run`: run a scenario, show progress, write the run directory, report. */
import { Command } from 'commander';
import { withSharedOptions } from '../shared-options.js';
import { loadScenario } from '../../scenario/load.js';
import { DEFAULT_PRESET } from '../../scenario/presets.js';
import { parseCount, parsePace, parseShare } from '../options.js';
import { detectTerminal } from '../terminal.js';
import { runBatch } from './run-batch.js';
import { runSingle } from './run-single.js';
import { WATCH_REPLICATES, runWatch } from './run-watch.js';
import { refuseOversized } from '../resource-guard.js';
import { UsageError } from '../../errors.js';
import type { RunOptions } from './run-options.js';


const EXAMPLES = `
Examples:
  $ livesim run                                   the default preset (${DEFAULT_PRESET})
  $ livesim run demo-county --seed 42             another seed
  $ livesim run my-county.yaml --out runs/trial   a scenario file, results in runs/trial
  $ livesim run demo-county --set anchors.guest-star.commission.welfareRate=0.1
  $ livesim run demo-county --json | jq .metrics.farmerRevenue
  $ livesim run weiya-welfare --pace 1d        watch it: one simulated day a second
  $ livesim run national-agri --no-ui          plain progress lines even on a terminal
  $ livesim run weiya-welfare --replicates 20  20 replicates on all cores: means and 95% intervals
  $ livesim run fu-fanping --precision 0.02    add replicates until the intervals are within 2%
  $ livesim run my-county.yaml --watch         again on every save, with the paired change from the last

On a terminal, run shows a live dashboard: space pauses, q stops (results kept, marked
incomplete), Ctrl+C stops and exits 130, +/- change the pace, ? lists the keys.
`;

export function runCommand(): Command {
  return withSharedOptions(
    new Command('run')
    .description('run a scenario and write its results to a run directory')
    .argument('[scenario]', 'preset name or scenario file (YAML or JSON)', DEFAULT_PRESET)
    .option('--pace <duration>', 'watching mode: simulated time per wall-clock second (e.g. 1d, 10m)', parsePace)
    .option('--replicates <n>', 'run n replicates (seeds derived from the root seed), in parallel', parseCount)
    .option('--precision <share>', 'add replicates until the 95% intervals of GMV, orders and farmer revenue are within this share of their means', parseShare)
    .option('--max-replicates <n>', 'most replicates --precision may run', parseCount, 100)
    .option('--watch', 'run again each time the file (or a file it extends) is saved, with the paired change from the last good version (4 replicates a version unless --replicates)')
    .addHelpText('after', EXAMPLES)
    .action(async (reference: string, options: RunOptions, command: Command) => {
      const terminal = detectTerminal(command.optsWithGlobals());
      const loaded = loadScenario(reference, { overrides: options.set });
      if (options.watch) {
        refuseOversized([{ loaded, runs: options.replicates ?? WATCH_REPLICATES }], options);
        return runWatch(reference, options, terminal);
      }
      const batch = options.replicates !== undefined || options.precision !== undefined;
      if (!batch && options.queue !== undefined) throw new UsageError('--queue runs batches of replicates', 'add --replicates N (or --precision)');
      // --precision may add replicates up to --max-replicates.
      const runs = !batch ? 1 : options.precision === undefined ? (options.replicates ?? 3) : options.maxReplicates;
      refuseOversized([{ loaded, runs }], batch ? options : { ...options, jobs: 1 });
      await (batch ? runBatch(loaded, options, terminal) : runSingle(loaded, options, terminal));
    }),
    {
      help: {
        seed: "root random seed (default: the scenario's own)",
        json: 'print the summary as JSON on stdout and nothing else there',
        ui: 'no live dashboard: plain progress lines on stderr',
        jobs: 'replicates run at once, on worker threads, with --replicates (default: one per core)',
        force: 'run even when the estimated events or memory are over the limits, and replace a run already in --out',
      },
    },
  );
}


