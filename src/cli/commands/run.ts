/** `livesim run`: run a scenario, show progress, write the run directory, report. */
import { Command } from 'commander';
import { EXIT } from '../../errors.js';
import { checkRunDirectory, newRunDirectory, writeRunDirectory } from '../../experiment/run-store.js';
import { ScenarioRun, runFiles } from '../../experiment/single-run.js';
import { displayPath } from '../../paths.js';
import { loadScenario } from '../../scenario/load.js';
import { DEFAULT_PRESET } from '../../scenario/presets.js';
import { collect, parseSeed } from '../options.js';
import { ProgressReporter, type ProgressMode } from '../progress.js';
import { detectTerminal } from '../terminal.js';
import { formatRunReport } from './run-report.js';

interface RunOptions {
  readonly seed?: number;
  readonly set: string[];
  readonly out?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

const EXAMPLES = `
Examples:
  $ livesim run                                   the default preset (${DEFAULT_PRESET})
  $ livesim run demo-county --seed 42             another seed
  $ livesim run my-county.yaml --out runs/trial   a scenario file, results in runs/trial
  $ livesim run demo-county --set anchors.guest-star.commission.welfareRate=0.1
  $ livesim run demo-county --json | jq .metrics.farmerRevenue
`;

export function runCommand(): Command {
  return new Command('run')
    .description('run a scenario and write its results to a run directory')
    .argument('[scenario]', 'preset name or scenario file (YAML or JSON)', DEFAULT_PRESET)
    .option('--seed <n>', "root random seed (default: the scenario's own)", parseSeed)
    .option('--set <path=value>', 'override a field after loading (repeatable)', collect, [])
    .option('--out <dir>', 'run directory (default: runs/<scenario>-<seed>-<time>)')
    .option('--json', 'print the summary as JSON on stdout and nothing else there')
    .option('-q, --quiet', 'no progress on stderr')
    .addHelpText('after', EXAMPLES)
    .action(async (reference: string, options: RunOptions, command: Command) => {
      const terminal = detectTerminal(command.optsWithGlobals());
      const loaded = loadScenario(reference, { overrides: options.set });
      const seed = options.seed ?? loaded.scenario.seed;
      const createdAt = new Date();
      const directory = options.out ?? newRunDirectory('runs', loaded.scenario.name, seed, createdAt);
      checkRunDirectory(directory);

      const mode: ProgressMode = options.quiet ? 'off' : options.json || !terminal.stderrIsTTY || terminal.ci ? 'lines' : 'status';
      const progress = new ProgressReporter(terminal, mode);
      const run = new ScenarioRun(loaded, seed);
      run.snapshots$.subscribe((snapshot) => progress.onSnapshot(snapshot));

      const controller = new AbortController();
      const interrupt = () => {
        if (controller.signal.aborted) process.exit(EXIT.interrupted); // a second Ctrl+C: quit at once
        controller.abort();
        progress.finish();
        terminal.err('stopping: writing what was computed (Ctrl+C again to quit at once)\n');
      };
      process.on('SIGINT', interrupt);
      process.on('SIGTERM', interrupt);
      let finished;
      try {
        finished = await run.run({ signal: controller.signal, onProgress: (status) => progress.onSlice(status) });
      } finally {
        process.off('SIGINT', interrupt);
        process.off('SIGTERM', interrupt);
        progress.finish();
      }

      writeRunDirectory(directory, runFiles(loaded, finished, createdAt));
      const shownDirectory = displayPath(directory);
      if (options.json) {
        const { summary } = finished;
        const report = { ...summary, engine: { ...summary.engine, wallSeconds: round3(finished.wallSeconds) }, runDirectory: shownDirectory };
        terminal.out(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        terminal.out(formatRunReport(finished.summary, shownDirectory, finished.wallSeconds, terminal.outStyle));
      }
      if (!finished.summary.complete) {
        terminal.err(`stopped early: partial results (complete: false) are in ${shownDirectory}\n`);
        process.exitCode = EXIT.interrupted;
      }
    });
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;
