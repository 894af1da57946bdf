/**
 * The one bridge from a run to the terminal UI: it turns the run's snapshots, the engine's
 * progress and the keys into dashboard states (throttled), mounts the Ink app, and carries out
 * what the keys ask (pause, stop, pace). Components only render what it hands them.
 */
import { render } from 'ink';
import { BehaviorSubject, auditTime } from 'rxjs';
import { Pacer } from '../engine/pacer.js';
import type { EngineStatus } from '../engine/simulation.js';
import type { RunControl } from './run-control.js';
import { App, type DashboardControls } from './components/App.js';
import { INITIAL_STATE, type DashboardState } from './dashboard-state.js';

export interface DashboardOptions {
  /** The run to watch and steer (a ScenarioRun), through the little the dashboard needs of it. */
  readonly run: RunControl;
  /** Asked to stop the run: `q` (quit) or Ctrl+C (interrupt). */
  readonly onStop: (reason: 'quit' | 'interrupt') => void;
  readonly colorful: boolean;
  /** Watching mode: simulated minutes per wall-clock second. */
  readonly pace?: number | undefined;
  readonly stdout?: NodeJS.WriteStream;
  readonly stdin?: NodeJS.ReadStream;
  /** Frames per second at most (the default, 10, keeps the cost of drawing under 10%: see npm run bench). */
  readonly fps?: number;
  readonly clock?: () => number;
}

export interface MountedDashboard {
  /** Paces simulated time in watching mode; hand it to the engine. */
  readonly pacer: Pacer | undefined;
  /** Call between slices of work (the engine's progress callback). */
  onSlice(status: EngineStatus): void;
  /** Clears the dashboard and unmounts it; the caller then prints the final summary. */
  close(): Promise<void>;
}

// Wider adds nothing to read and costs drawing time on every frame.
const MAX_WIDTH = 100;
const RATE_WINDOW_MS = 1000;

export function mountDashboard(options: DashboardOptions): MountedDashboard {
  const { run } = options;
  const stdout = options.stdout ?? process.stdout;
  const stdin = options.stdin ?? process.stdin;
  const clock = options.clock ?? (() => performance.now());
  const fps = options.fps ?? 10;
  const frameMs = 1000 / fps;
  const pacer = options.pace === undefined ? undefined : new Pacer(options.pace);
  const interactive = stdin.isTTY === true && typeof stdin.setRawMode === 'function';
  const state$ = new BehaviorSubject<DashboardState>({ ...INITIAL_STATE, control: { ...INITIAL_STATE.control, pace: pacer?.pace, interactive } });
  const update = (change: (state: DashboardState) => DashboardState) => state$.next(change(state$.value));

  // Wall-clock bookkeeping: speed over the last second, and ETA from working (not paused) time.
  const started = clock();
  let pausedSince: number | undefined;
  let pausedTotal = 0;
  let lastFrameAt = -Infinity;
  let rateFrom = { at: started, events: 0 };

  const subscription = run.snapshots$.subscribe((snapshot) => {
    const working = clock() - started - pausedTotal;
    const progress = snapshot.progress;
    const etaSeconds = progress > 0.005 && progress < 1 && pacer === undefined ? ((working / progress) * (1 - progress)) / 1000 : undefined;
    update((state) => ({ ...state, snapshot, wall: { ...state.wall, etaSeconds } }));
  });

  const controls: DashboardControls = {
    togglePause: () => {
      const engine = run.engine;
      if (engine.paused) {
        engine.resume();
        if (pausedSince !== undefined) pausedTotal += clock() - pausedSince;
        pausedSince = undefined;
        pacer?.restart(engine.now);
      } else {
        engine.pause();
        pausedSince = clock();
      }
      update((state) => ({ ...state, control: { ...state.control, paused: engine.paused } }));
    },
    stop: (reason) => {
      update((state) => ({ ...state, control: { ...state.control, stopping: true } }));
      options.onStop(reason);
    },
    faster: () => changePace(2),
    slower: () => changePace(0.5),
    toggleHelp: () => update((state) => ({ ...state, control: { ...state.control, help: !state.control.help } })),
  };
  function changePace(factor: number) {
    if (!pacer) return;
    pacer.setPace(pacer.pace * factor, run.engine.now);
    update((state) => ({ ...state, control: { ...state.control, pace: pacer.pace } }));
  }

  const width = () => Math.min(MAX_WIDTH, stdout.columns ?? 80);
  const app = () => (
    <App state$={state$.pipe(auditTime(frameMs))} initial={state$.value} controls={controls} width={width()} height={stdout.rows ?? 24} colorful={options.colorful} />
  );
  const instance = render(app(), { stdout, stdin, exitOnCtrlC: false, patchConsole: false, maxFps: fps });
  const onResize = () => instance.rerender(app());
  stdout.on('resize', onResize);

  return {
    pacer,
    onSlice(status) {
      const now = clock();
      if (now - rateFrom.at >= RATE_WINDOW_MS) {
        const eventsPerSecond = ((status.events - rateFrom.events) * 1000) / (now - rateFrom.at);
        rateFrom = { at: now, events: status.events };
        update((state) => ({ ...state, wall: { ...state.wall, eventsPerSecond } }));
      }
      if (now - lastFrameAt >= frameMs) {
        lastFrameAt = now;
        run.snapshotNow();
      }
    },
    async close() {
      subscription.unsubscribe();
      stdout.off('resize', onResize);
      instance.clear();
      instance.unmount();
      await instance.waitUntilExit();
    },
  };
}
