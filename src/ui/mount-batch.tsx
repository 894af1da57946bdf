/**
 * Progress of a batch of replicates (run --replicates, compare, sweep) on a terminal: the one
 * bridge from batch progress to the Ink view. Keys: q or Ctrl+C stop.
 */
import { render, useInput, useStdin } from 'ink';
import { BehaviorSubject, auditTime, type Observable } from 'rxjs';
import type { BatchState } from './batch-state.js';
import { BatchView } from './components/BatchView.js';
import { useObservable } from './use-observable.js';

export interface BatchProgressView {
  update(state: Omit<BatchState, 'stopping'>): void;
  close(): Promise<void>;
}

function StopKeys({ onStop }: { onStop: (reason: 'quit' | 'interrupt') => void }) {
  useInput((input, key) => {
    if (key.ctrl && input === 'c') onStop('interrupt');
    else if (input.includes('q')) onStop('quit');
  });
  return null;
}

function BatchApp({ state$, initial, width, colorful, onStop }: { state$: Observable<BatchState>; initial: BatchState; width: number; colorful: boolean; onStop: (reason: 'quit' | 'interrupt') => void }) {
  const state = useObservable(state$, initial);
  const { isRawModeSupported } = useStdin();
  return (
    <>
      {isRawModeSupported ? <StopKeys onStop={onStop} /> : null}
      <BatchView state={state} width={width} colorful={colorful} />
    </>
  );
}

export function mountBatchProgress(options: {
  readonly title: string;
  readonly colorful: boolean;
  readonly onStop: (reason: 'quit' | 'interrupt') => void;
  readonly stdout?: NodeJS.WriteStream;
  readonly stdin?: NodeJS.ReadStream;
}): BatchProgressView {
  const stdout = options.stdout ?? process.stdout;
  const initial: BatchState = { title: options.title, done: 0, planned: 0, etaSeconds: undefined, estimates: [], stopping: false };
  const state$ = new BehaviorSubject<BatchState>(initial);
  const onStop = (reason: 'quit' | 'interrupt') => {
    state$.next({ ...state$.value, stopping: true });
    options.onStop(reason);
  };
  const instance = render(
    <BatchApp state$={state$.pipe(auditTime(100))} initial={initial} width={Math.min(100, stdout.columns ?? 80)} colorful={options.colorful} onStop={onStop} />,
    { stdout, stdin: options.stdin ?? process.stdin, exitOnCtrlC: false, patchConsole: false, maxFps: 10 },
  );
  return {
    update: (state) => state$.next({ ...state, stopping: state$.value.stopping }),
    async close() {
      instance.clear();
      instance.unmount();
      await instance.waitUntilExit();
    },
  };
}
