/**
 * One way to stop a command, in every phase: the q key, Ctrl+C in a dashboard, and the signals
 * SIGINT (Ctrl+C), SIGTERM (kill, a service manager) and SIGHUP (a closed terminal or SSH
 * session) all end here. The handlers are installed once, when the process starts, so no phase
 * is left to the default, which would kill the process without keeping anything or releasing a
 * run directory's lock:
 *
 * - before the work (loading, checking) and after its files are written (drawing a report,
 *   printing): a signal ends the process at once; nothing is lost that was not already kept;
 * - while the work runs (from `keepWhatIsComputed()` on): the first stop aborts the work, which
 *   keeps what it computed, marked incomplete; a second Ctrl+C or signal quits at once;
 * - while the run directory is written: signals wait until it is (it is never cut in half).
 *
 * The exit code says how it ended: q is a choice (0); a signal leaves 128 + its number (130 for
 * SIGINT, 143 for SIGTERM, 129 for SIGHUP), as shells expect, even when the work had finished.
 */
import { EXIT, STOP_SIGNALS, type StopSignal } from '../errors.js';

export type StopReason = 'quit' | StopSignal;

export class StopControl {
  private readonly controller = new AbortController();
  private reason: StopReason | undefined;
  private readonly listeners = new Set<() => void>();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get stopped(): boolean {
    return this.controller.signal.aborted;
  }

  readonly stop = (reason: StopReason): void => {
    if (this.stopped) {
      if (reason !== 'quit') process.exit(STOP_SIGNALS[reason]);
      return;
    }
    this.reason = reason;
    this.controller.abort();
    for (const listener of this.listeners) listener();
  };

  /** A live view's keys: q, and Ctrl+C (in raw mode a key, not a signal, but it means SIGINT). */
  readonly fromKey = (key: 'quit' | 'interrupt'): void => this.stop(key === 'quit' ? 'quit' : 'SIGINT');

  /** Runs `listener` on the first stop, until the returned function is called. */
  onStop(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The exit code of a stop: 0 for q (or no stop), 128 + the signal's number for a signal. */
  get exitCode(): number {
    return this.reason === undefined || this.reason === 'quit' ? EXIT.ok : STOP_SIGNALS[this.reason];
  }
}

/** One command runs at a time in a process (invoke.ts): this is its stop control. */
let control = new StopControl();
/** What a signal does now: end the process, stop the work (keeping what it has), or wait for the files. */
let phase: 'end' | 'keep' | 'hold' = 'end';
/** A stop is how this command ends (a worker), not an interruption: it leaves exit code 0. */
let stopIsTheEnd = false;
let holding: { readonly onSignal: () => void; noted: boolean } | undefined;

/**
 * A command starts unstopped, with a signal ending the process. The binary runs one command; a
 * process that calls livesim as a function runs several in turn, and none inherits the last's stop.
 */
export function beginCommand(): void {
  control = new StopControl();
  phase = 'end';
  stopIsTheEnd = false;
  holding = undefined;
}

/**
 * Installs the handlers for SIGINT, SIGTERM and SIGHUP (once, at start-up): the binary's, not a
 * function call's, whose process (a test runner) owns its signals and outlives the command.
 */
export function installSignalHandlers(): void {
  for (const name of Object.keys(STOP_SIGNALS) as StopSignal[]) process.on(name, () => onSignal(name));
  // A signal that arrives during the last synchronous stretch (writing files, printing) waits in the
  // event loop, which would end without looking at it: one more turn delivers it.
  process.once('beforeExit', () => setImmediate(() => undefined));
  // A stop leaves its exit code even when the work had finished or the command said nothing:
  // an interrupted command never exits 0. A failure the command reported (1, 2) stays.
  process.on('exit', () => {
    if ((process.exitCode ?? 0) === 0 && !stopIsTheEnd && control.exitCode !== EXIT.ok) process.exitCode = control.exitCode;
  });
}

function onSignal(name: StopSignal): void {
  if (phase === 'hold' && holding) {
    // Recorded as the stop (for the exit code); the files are written whole first.
    if (!control.stopped) control.stop(name);
    if (!holding.noted) holding.onSignal();
    holding.noted = true;
    return;
  }
  // The first signal's code: one that stopped the work earlier, or this one.
  if (phase === 'end') process.exit(control.exitCode !== EXIT.ok ? control.exitCode : STOP_SIGNALS[name]);
  control.stop(name);
}

/**
 * From now on the command computes something worth keeping: a first stop aborts the work (which
 * keeps what it has) instead of ending the process.
 */
export function keepWhatIsComputed(options: { readonly stopIsTheEnd?: boolean } = {}): StopControl {
  phase = 'keep';
  stopIsTheEnd = options.stopIsTheEnd ?? false;
  return control;
}

/**
 * Writes with signals held: they only set the exit code until `write` returns (the files are
 * never cut in half; the work they record is done). From then on a signal ends the process at
 * once: what was computed is kept in the files.
 */
export function holdSignalsWhile<T>(write: () => T, onSignal: () => void): T {
  phase = 'hold';
  holding = { onSignal, noted: false };
  try {
    return write();
  } finally {
    phase = 'end';
  }
}
