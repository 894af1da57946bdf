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

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the dashboard app', () => {
  it('turns keys into controls: space, q, Ctrl+C, + and -, ?', async () => {
    const { calls, controls } = recordingControls();
    const state$ = new BehaviorSubject<DashboardState>(stateWith(undefined));
    const { stdin, unmount } = render(<App state$={state$} initial={state$.value} controls={controls} width={80} height={24} colorful={false} />);
    await tick();
    for (const key of [' ', 'q', '\u0003', '+', '-', '?']) {
      stdin.write(key);
      await tick();
    }
    unmount();
    expect(calls).toEqual(['pause', 'stop:quit', 'stop:interrupt', 'faster', 'slower', 'help']);
  });

  it('redraws as new states arrive', async () => {
    const { controls } = recordingControls();
    const state$ = new BehaviorSubject<DashboardState>(stateWith(undefined));
    const { lastFrame, unmount } = render(<App state$={state$} initial={state$.value} controls={controls} width={80} height={24} colorful={false} />);
    expect(lastFrame()).toContain('starting…');
    state$.next(stateWith(undefined, { paused: true }));
    await tick();
    expect(lastFrame()).toContain('⏸ paused');
    unmount();
  });
});

describe('keys typed together', () => {
  it('are taken one by one', async () => {
    const { calls, controls } = recordingControls();
    const state$ = new BehaviorSubject<DashboardState>(stateWith(undefined));
    const { stdin, unmount } = render(<App state$={state$} initial={state$.value} controls={controls} width={80} height={24} colorful={false} />);
    await tick();
    stdin.write(' ++-');
    await tick();
    unmount();
    expect(calls).toEqual(['pause', 'faster', 'faster', 'slower']);
  });
});
