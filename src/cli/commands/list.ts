/** `livesim list`: the presets shipped with livesim. */
import { Command } from 'commander';
import { jsonText } from '../../experiment/run-store.js';
import { displayPath } from '../../paths.js';
import { DEFAULT_PRESET, listPresets } from '../../scenario/presets.js';
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
      const width = Math.max(...presets.map((preset) => preset.name.length));
      for (const preset of presets) {
        const marker = preset.name === DEFAULT_PRESET ? style.dim(' (default)') : '';
        terminal.out(`${style.bold(preset.name.padEnd(width))}  ${preset.description}${marker}\n`);
      }
    });
}
