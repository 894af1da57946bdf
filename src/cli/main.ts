#!/usr/bin/env node
/** Entry point of the `livesim` binary. Sets process.exitCode (never process.exit) so stdout is flushed. */
import { buildProgram } from './program.js';
import { reportError } from './report-error.js';
import { detectTerminal } from './terminal.js';

const program = buildProgram();
try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportError(error, detectTerminal({ color: !process.argv.includes('--no-color') }));
}
