/** `livesim completion <shell>`: a completion script for bash, zsh or fish on stdout. */
import { Argument, Command } from 'commander';
import { presetNames } from '../../scenario/presets.js';
import { SHELLS, completionScript, type Shell } from '../completion.js';

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
    .action(async (shell: Shell) => {
      // Every command's options, whichever was named: the full program, built as for the help.
      const { buildProgram } = await import('../program.js');
      const program = await buildProgram(['node', 'livesim', '--help']);
      process.stdout.write(completionScript(shell, program, presetNames()));
    });
}
