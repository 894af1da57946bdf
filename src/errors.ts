/**
 * The typed errors livesim raises on purpose. Each knows its exit code; the CLI's entry point
 * is the one place that turns them into messages and exit codes (anything else is a bug: 1).
 */

export const EXIT = {
  ok: 0,
  failure: 1,
  badInput: 2,
  /** Stopped by Ctrl+C (SIGINT); SIGTERM and SIGHUP give 128 + their number, as shells do (143, 129). */
  interrupted: 130,
} as const;

/** The signals that stop livesim (keeping what was computed), each with the exit code it leaves. */
export const STOP_SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
export type StopSignal = keyof typeof STOP_SIGNALS;

export class LivesimError extends Error {
  readonly exitCode: number = EXIT.failure;

  constructor(
    message: string,
    /** What the user can do about it. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command line was used wrongly: unknown option, missing argument, bad --set. */
export class UsageError extends LivesimError {
  override readonly exitCode = EXIT.badInput;
}

/** One thing wrong with a scenario, located in its file. */
export interface ScenarioProblem {
  /** The file (or `--set expr`) the problem is in. */
  readonly file: string;
  /** 1-based line and column, when known. */
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  /** Dotted path of the field, e.g. `anchors.0.followers` (empty for the whole file). */
  readonly path: string;
  readonly message: string;
  readonly expected?: string | undefined;
  readonly found?: string | undefined;
  readonly hint?: string | undefined;
}

/** A scenario file (or an override) is invalid: nothing was run and nothing was written. */
export class ScenarioError extends LivesimError {
  override readonly exitCode = EXIT.badInput;

  constructor(readonly problems: readonly ScenarioProblem[]) {
    super(problems.length === 1 ? 'the scenario is not valid' : `the scenario has ${problems.length} problems`);
  }
}

/**
 * A file or directory livesim cannot or will not read or write: a link, a FIFO or a device where
 * a regular file belongs, a full disk, a read-only file system, a permission. Nothing was written.
 */
export class FileError extends LivesimError {
  override readonly exitCode = EXIT.badInput;
}

/**
 * A scenario whose magnitudes carried a run beyond what livesim computes exactly: money past
 * 2^53 fen (¥90 trillion), or a number that is not finite. Nothing was written.
 */
export class MagnitudeError extends LivesimError {
  override readonly exitCode = EXIT.badInput;
}

/** A preset or file that does not exist. */
export class NotFoundError extends LivesimError {
  override readonly exitCode = EXIT.badInput;
}

/** Renders a problem as `file:line:col: path: message` plus its details, one per line. */
export function formatProblem(problem: ScenarioProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
  const lines = [`${where}: ${problem.path === '' ? '' : `${problem.path}: `}${problem.message}`];
  if (problem.expected !== undefined || problem.found !== undefined) {
    const parts = [];
    if (problem.expected !== undefined) parts.push(`expected ${problem.expected}`);
    if (problem.found !== undefined) parts.push(`found ${problem.found}`);
    lines.push(`  ${parts.join(', ')}`);
  }
  if (problem.hint !== undefined) lines.push(`  hint: ${problem.hint}`);
  return lines.join('\n');
}
