/**
 * Shell completion scripts, written from the commands' own definitions (so they cannot drift):
 * the command names, each command's options, and the preset names where a scenario goes (files
 * too: a scenario may be a file, a run a directory).
 */
import type { Command } from 'commander';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

interface CommandWords {
  readonly name: string;
  readonly description: string;
  readonly options: readonly { readonly flags: readonly string[]; readonly description: string; readonly takesValue: boolean }[];
}

function wordsOf(program: Command): CommandWords[] {
  return program.commands.map((command) => ({
    name: command.name(),
    description: firstSentence(command.description()),
    options: command.options.map((option) => ({
      flags: [option.short, option.long].filter((flag): flag is string => flag !== undefined),
      description: firstSentence(option.description),
      takesValue: option.required || option.optional,
    })),
  }));
}

const firstSentence = (text: string) => text.split(/[;(]/)[0]!.trim();

export function completionScript(shell: Shell, program: Command, presets: readonly string[]): string {
  const commands = wordsOf(program);
  switch (shell) {
    case 'bash':
      return bashScript(commands, presets);
    case 'zsh':
      return zshScript(commands, presets);
    case 'fish':
      return fishScript(commands, presets);
  }
}

function bashScript(commands: readonly CommandWords[], presets: readonly string[]): string {
  const cases = commands.map((command) => `    ${command.name}) opts="${command.options.flatMap((option) => option.flags).join(' ')} --help" ;;`);
  return `# livesim completion for bash: add to ~/.bashrc with
#   livesim completion bash >> ~/.bashrc
_livesim() {
  local cur="\${COMP_WORDS[COMP_CWORD]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${commands.map((command) => command.name).join(' ')} --help --version" -- "$cur") )
    return
  fi
  local opts=""
  case "\${COMP_WORDS[1]}" in
${cases.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  else
    COMPREPLY=( $(compgen -W "${presets.join(' ')}" -- "$cur") $(compgen -f -- "$cur") )
  fi
}
complete -o filenames -F _livesim livesim
`;
}

/** zsh's specs put descriptions in brackets and split on colons: neither may appear inside. */
const zshText = (text: string) => text.replace(/[[\]:'\\]/g, ' ');

function zshScript(commands: readonly CommandWords[], presets: readonly string[]): string {
  const cases = commands.map((command) => {
    const specs = command.options.map((option) => {
      const spec = `'[${zshText(option.description)}]${option.takesValue ? ':value:' : ''}'`;
      // Two spellings (-q, --quiet): each excludes the other, and the braces stay outside quotes for zsh to expand.
      return option.flags.length > 1 ? `'(${option.flags.join(' ')})'{${option.flags.join(',')}}${spec}` : `${option.flags[0]!}${spec}`;
    });
    return `    ${command.name}) _arguments ${[...specs, "'*:scenario:->scenario'"].join(' ')} ;;`;
  });
  return `#compdef livesim
# livesim completion for zsh: save as _livesim in a directory on $fpath, e.g.
#   livesim completion zsh > ~/.zfunc/_livesim   (with fpath+=~/.zfunc before compinit)
_livesim() {
  local state
  if (( CURRENT == 2 )); then
    local -a commands
    commands=(${commands.map((command) => `'${command.name}:${zshText(command.description)}'`).join(' ')})
    _describe 'command' commands
    return
  fi
  case $words[2] in
${cases.join('\n')}
  esac
  if [[ $state == scenario ]]; then
    compadd -- ${presets.join(' ')}
    _files
  fi
}
_livesim "$@"
`;
}

const fishText = (text: string) => text.replace(/['\\]/g, ' ');

function fishScript(commands: readonly CommandWords[], presets: readonly string[]): string {
  const lines = ['# livesim completion for fish: livesim completion fish > ~/.config/fish/completions/livesim.fish'];
  lines.push(`complete -c livesim -n __fish_use_subcommand -f -a '${commands.map((command) => command.name).join(' ')}'`);
  for (const command of commands) {
    lines.push(`complete -c livesim -n '__fish_use_subcommand' -f -a ${command.name} -d '${fishText(command.description)}'`);
    const when = `-n '__fish_seen_subcommand_from ${command.name}'`;
    for (const option of command.options) {
      const short = option.flags.find((flag) => !flag.startsWith('--'));
      const long = option.flags.find((flag) => flag.startsWith('--'));
      lines.push(
        `complete -c livesim ${when}${short ? ` -s ${short.slice(1)}` : ''}${long ? ` -l ${long.slice(2)}` : ''}${option.takesValue ? ' -r' : ''} -d '${fishText(option.description)}'`,
      );
    }
    lines.push(`complete -c livesim ${when} -a '${presets.join(' ')}'`);
  }
  return `${lines.join('\n')}\n`;
}
