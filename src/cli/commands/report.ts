/** `livesim report <run-dir>`: one self-contained HTML page of a run, charts included. */
import { Command } from 'commander';
import { writeRunReport } from '../../report/write-report.js';
import { displayPath } from '../../paths.js';
import { listRuns } from '../../experiment/run/run-index.js';
import { RUNS_ROOT, runDirectoryOf } from '../../experiment/run/run-reference.js';
import { openOption, openWithDesktop } from '../report-options.js';
import { detectTerminal } from '../terminal.js';

export function reportCommand(): Command {
  return new Command('report')
    .description('write report.html into a run directory: headline, charts and assumptions on one offline page')
    .argument('<run>', 'a run directory, its id, or @latest, @2, … (livesim runs lists them)')
    .addOption(openOption())
    .addHelpText(
      'after',
      '\nExamples:\n  $ livesim report @latest                the newest run\n  $ livesim report 3fa9                   a run by its id (livesim runs)\n  $ livesim report runs/demo-county-7-20261130-073946\n  $ livesim report runs/demo-county-7-20261130-073946 --open\n  $ livesim run demo-county --report\n\nEvery kind of run directory has its report: a run, replicates, compare, sweep, check,\nsensitivity and uncertainty. What each column means: livesim metrics.\n',
    )
    .action(async (directory: string, options: { open?: boolean }, command: Command) => {
      const terminal = detectTerminal(command.optsWithGlobals());
      const file = await writeRunReport(runDirectoryOf(directory, () => listRuns(RUNS_ROOT).runs) ?? directory);
      terminal.out(`${displayPath(file)}\n`);
      if (options.open) openWithDesktop(file, terminal);
    });
}
