#!/usr/bin/env node
/**
 * Entry point of the `livesim` binary: livesim as a function (invoke.ts) on the process's own
 * streams, and what only a process has around it (a closed pipe, signals, the exit code). Sets
 * process.exitCode (never process.exit) so stdout is flushed. React (for the dashboard) runs its
 * production build unless told otherwise; the environment must be set before it loads, hence
 * the dynamic imports.
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
const { invokeLivesim } = await import('./invoke.js');

const { code } = await invokeLivesim(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
process.exitCode = code;
