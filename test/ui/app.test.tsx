import { render } from 'ink-testing-library';
import { BehaviorSubject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { App, type DashboardControls } from '../../src/ui/components/App.js';
import type { DashboardState } from '../../src/ui/dashboard-state.js';
import { stateWith } from './fixtures.js';

function recordingControls() {
  const calls: string[] = [];
  const controls: DashboardControls = {
    togglePause: () => calls.push('pause'),
    stop: (reason) => calls.push(`stop:${reason}`),
    faster: () => calls.push('faster'),
    slower: () => calls.push('slower'),
    toggleHelp: () => calls.push('help'),
  };
  return { calls, controls };
}

/** The app on a fresh state stream, recording what its keys ask for. */
function renderApp() {
  const { calls, controls } = recordingControls();
  const state$ = new BehaviorSubject<DashboardState>(stateWith(undefined));
  const rendered = render(<App state$={state$} initial={state$.value} controls={controls} width={80} height={24} colorful={false} />);
  return { ...rendered, calls, state$ };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the dashboard app', () => {
  it('turns keys into controls: space, q, Ctrl+C, + and -, ?', async () => {
    const { stdin, unmount, calls } = renderApp();
    await tick();
    for (const key of [' ', 'q', '\u0003', '+', '-', '?']) {
      stdin.write(key);
      await tick();
    }
    unmount();
    expect(calls).toEqual(['pause', 'stop:quit', 'stop:interrupt', 'faster', 'slower', 'help']);
  });

  it('redraws as new states arrive', async () => {
    const { lastFrame, unmount, state$ } = renderApp();
    expect(lastFrame()).toContain('starting…');
    state$.next(stateWith(undefined, { paused: true }));
    await tick();
    expect(lastFrame()).toContain('⏸ paused');
    unmount();
  });
});

describe('keys typed together', () => {
  it('are taken one by one', async () => {
    const { stdin, unmount, calls } = renderApp();
    await tick();
    stdin.write(' ++-');
    await tick();
    unmount();
    expect(calls).toEqual(['pause', 'faster', 'faster', 'slower']);
  });
});
