/** `livesim init <file>`: a scenario of your own to edit, started from a preset with its comments and sources. */
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { readRegularFile } from '../../files/safe-read.js';
import { checkWritableTarget, writeFileSafely } from '../../files/safe-write.js';
import { displayPath } from '../../paths.js';
import { initScenarioText } from '../../scenario/init-scenario.js';
import path from 'node:path';
import { loadScenarioText } from '../../scenario/load.js';
import { DEFAULT_PRESET, resolveScenarioReference } from '../../scenario/presets.js';
import { detectTerminal } from '../terminal.js';

const EXAMPLES = `
Examples:
  $ livesim init my-county.yaml                       start from demo-county
  $ livesim init scenarios/weiya-2.yaml --from weiya-welfare
  $ livesim run my-county.yaml

Unlike \`livesim show\` (the scenario as it will run, defaults filled in), init keeps the preset's
text: its comments, its sources and its order. The name comes from the file's name.
`;

export function initCommand(): Command {
  return new Command('init')
    .description('write a scenario file of your own to edit, started from a preset with its comments and sources')
    .argument('<file>', 'the new scenario file (.yaml)')
    .option('--from <preset>', 'the preset (or scenario file) to start from', DEFAULT_PRESET)
    .option('--force', 'replace the file if it exists')
    .addHelpText('after', EXAMPLES)
    .action((file: string, options: { from: string; force?: boolean }, command: Command) => {
      const terminal = detectTerminal(command.optsWithGlobals());
      if (!/\.ya?ml$/i.test(file)) throw new UsageError(`${file}: a scenario file ends in .yaml`, `for example: livesim init ${file}.yaml`);
      if (existsSync(file) && !options.force) throw new UsageError(`${file} exists`, 'choose another name, or pass --force to replace it');
      checkWritableTarget(file);
      const sourceFile = resolveScenarioReference(options.from);
      const text = initScenarioText(readRegularFile(sourceFile)!, sourceFile, file);
      // It must load as written, from where it will be, before anything is written.
      const loaded = loadScenarioText(text, { cwd: path.dirname(path.resolve(file)), label: file });
      writeFileSafely(file, text);
      terminal.out(`wrote ${displayPath(file)} (${loaded.scenario.name}, from ${options.from}); next: livesim run ${displayPath(file)}\n`);
    });
}
