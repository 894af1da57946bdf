/**
 * One way to stop a piece of work: the q key, Ctrl+C in a dashboard, and SIGINT or SIGTERM all
 * end here. The first stop aborts the work (which keeps what it computed); a second Ctrl+C quits
 * at once. After a stop, q exits 0 (a choice) and Ctrl+C or a signal 130 (as shells expect).
 */
import { EXIT } from '../errors.js';

export type StopReason = 'quit' | 'interrupt';

export class StopControl {
  private readonly controller = new AbortController();
  private reason: StopReason | undefined;

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get stopped(): boolean {
    return this.controller.signal.aborted;
  }

  readonly stop = (reason: StopReason): void => {
    if (this.stopped) {
      if (reason === 'interrupt') process.exit(EXIT.interrupted);
      return;
    }
    this.reason = reason;
    this.controller.abort();
  };

  /** Stops on SIGINT and SIGTERM until the returned function is called; `onFirst` runs on the first. */
  listenForSignals(onFirst?: () => void): () => void {
    const onSignal = () => {
      const first = !this.stopped;
      this.stop('interrupt');
      if (first) onFirst?.();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    };
  }

  /** The exit code for work that was stopped before it finished. */
  get exitCode(): number {
    return this.reason === 'quit' ? EXIT.ok : EXIT.interrupted;
  }
}

/**
 * From now until the process ends, SIGINT and SIGTERM no longer kill it: they only make its exit
 * code 130. For the last phase, writing the run directory, which must never be cut in half
 * (it takes a moment; the work it records is already done).
 */
export function holdSignalsWhileWriting(onSignal?: () => void): void {
  const hold = () => {
    process.exitCode = EXIT.interrupted;
    onSignal?.();
  };
  process.on('SIGINT', hold);
  process.on('SIGTERM', hold);
}
