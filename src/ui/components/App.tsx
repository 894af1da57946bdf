import { useInput, useStdin } from 'ink';
import type { Observable } from 'rxjs';
import type { DashboardState } from '../dashboard-state.js';
import { useObservable } from '../use-observable.js';
import { Dashboard } from './Dashboard.js';

/** What the keys do; the bridge carries them out. */
export interface DashboardControls {
  togglePause(): void;
  /** `q` (quit) or Ctrl+C (interrupt). */
  stop(reason: 'quit' | 'interrupt'): void;
  faster(): void;
  slower(): void;
  toggleHelp(): void;
}

export interface AppProps {
  /** Dashboard states, already throttled by the bridge. */
  readonly state$: Observable<DashboardState>;
  readonly initial: DashboardState;
  readonly controls: DashboardControls;
  readonly width: number;
  readonly height: number;
  readonly colorful: boolean;
}

function Keys({ controls }: { controls: DashboardControls }) {
  useInput((input, key) => {
    if (key.ctrl && input === 'c') return controls.stop('interrupt');
    // Keys typed faster than the terminal is read arrive together: take them one by one.
    for (const character of input) {
      if (character === 'q') controls.stop('quit');
      else if (character === ' ') controls.togglePause();
      else if (character === '+' || character === '=') controls.faster();
      else if (character === '-' || character === '_') controls.slower();
      else if (character === '?') controls.toggleHelp();
    }
  });
  return null;
}

/** Subscribes to the dashboard's states and listens to keys where the terminal allows it. */
export function App({ state$, initial, controls, width, height, colorful }: AppProps) {
  const state = useObservable(state$, initial);
  // useInput on a stdin without raw mode throws ("Raw mode is not supported").
  const { isRawModeSupported } = useStdin();
  return (
    <>
      {isRawModeSupported ? <Keys controls={controls} /> : null}
      <Dashboard state={state} width={width} height={height} colorful={colorful} />
    </>
  );
}
