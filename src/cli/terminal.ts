/**
 * What livesim knows about where it is printing: data goes to stdout, messages and progress to
 * stderr; colour only on a terminal and never when NO_COLOR or --no-color says so.
 */
import { currentIO, type CommandIO } from './command-io.js';
import { makeStyle, type Style } from './style.js';

export interface Terminal {
  /** Writes data (results) to stdout. */
  out(text: string): void;
  /** Writes messages and progress to stderr. */
  err(text: string): void;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** True when running under CI (the CI environment variable is set). */
  readonly ci: boolean;
  readonly columns: number;
  /** Styling for text bound to stdout and to stderr (plain when colour is off). */
  readonly outStyle: Style;
  readonly errStyle: Style;
}

export interface TerminalOptions {
  /** False for --no-color. */
  readonly color?: boolean;
}

/** The terminal of the running command (its streams and environment: command-io.ts). */
export function detectTerminal(options: TerminalOptions = {}, io: CommandIO = currentIO()): Terminal {
  const { stdout, stderr, env } = io;
  const noColor = options.color === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.TERM === 'dumb';
  const stdoutIsTTY = stdout.isTTY === true;
  const stderrIsTTY = stderr.isTTY === true;
  return {
    out: (text) => void stdout.write(text),
    err: (text) => void stderr.write(text),
    stdoutIsTTY,
    stderrIsTTY,
    ci: env.CI !== undefined && env.CI !== '' && env.CI !== 'false',
    columns: stderr.columns ?? stdout.columns ?? 80,
    outStyle: makeStyle(!noColor && stdoutIsTTY),
    errStyle: makeStyle(!noColor && stderrIsTTY),
  };
}
