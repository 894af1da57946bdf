/**
 * docs/cli.md, written from the commands' own help so it cannot drift from them: each command's
 * description, usage, options with their defaults, and examples, at 80 columns. A test holds the
 * file to this text; `npm run docs` rewrites it.
 */
import type { Command } from 'commander';
import { HELP } from './help.js';

const INTRO = `# livesim command reference

Every command's \`--help\`, as the command prints it (generated from the commands themselves by
\`npm run docs\`; a test fails when this file is out of date). The README's tour shows the
commands at work; docs/guide.md explains the dashboard, the run directory, stopping, the queue.
`;

export function cliReference(program: Command): string {
  const sections = [`## Contents\n\n${program.commands.map((command) => `- [\`livesim ${command.name()}\`](#livesim-${command.name()})`).join('\n')}\n`];
  sections.push(`## livesim\n\n\`\`\`\n${helpText(program)}\`\`\`\n`);
  for (const command of program.commands) sections.push(`## livesim ${command.name()}\n\n\`\`\`\n${helpText(command)}\`\`\`\n`);
  return `${INTRO}\n${sections.join('\n')}`;
}

/** `--help` as the command prints it, examples included, at 80 columns and without colour. */
function helpText(command: Command): string {
  let text = '';
  command.configureHelp({ ...HELP, helpWidth: 80 }).configureOutput({ writeOut: (chunk) => (text += chunk), getOutHasColors: () => false });
  command.outputHelp();
  return text.replace(/\n+$/, '\n');
}
