/** `livesim runs`: the runs stored under runs/. */
import { Command } from 'commander';
import { jsonText } from '../../experiment/run/run-layout.js';
import path from 'node:path';
import { listRuns, type StoredRun } from '../../experiment/run/run-index.js';
import { RUNS_ROOT } from '../../experiment/run/run-reference.js';
import type { Style } from '../style.js';
import { formatYuanShort } from '../../format.js';
import { displayPath } from '../../paths.js';
import { formatTable } from '../table.js';
import { detectTerminal } from '../terminal.js';

const RUNS_HELP = `
Examples:
  $ livesim runs
  $ livesim compare @2 @1                 the run before the newest against the newest
  $ livesim report 3fa9                   a run by the id runs shows (any unique prefix)
  $ livesim runs --json | jq '.[0].directory'

A run is named by its directory, by its id, or counting back from the newest: @latest (= @1),
@2, @3, … Every command that takes a run takes all three.
`;

/** When a run was made: month, day and time this year, the date before. */
function shortTime(createdAt: string): string {
  return createdAt.slice(0, 4) === String(new Date().getFullYear()) ? createdAt.slice(5, 16).replace('T', ' ') : createdAt.slice(0, 10);
}

export function runsCommand(): Command {
  return new Command('runs')
    .description('list the stored runs (newest first) with their scenario, seed, replicates and headline results')
    .option('--dir <dir>', 'where the runs are', 'runs')
    .option('--json', 'print the list as JSON on stdout')
    .addHelpText('after', RUNS_HELP)
    .action((options: { dir: string; json?: boolean }, command: Command) => {
      const terminal = detectTerminal(command.optsWithGlobals());
      const { runs, skipped } = listRuns(options.dir);
      if (skipped.length > 0) terminal.err(`skipped ${skipped.length} ${skipped.length === 1 ? 'directory' : 'directories'} whose manifest is broken: ${skipped.join(', ')}\n`);
      if (options.json) {
        terminal.out(jsonText(runs.map((run) => ({ ...run, directory: displayPath(run.directory) }))));
        return;
      }
      if (runs.length === 0) {
        terminal.err(`no runs in ${options.dir} yet (livesim run writes them there)\n`);
        return;
      }
      terminal.out(formatRuns(runs, terminal.outStyle, terminal.stdoutIsTTY ? terminal.columns : Number.POSITIVE_INFINITY));
      // Ids and handles are looked up under runs/ by the commands that take them.
      if (path.resolve(options.dir) !== path.resolve(RUNS_ROOT)) terminal.err(`these ids and @handles name runs under ${RUNS_ROOT}/ only: name a run in ${options.dir} by its directory\n`);
    });
}

/** The stored runs, newest first, as a table that fits `width` (never without its id). */
export function formatRuns(runs: readonly StoredRun[], style: Style, width: number): string {
  const header = ['id', 'scenario', 'kind', 'seed', 'reps', 'when', 'done', 'GMV', 'farmers', 'directory', '--set'];
  const rows = runs.map((run) => [
    run.shortId,
    run.scenario,
    run.kind,
    String(run.seed),
    String(run.replicates),
    shortTime(run.createdAt),
    run.complete ? 'yes' : 'no',
    run.kind === 'check' ? '—' : formatYuanShort(run.gmv),
    run.kind === 'check' ? '—' : formatYuanShort(run.farmerRevenue),
    displayPath(run.directory),
    run.overrides.join(' '),
  ]);
  // Too wide for the terminal: the scenario is cut first, then the --set, directory, kind and
  // time are left out; never the id, which is what compare and report take.
  const [head, ...lines] = formatTable(header, rows, { width, right: [3, 4, 7, 8], shrink: 1, optional: [10, 9, 2, 5] });
  return `${style.bold(head!)}\n${lines.join('\n')}\n`;
}
