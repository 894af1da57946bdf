/**
 * The one place errors become messages and exit codes: livesim's own errors say what went wrong
 * and what to do (exit 2 for bad input); anything else is a bug (exit 1, with its stack).
 */
import { CommanderError } from 'commander';
import { EXIT, LivesimError, ScenarioError, formatProblem } from '../errors.js';
import { printable } from '../printable.js';
import type { Terminal } from './terminal.js';

/** A message may quote stored text (a manifest's fields, a path): no control sequence reaches the terminal. */
const printableLines = (text: string) => text.split('\n').map(printable).join('\n');

const MAX_PROBLEMS_SHOWN = 20;

export function reportError(error: unknown, terminal: Terminal): number {
  const style = terminal.errStyle;
  if (error instanceof CommanderError) {
    // Commander has already printed its message; help and --version are not failures.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.badInput;
  }
  if (error instanceof ScenarioError) {
    const shown = error.problems.slice(0, MAX_PROBLEMS_SHOWN);
    terminal.err(`${style.red('error')}: ${error.message}\n`);
    for (const problem of shown) terminal.err(`${formatProblem(problem)}\n`);
    if (error.problems.length > shown.length) terminal.err(`... and ${error.problems.length - shown.length} more\n`);
    return error.exitCode;
  }
  if (error instanceof LivesimError) {
    terminal.err(`${style.red('error')}: ${printableLines(error.message)}\n`);
    if (error.hint !== undefined) terminal.err(`  hint: ${printableLines(error.hint)}\n`);
    return error.exitCode;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  terminal.err(`${style.red('internal error')} (a bug in livesim; please report it with the command you ran):\n${stack}\n`);
  return EXIT.failure;
}
