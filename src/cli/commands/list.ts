/** `livesim list`: the presets shipped with livesim. */
import { Command } from 'commander';
import { jsonText } from '../../experiment/run/run-layout.js';
import { displayPath } from '../../paths.js';
import { DEFAULT_PRESET, listPresets } from '../../scenario/presets.js';
import { formatTable } from '../table.js';
import { detectTerminal } from '../terminal.js';

export function listCommand(): Command {
  return new Command('list')
    .description('list the preset scenarios with a line about each')
    .option('--json', 'print the list as JSON on stdout')
    .addHelpText('after', '\nExamples:\n  $ livesim list\n  $ livesim list --json\n')
    .action((options: { json?: boolean }, command: Command) => {
      const terminal = detectTerminal(command.optsWithGlobals());
      const presets = listPresets();
      if (options.json) {
        const rows = presets.map((preset) => ({ name: preset.name, description: preset.description, file: displayPath(preset.file) }));
        terminal.out(jsonText(rows));
        return;
      }
      const style = terminal.outStyle;
      const width = terminal.stdoutIsTTY ? terminal.columns : Number.POSITIVE_INFINITY;
      const rows = presets.map((preset) => [style.bold(preset.name), `${preset.description}${preset.name === DEFAULT_PRESET ? ' (default)' : ''}`]);
      // The description is cut to the terminal rather than wrapped under the names.
      const [, ...lines] = formatTable(['', ''], rows, { width, shrink: 1 });
      terminal.out(`${lines.join('\n')}\n`);
    });
}
