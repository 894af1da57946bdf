/**
 * Where the running livesim command prints, the environment it reads and the exit code it
 * leaves. The binary runs one command on the process's own streams; a test runs livesim as a
 * function (invoke.ts) and reads what it printed. The command's IO is held in an
 * AsyncLocalStorage rather than passed down, so that every command finds it the same way
 * (`detectTerminal`, `setExitCode`) without each one threading it through. Outside any command
 * (a test or a benchmark building a Terminal) it is the process's.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** What livesim writes to and asks of an output: the process's stdout or stderr, or a test's buffer. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface CommandIO {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The whole environment the command sees (NO_COLOR, CI, REDIS_URL, PATH). */
  readonly env: NodeJS.ProcessEnv;
}

interface RunningCommand {
  readonly io: CommandIO;
  exitCode: number;
}

const running = new AsyncLocalStorage<RunningCommand>();

function processIO(): CommandIO {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** The IO of the command running here (in this async context), or the process's. */
export function currentIO(): CommandIO {
  return running.getStore()?.io ?? processIO();
}

/** Runs `command` with `io` as its IO; resolves with the exit code it set (0 when it set none). */
export async function runWithIO(io: CommandIO, command: () => Promise<void>): Promise<number> {
  const state: RunningCommand = { io, exitCode: 0 };
  await running.run(state, command);
  return state.exitCode;
}

/**
 * The exit code the command ends with. Set, never exited with: `process.exit()` can cut stdout
 * short, and an in-process call must return.
 */
export function setExitCode(code: number): void {
  const state = running.getStore();
  if (state === undefined) throw new Error('setExitCode outside a livesim command');
  state.exitCode = code;
}
