/** `livesim validate`: check a scenario file without running it. */
import { Command } from 'commander';
import { jsonText } from '../../experiment/run/run-layout.js';
import { ScenarioError } from '../../errors.js';
import { checkPriors } from '../../experiment/evidence/priors.js';
import { loadScenario } from '../../scenario/load.js';
import { collect } from '../options.js';
import { detectTerminal } from '../terminal.js';

const EXAMPLES = `
Examples:
  $ livesim validate my-county.yaml
  $ livesim validate demo-county --set behaviour.purchaseRate=0.004
  $ livesim validate my-county.yaml --json
`;

export function validateCommand(): Command {
  return new Command('validate')
    .description('check a scenario file (and any --set overrides) without running it')
    .argument('<scenario>', 'preset name or scenario file')
    .option('--set <path=value>', 'override a field after loading (repeatable)', collect, [])
    .option('--json', 'print the result as JSON on stdout')
    .addHelpText('after', EXAMPLES)
    .action((reference: string, options: { set: string[]; json?: boolean }, command: Command) => {
      const terminal = detectTerminal(command.optsWithGlobals());
      try {
        const loaded = loadScenario(reference, { overrides: options.set });
        // Valid, but outside the public priors: worth knowing, not an error (a file may say why in priorExceptions).
        const warnings = checkPriors(loaded.scenario);
        if (options.json) {
          terminal.out(jsonText({ valid: true, scenario: loaded.scenario.name, scenarioHash: loaded.hash, files: loaded.files, warnings }));
        } else {
          const style = terminal.outStyle;
          terminal.out(`${style.green('✓')} ${loaded.files[0]} is valid: scenario ${style.bold(loaded.scenario.name)}, hash ${loaded.hash.slice(0, 12)}\n`);
          for (const warning of warnings) terminal.err(terminal.errStyle.yellow(`⚠ ${warning.message}\n`));
          if (warnings.length > 0) {
            terminal.err('  the priors and their sources: docs/sources.md; a deliberate exception goes under priorExceptions with its reason\n');
          }
        }
      } catch (error) {
        if (options.json && error instanceof ScenarioError) {
          terminal.out(jsonText({ valid: false, problems: error.problems }));
        }
        throw error;
      }
    });
}
