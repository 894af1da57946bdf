/** `livesim completion <shell>`: a completion script for bash, zsh or fish on stdout. */
import { Argument, Command } from 'commander';
import { presetNames } from '../../scenario/presets.js';
import { SHELLS, completionScript, type Shell } from '../completion.js';
import { detectTerminal } from '../terminal.js';

const EXAMPLES = `
Examples:
  $ livesim completion bash >> ~/.bashrc
  $ livesim completion zsh > ~/.zfunc/_livesim        (with fpath+=~/.zfunc before compinit)
  $ livesim completion fish > ~/.config/fish/completions/livesim.fish
`;

export function completionCommand(): Command {
  return new Command('completion')
    .description('print a shell completion script (commands, options and preset names)')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .addHelpText('after', EXAMPLES)
    .action((shell: Shell, _options: unknown, command: Command) => {
      // The program this command belongs to, built with every command for it (program.ts).
      detectTerminal(command.optsWithGlobals()).out(completionScript(shell, command.parent!, presetNames()));
    });
}
