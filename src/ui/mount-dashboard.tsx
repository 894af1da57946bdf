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
import { WallClock } from './wall-clock.js';

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

type Update = (change: (state: DashboardState) => DashboardState) => void;

export function mountDashboard(options: DashboardOptions): MountedDashboard {
  const { run } = options;
  const stdout = options.stdout ?? process.stdout;
  const stdin = options.stdin ?? process.stdin;
  const fps = options.fps ?? 10;
  const pacer = options.pace === undefined ? undefined : new Pacer(options.pace);
  const state$ = new BehaviorSubject<DashboardState>(initialState(pacer, stdin));
  const update: Update = (change) => state$.next(change(state$.value));
  // Started before the first snapshot can arrive: the ETA counts from here.
  const wall = new WallClock(options.clock ?? (() => performance.now()), 1000 / fps, pacer !== undefined);
  const subscription = run.snapshots$.subscribe((snapshot) => {
    const etaSeconds = wall.etaSeconds(snapshot.progress);
    update((state) => ({ ...state, snapshot, wall: { ...state.wall, etaSeconds } }));
  });
  const controls = dashboardControls(run, pacer, wall, update, options.onStop);
  const app = renderApp(state$, controls, { stdout, stdin, fps, colorful: options.colorful });
  return {
    pacer,
    onSlice(status) {
      const { eventsPerSecond, frameDue } = wall.slice(status.events);
      if (eventsPerSecond !== undefined) update((state) => ({ ...state, wall: { ...state.wall, eventsPerSecond } }));
      // The dashboard draws at its own rate, not at the run's snapshot ticks: it asks for a snapshot when a frame is due.
      if (frameDue) run.snapshotNow();
    },
    async close() {
      subscription.unsubscribe();
      await app.close();
    },
  };
}

/** The state before the first snapshot: the pace asked for, and whether keys can work at all. */
function initialState(pacer: Pacer | undefined, stdin: NodeJS.ReadStream): DashboardState {
  const interactive = stdin.isTTY === true && typeof stdin.setRawMode === 'function';
  return { ...INITIAL_STATE, control: { ...INITIAL_STATE.control, pace: pacer?.pace, interactive } };
}

/** What the keys do to the run, and what the dashboard shows of it at once (before the next snapshot). */
function dashboardControls(run: RunControl, pacer: Pacer | undefined, wall: WallClock, update: Update, onStop: DashboardOptions['onStop']): DashboardControls {
  const changePace = (factor: number) => {
    if (!pacer) return;
    pacer.setPace(pacer.pace * factor, run.engine.now);
    update((state) => ({ ...state, control: { ...state.control, pace: pacer.pace } }));
  };
  return {
    togglePause: () => {
      const engine = run.engine;
      if (engine.paused) {
        engine.resume();
        wall.resumed();
        // Else the pacer would make up for the pause by racing ahead.
        pacer?.restart(engine.now);
      } else {
        engine.pause();
        wall.paused();
      }
      update((state) => ({ ...state, control: { ...state.control, paused: engine.paused } }));
    },
    stop: (reason) => {
      update((state) => ({ ...state, control: { ...state.control, stopping: true } }));
      onStop(reason);
    },
    faster: () => changePace(2),
    slower: () => changePace(0.5),
    toggleHelp: () => update((state) => ({ ...state, control: { ...state.control, help: !state.control.help } })),
  };
}

/** Renders the Ink app, and again at the terminal's new size when it is resized; `close` clears it away. */
function renderApp(
  state$: BehaviorSubject<DashboardState>,
  controls: DashboardControls,
  { stdout, stdin, fps, colorful }: { stdout: NodeJS.WriteStream; stdin: NodeJS.ReadStream; fps: number; colorful: boolean },
): { close(): Promise<void> } {
  const width = () => Math.min(MAX_WIDTH, stdout.columns ?? 80);
  // States come faster than frames: the app sees the latest one at most once a frame.
  const app = () => <App state$={state$.pipe(auditTime(1000 / fps))} initial={state$.value} controls={controls} width={width()} height={stdout.rows ?? 24} colorful={colorful} />;
  const instance = render(app(), { stdout, stdin, exitOnCtrlC: false, patchConsole: false, maxFps: fps });
  const onResize = () => instance.rerender(app());
  stdout.on('resize', onResize);
  return {
    async close() {
      stdout.off('resize', onResize);
      instance.clear();
      instance.unmount();
      await instance.waitUntilExit();
    },
  };
}
