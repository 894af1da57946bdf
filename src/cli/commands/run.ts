/** `livesim run`: run a scenario, show progress, write the run directory, report. */
import { Command } from 'commander';
import { EXIT } from '../../errors.js';
import { checkRunDirectory, newRunDirectory, writeRunDirectory } from '../../experiment/run-store.js';
import { Pacer } from '../../engine/pacer.js';
import { ScenarioRun, runFiles } from '../../experiment/single-run.js';
import { displayPath } from '../../paths.js';
import { loadScenario } from '../../scenario/load.js';
import { DEFAULT_PRESET } from '../../scenario/presets.js';
import { mountDashboard } from '../../ui/mount-dashboard.js';
import { collect, parsePace, parseSeed } from '../options.js';
import { ProgressReporter, type ProgressMode } from '../progress.js';
import { detectTerminal } from '../terminal.js';
import { formatRunReport } from './run-report.js';

interface RunOptions {
  readonly seed?: number;
  readonly set: string[];
  readonly out?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
  /** False for --no-ui. */
  readonly ui: boolean;
  /** Simulated minutes per second (--pace). */
  readonly pace?: number;
}

const EXAMPLES = `
Examples:
  $ livesim run                                   the default preset (${DEFAULT_PRESET})
  $ livesim run demo-county --seed 42             another seed
  $ livesim run my-county.yaml --out runs/trial   a scenario file, results in runs/trial
  $ livesim run demo-county --set anchors.guest-star.commission.welfareRate=0.1
  $ livesim run demo-county --json | jq .metrics.farmerRevenue
  $ livesim run weiya-welfare --pace 1d        watch it: one simulated day a second
  $ livesim run national-agri --no-ui          plain progress lines even on a terminal

On a terminal, run shows a live dashboard: space pauses, q stops (results kept, marked
incomplete), Ctrl+C stops and exits 130, +/- change the pace, ? lists the keys.
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
    .option('--no-ui', 'no live dashboard: plain progress lines on stderr')
    .option('--pace <duration>', 'watching mode: simulated time per wall-clock second (e.g. 1d, 10m)', parsePace)
    .addHelpText('after', EXAMPLES)
    .action(async (reference: string, options: RunOptions, command: Command) => {
      const terminal = detectTerminal(command.optsWithGlobals());
      const loaded = loadScenario(reference, { overrides: options.set });
      const seed = options.seed ?? loaded.scenario.seed;
      const createdAt = new Date();
      const directory = options.out ?? newRunDirectory('runs', loaded.scenario.name, seed, createdAt);
      checkRunDirectory(directory);

      const run = new ScenarioRun(loaded, seed);
      const controller = new AbortController();
      let stopReason: 'quit' | 'interrupt' | undefined;
      const stop = (reason: 'quit' | 'interrupt') => {
        if (controller.signal.aborted) {
          if (reason === 'interrupt') process.exit(EXIT.interrupted); // a second Ctrl+C: quit at once
          return;
        }
        stopReason = reason;
        controller.abort();
      };

      // The dashboard only where it can be drawn: a terminal, not CI, not --json/--quiet/--no-ui.
      const useDashboard = options.ui && !options.json && !options.quiet && terminal.stdoutIsTTY && !terminal.ci;
      const dashboard = useDashboard ? mountDashboard({ run, onStop: stop, colorful: terminal.outStyle.enabled, pace: options.pace }) : undefined;
      const pacer = dashboard ? dashboard.pacer : options.pace === undefined ? undefined : new Pacer(options.pace);
      const mode: ProgressMode = dashboard || options.quiet ? 'off' : options.json || !terminal.stderrIsTTY || terminal.ci ? 'lines' : 'status';
      const progress = new ProgressReporter(terminal, mode);
      run.snapshots$.subscribe((snapshot) => progress.onSnapshot(snapshot));

      const interrupt = () => {
        const first = !controller.signal.aborted;
        stop('interrupt');
        progress.finish();
        if (first && !dashboard) terminal.err('stopping: writing what was computed (Ctrl+C again to quit at once)\n');
      };
      process.on('SIGINT', interrupt);
      process.on('SIGTERM', interrupt);
      let finished;
      try {
        finished = await run.run({
          signal: controller.signal,
          onProgress: (status) => {
            progress.onSlice(status);
            dashboard?.onSlice(status);
          },
          nextSliceLimit: pacer ? (now) => pacer.nextLimit(now) : undefined,
        });
      } finally {
        process.off('SIGINT', interrupt);
        process.off('SIGTERM', interrupt);
        progress.finish();
        await dashboard?.close();
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
        terminal.err('stopped early: the results above are kept, marked complete: false\n');
        // q is a choice, not a failure; Ctrl+C (or a signal) exits 130 as shells expect.
        process.exitCode = stopReason === 'quit' ? EXIT.ok : EXIT.interrupted;
      }
    });
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;
