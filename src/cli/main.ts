#!/usr/bin/env node
/**
 * Entry point of the `livesim` binary. Sets process.exitCode (never process.exit) so stdout is
 * flushed. React (for the dashboard) runs its production build unless told otherwise; the
 * environment must be set before it loads, hence the dynamic imports.
 */
process.env.NODE_ENV ??= 'production';
// Output piped into something that stops reading (`| head`): stop quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  // The terminal went away (a closed SSH session: EIO after SIGHUP): nobody is left to read it.
  if (error.code !== 'EIO') throw error;
});
process.stderr.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE' && error.code !== 'EIO') throw error;
});
const { installSignalHandlers } = await import('./stop-control.js');
// Before anything else: no phase of any command is left to the signals' default.
installSignalHandlers();
const { buildProgram } = await import('./program.js');
const { reportError } = await import('./report-error.js');
const { detectTerminal } = await import('./terminal.js');

try {
  const program = await buildProgram(process.argv);
  // Bare `livesim` asks what it can do: the help, on stdout, as `livesim --help` prints it.
  if (process.argv.slice(2).every((arg) => arg === '--no-color')) program.outputHelp();
  else await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportError(error, detectTerminal({ color: !process.argv.includes('--no-color') }));
}
