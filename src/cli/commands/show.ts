/** `livesim show`: the resolved scenario (extends followed, defaults filled, overrides applied). */
import { Command } from 'commander';
import { jsonText } from '../../experiment/run/run-layout.js';
import { stringify } from 'yaml';
import { loadScenario } from '../../scenario/load.js';
import { collect } from '../options.js';
import { detectTerminal } from '../terminal.js';

export function showCommand(): Command {
  return new Command('show')
    .description('print a scenario as it will run: extends followed, defaults filled in, overrides applied')
    .argument('<scenario>', 'preset name or scenario file')
    .option('--set <path=value>', 'override a field after loading (repeatable)', collect, [])
    .option('--json', 'print JSON instead of YAML')
    .addHelpText('after', '\nExamples:\n  $ livesim show demo-county\n  $ livesim show my-county.yaml --set seed=3 --json\n\nTo start a scenario of your own, keeping the preset\'s comments and sources: livesim init my-county.yaml\n')
    .action((reference: string, options: { set: string[]; json?: boolean }, command: Command) => {
      const terminal = detectTerminal(command.optsWithGlobals());
      const loaded = loadScenario(reference, { overrides: options.set });
      if (options.json) terminal.out(jsonText(loaded.scenario));
      else terminal.out(`# ${loaded.scenario.name}, resolved (hash ${loaded.hash.slice(0, 12)})\n${stringify(loaded.scenario, { lineWidth: 0 })}`);
    });
}
