/** `livesim run` of one replicate: the dashboard or progress lines, the run directory, the report. */
import { Pacer } from '../../engine/pacer.js';
import { jsonText } from '../../experiment/run/run-layout.js';
import { ScenarioRun, runFiles } from '../../experiment/run/single-run.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { ProgressReporter, type ProgressMode } from '../progress.js';
import { keepWhatIsComputed } from '../stop-control.js';
import type { Terminal } from '../terminal.js';
import { setExitCode } from '../command-io.js';
import type { RunOptions } from './run-options.js';
import { formatRunReport } from './run-report.js';
import { RunOutput } from '../run-output.js';

export async function runSingle(loaded: LoadedScenario, options: RunOptions, terminal: Terminal): Promise<void> {
  const seed = options.seed ?? loaded.scenario.seed;
  const createdAt = new Date();
  const output = RunOutput.claim(options, loaded.scenario.name, seed, createdAt, terminal);

  const run = new ScenarioRun(loaded, seed);
  const control = keepWhatIsComputed();

  // The dashboard only where it can be drawn: a terminal, not CI, not --json/--quiet/--no-ui.
  const useDashboard = options.ui && !options.json && !options.quiet && terminal.stdoutIsTTY && !terminal.ci;
  // Ink and React load only when the dashboard is drawn.
  const dashboard = useDashboard
    ? (await import('../../ui/mount-dashboard.js')).mountDashboard({ run, onStop: control.fromKey, colorful: terminal.outStyle.enabled, pace: options.pace })
    : undefined;
  const pacer = dashboard ? dashboard.pacer : options.pace === undefined ? undefined : new Pacer(options.pace);
  const mode: ProgressMode = dashboard || options.quiet ? 'off' : options.json || !terminal.stderrIsTTY || terminal.ci ? 'lines' : 'status';
  const progress = new ProgressReporter(terminal, mode);
  // Snapshots are built only for someone watching them.
  if (mode !== 'off') run.snapshots$.subscribe((snapshot) => progress.onSnapshot(snapshot));

  const stopListening = control.onStop(() => {
    progress.finish();
    if (!dashboard) terminal.err('stopping: writing what was computed (Ctrl+C again to quit at once)\n');
  });
  let finished;
  try {
    finished = await run.run({
      signal: control.signal,
      onProgress: (status) => {
        progress.onSlice(status);
        dashboard?.onSlice(status);
      },
      nextSliceLimit: pacer ? (now) => pacer.nextLimit(now) : undefined,
    });
  } finally {
    stopListening();
    progress.finish();
    await dashboard?.close();
  }

  // The work is done: a signal now waits for the files (and leaves its exit code).
  await output.write(runFiles(loaded, finished, createdAt), terminal);
  const shownDirectory = output.shown;
  if (options.json) {
    const { summary } = finished;
    const report = { ...summary, engine: { ...summary.engine, wallSeconds: round3(finished.wallSeconds) }, runDirectory: shownDirectory };
    terminal.out(jsonText(report));
  } else {
    terminal.out(formatRunReport(finished.summary, shownDirectory, finished.wallSeconds, terminal.outStyle));
  }
  if (!finished.summary.complete) {
    terminal.err('stopped early: the results above are kept, marked complete: false\n');
    setExitCode(control.exitCode);
  }
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;
