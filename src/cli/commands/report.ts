/** `livesim report <run-dir>`: one self-contained HTML page of a run, charts included. */
import path from 'node:path';
import { Command } from 'commander';
import { writeFileAtomic } from '../../experiment/run-store.js';
import { displayPath } from '../../paths.js';
import { detectTerminal } from '../terminal.js';

/** Writes `report.html` into a run directory (a run, a sensitivity or an uncertainty design); returns its path. */
export async function writeRunReport(directory: string): Promise<string> {
  // ECharts loads only when a report is drawn.
  const { reportHtml } = await import('../../report/run-report.js');
  const file = path.join(directory, 'report.html');
  writeFileAtomic(file, reportHtml(directory));
  return file;
}

export function reportCommand(): Command {
  return new Command('report')
    .description('write report.html into a run directory: headline, charts and assumptions on one offline page')
    .argument('<run-dir>', 'a run directory (livesim runs lists them)')
    .addHelpText('after', '\nExamples:\n  $ livesim report runs/demo-county-7-20261130-073946\n  $ livesim run demo-county --report\n')
    .action(async (directory: string, _options: unknown, command: Command) => {
      const terminal = detectTerminal(command.optsWithGlobals());
      terminal.out(`${displayPath(await writeRunReport(directory))}\n`);
    });
}
