/**
 * Progress of a batch of replicates: the batch view on a terminal, plain lines (at most one a
 * second) otherwise, or nothing. Computes the running estimates from the rows so far.
 */
import { estimatesByMetric, HEADLINE_METRICS } from '../experiment/batch/batch-statistics.js';
import type { BatchRow } from '../experiment/batch/replicate-rows.js';
import { formatPercent, formatQuantity, formatSeconds, isMoneyMetric } from '../format.js';
import type { BatchProgressView } from '../ui/mount-batch.js';
import { keepWhatIsComputed, type StopControl } from './stop-control.js';
import type { Terminal } from './terminal.js';

interface BatchReporter {
  progress(done: number, planned: number, rows: readonly BatchRow[]): void;
  finish(): Promise<void>;
}

async function batchReporter(
  terminal: Terminal,
  options: { readonly title: string; readonly mode: 'ui' | 'lines' | 'off'; readonly onStop: (reason: 'quit' | 'interrupt') => void },
): Promise<BatchReporter> {
  const started = performance.now();
  let lastLine = 0;
  // Ink and React load only when a view is drawn: every other command starts without them.
  const view: BatchProgressView | undefined =
    options.mode === 'ui'
      ? (await import('../ui/mount-batch.js')).mountBatchProgress({ title: options.title, colorful: terminal.outStyle.enabled, onStop: options.onStop })
      : undefined;
  return {
    progress(done, planned, rows) {
      if (options.mode === 'off') return;
      const elapsed = (performance.now() - started) / 1000;
      const etaSeconds = done > 0 && done < planned ? (elapsed / done) * (planned - done) : undefined;
      const estimates = estimatesByMetric(rows);
      const headline = HEADLINE_METRICS.filter((metric) => estimates[metric]).map((metric) => ({ label: metric, estimate: estimates[metric]!, money: isMoneyMetric(metric) }));
      if (view) return view.update({ title: options.title, done, planned, etaSeconds, estimates: headline });
      const now = performance.now();
      if (now - lastLine < 1000 && done < planned) return;
      lastLine = now;
      const gmv = estimates.gmv;
      const precision = gmv && gmv.n > 1 && gmv.mean !== 0 ? ` ±${formatPercent((gmv.ci95[1] - gmv.ci95[0]) / 2 / Math.abs(gmv.mean))}` : '';
      terminal.err(
        `${options.title}: ${done}/${planned} replicates${etaSeconds === undefined ? '' : `  ETA ${formatSeconds(etaSeconds)}`}${gmv ? `  GMV ${formatQuantity(gmv.mean)}${precision}` : ''}\n`,
      );
    },
    async finish() {
      await view?.close();
    },
  };
}

export interface BatchDisplayOptions {
  readonly title: string;
  readonly quiet?: boolean | undefined;
  /** False for --no-ui. */
  readonly ui: boolean;
  readonly json?: boolean | undefined;
}

/**
 * Runs a batch with its progress shown (the batch view on a terminal, lines otherwise, nothing
 * with --quiet) and stoppable (q, Ctrl+C, signals); returns the work's result and how it was stopped.
 */
export async function withBatchProgress<T>(
  terminal: Terminal,
  options: BatchDisplayOptions,
  work: (signal: AbortSignal, progress: (done: number, planned: number, rows?: readonly BatchRow[]) => void) => Promise<T>,
): Promise<{ result: T; control: StopControl }> {
  const control = keepWhatIsComputed();
  const mode = options.quiet ? 'off' : options.ui && !options.json && terminal.stdoutIsTTY && !terminal.ci ? 'ui' : 'lines';
  const reporter = await batchReporter(terminal, { title: options.title, mode, onStop: control.fromKey });
  const stopListening = control.onStop(() => {
    if (mode === 'lines') terminal.err('stopping: keeping the replicates that finished (Ctrl+C again to quit at once)\n');
  });
  try {
    const result = await work(control.signal, (done, planned, rows = []) => reporter.progress(done, planned, rows));
    return { result, control };
  } finally {
    stopListening();
    await reporter.finish();
  }
}
