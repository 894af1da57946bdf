/** The livesim command line: one file per command under commands/. */
import { Command } from 'commander';
import { VERSION } from '../paths.js';
import { calibrateCommand } from './commands/calibrate.js';
import { checkCommand } from './commands/check.js';
import { compareCommand } from './commands/compare.js';
import { listCommand } from './commands/list.js';
import { runCommand } from './commands/run.js';
import { runsCommand } from './commands/runs.js';
import { schemaCommand } from './commands/schema.js';
import { showCommand } from './commands/show.js';
import { sweepCommand } from './commands/sweep.js';
import { validateCommand } from './commands/validate.js';

const EXAMPLES = `
Examples:
  $ livesim run                          run the default preset (demo-county)
  $ livesim run demo-county --seed 42    the same scenario with another seed
  $ livesim list                         the presets
  $ livesim show demo-county > mine.yaml a scenario of your own to edit
  $ livesim validate mine.yaml           check it
  $ livesim run mine.yaml --set anchors.li-orchard.skill=1.5 --json
  $ livesim run demo-county --replicates 20      means and 95% intervals over 20 replicates
  $ livesim compare demo-county mine.yaml        what changes, with paired intervals
  $ livesim sweep demo-county --vary behaviour.purchaseRate=0.0015..0.0035:0.0005
  $ livesim check --all                          do the presets reproduce the article?

Exit codes: 0 ok, 1 failure, 2 bad usage or bad input, 130 stopped (Ctrl+C; partial results kept).
Set NO_COLOR (or pass --no-color) for plain output.
`;

export function buildProgram(): Command {
  const program = new Command('livesim')
    .description('Simulate live-stream e-commerce for rural poverty alleviation: what reaches the farmers?')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--no-color', 'no colours in output (also: NO_COLOR=1)')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  for (const command of [runCommand(), compareCommand(), sweepCommand(), runsCommand(), checkCommand(), calibrateCommand(), validateCommand(), listCommand(), showCommand(), schemaCommand()]) {
    program.addCommand(command.exitOverride());
  }
  return program;
}
