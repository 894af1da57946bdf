/** `livesim runs`: the runs stored under runs/. */
import { Command } from 'commander';
import { jsonText } from '../../experiment/run-layout.js';
import { listRuns } from '../../experiment/run-index.js';
import { formatYuanShort } from '../../format.js';
import { displayPath } from '../../paths.js';
import { formatTable } from '../table.js';
import { detectTerminal } from '../terminal.js';

export function runsCommand(): Command {
  return new Command('runs')
    .description('list the stored runs (newest first) with their scenario, seed, replicates and headline results')
    .option('--dir <dir>', 'where the runs are', 'runs')
    .option('--json', 'print the list as JSON on stdout')
    .addHelpText('after', '\nExamples:\n  $ livesim runs\n  $ livesim runs --json | jq \'.[0].directory\'\n  $ livesim compare $(livesim runs --json | jq -r \'.[1].directory, .[0].directory\')\n')
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
      const style = terminal.outStyle;
      const header = ['id', 'kind', 'scenario', 'seed', 'replicates', 'when', 'complete', 'GMV', 'farmers', '--set'];
      const rows = runs.map((run) => [
        run.id,
        run.kind,
        run.scenario,
        String(run.seed),
        String(run.replicates),
        run.createdAt.slice(0, 16).replace('T', ' '),
        run.complete ? 'yes' : 'no',
        run.kind === 'check' ? '—' : formatYuanShort(run.gmv),
        run.kind === 'check' ? '—' : formatYuanShort(run.farmerRevenue),
        run.overrides.join(' '),
      ]);
      const width = terminal.stdoutIsTTY ? terminal.columns : Number.POSITIVE_INFINITY;
      // Too wide for the terminal: the id is cut first, then the --set, kind and time are left out.
      const [head, ...lines] = formatTable(header, rows, { width, right: [7, 8], shrink: 0, optional: [9, 1, 5] });
      terminal.out(`${style.bold(head!)}\n${lines.join('\n')}\n`);
    });
}
