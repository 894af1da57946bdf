/** `livesim schema`: the scenario JSON Schema, for editors and other tools. */
import { Command } from 'commander';
import { jsonSchemaText } from '../../scenario/json-schema.js';
import { detectTerminal } from '../terminal.js';

export function schemaCommand(): Command {
  return new Command('schema')
    .description('print the JSON Schema of scenario files (for editor completion and validation)')
    .addHelpText('after', '\nExamples:\n  $ livesim schema > scenario.schema.json\n')
    .action((_options: unknown, command: Command) => {
      detectTerminal(command.optsWithGlobals()).out(jsonSchemaText());
    });
}
