/**
 * livesim as a function: the arguments after `livesim` in; the exit code and what it printed out.
 * The binary (main.ts) calls it with the process's streams, tests with none, to read the text
 * back: one path either way. The program is built for the arguments and parsed, and any error
 * becomes its message and exit code in reportError.
 */
import { runWithIO, setExitCode, type OutputStream } from './command-io.js';
import { buildProgram } from './program.js';
import { reportError } from './report-error.js';
import { beginCommand } from './stop-control.js';
import { detectTerminal } from './terminal.js';

export interface LivesimIO {
  /** Where results go (the binary: process.stdout); without one, they come back as text. */
  readonly stdout?: OutputStream;
  /** Where messages and progress go (the binary: process.stderr); without one, they come back as text. */
  readonly stderr?: OutputStream;
  /** The environment livesim sees, whole (default: the process's). */
  readonly env?: NodeJS.ProcessEnv;
  /** The directory relative paths are read against (default: the process's own). */
  readonly cwd?: string;
}

export interface LivesimOutcome {
  readonly code: number;
  /** What it printed on stdout, when it was given no stream to print to. */
  readonly stdout: string;
  readonly stderr: string;
}

/** A call is under way: a second at once would share its working directory and its stop control. */
let busy = false;

export async function invokeLivesim(args: readonly string[], io: LivesimIO = {}): Promise<LivesimOutcome> {
  if (busy) throw new Error('livesim is already running in this process: await one call before starting the next');
  busy = true;
  const printed = { stdout: '', stderr: '' };
  // Every layer reads relative paths (scenarios, --out, runs/) against the process's working
  // directory: a call given a directory of its own moves there while it runs.
  const home = io.cwd === undefined ? undefined : process.cwd();
  try {
    if (io.cwd !== undefined) process.chdir(io.cwd);
    const code = await runWithIO(
      {
        stdout: io.stdout ?? { write: (text: string) => (printed.stdout += text) },
        stderr: io.stderr ?? { write: (text: string) => (printed.stderr += text) },
        env: io.env ?? process.env,
      },
      () => parseAndRun(args),
    );
    return { code, ...printed };
  } finally {
    if (home !== undefined) process.chdir(home);
    busy = false;
  }
}

async function parseAndRun(args: readonly string[]): Promise<void> {
  beginCommand();
  try {
    // buildProgram reads argv as Node gives it, the arguments after the first two.
    const program = await buildProgram(['node', 'livesim', ...args]);
    // Bare `livesim` asks what it can do: the help, on stdout, as `livesim --help` prints it.
    if (args.every((arg) => arg === '--no-color')) program.outputHelp();
    else await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    setExitCode(reportError(error, detectTerminal({ color: !args.includes('--no-color') })));
  }
}
