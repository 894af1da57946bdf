/** The studio's screen driven by keys, on a real session over a tiny county: select, step, type, pin, reset, save, export. */
import path from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { StudioSession } from '../../src/experiment/studio/studio-session.js';
import { loadScenario } from '../../src/scenario/load.js';
import { StudioApp } from '../../src/ui/components/StudioApp.js';
import { forestBar } from '../../src/ui/components/ComparisonPanel.js';
import { sessionControl } from '../../src/ui/studio-control.js';
import { tinyScenario, writeFiles } from '../helpers.js';

const KEYS = { down: '\u001B[B', up: '\u001B[A', enter: '\r', escape: '\u001B', backspace: '\u007F' };
const pause = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

function studio() {
  const dir = writeFiles({ 'county.yaml': tinyScenario({ anchors: [{ id: 'mei', broadcasts: [{ id: 'nightly', welfare: true }] }] }) });
  const file = path.join(dir, 'county.yaml');
  const session = new StudioSession(file, (overrides) => loadScenario(file, { overrides }), { replicates: 4, rootSeed: 7, jobs: 1 });
  const written: Record<string, string> = {};
  const control = sessionControl(session, {
    save: (name) => ((written[name] = session.savedText(path.join(dir, name))), `saved the tweak to ${name}`),
    exportHistory: (name) => ((written[name] = session.historyCsv()), `wrote the history to ${name}`),
  });
  let quit = false;
  const rendered = render(<StudioApp control={control} title="tiny" files={{ tweak: 'tiny-tweak.yaml', history: 'tiny-history.csv' }} width={80} height={24} colorful={false} onQuit={() => (quit = true)} />);
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      rendered.stdin.write(key);
      await pause();
    }
  };
  /** Waits until the screen shows `text` (the replicates run in the background). */
  const until = async (text: string | RegExp) => {
    for (let tries = 0; tries < 200; tries++) {
      const frame = rendered.lastFrame() ?? '';
      if (typeof text === 'string' ? frame.includes(text) : text.test(frame)) return frame;
      await pause(25);
    }
    throw new Error(`the screen never showed ${String(text)}:\n${rendered.lastFrame()}`);
  };
  return { session, rendered, press, until, written, quitted: () => quit };
}

/** The commission row of the parameter list. */
const commissionRow = (frame: string) => frame.split('\n').find((line) => line.includes('welfareRate'))!;

describe('the studio screen', () => {
  it('lists the parameters by entity and shows the selected one in full', async () => {
    const { rendered, until } = studio();
    const frame = await until('platform taobao');
    expect(frame).toContain('anchor mei');
    expect(frame).toContain('platforms.taobao.feeRate · share · prior 0–0.02 (platform.fee)');
    expect(frame.split('\n').every((line) => line.length <= 80)).toBe(true);
    rendered.unmount();
  });

  it('steps the selected parameter with + and shows the paired change narrowing to its end', async () => {
    const { rendered, press, until } = studio();
    await until('platform taobao');
    await press('/', 'welfare', KEYS.enter, '+');
    expect(commissionRow(rendered.lastFrame()!)).toMatch(/welfareRate\s+0\.025\*/);
    const done = await until('4/4 pairs');
    expect(done).toMatch(/sellers’ margin\s+-\d/);
    expect(done).toMatch(/farmers’ gain [+-]\d+\.\d% \[.*\] — (significant|not significant)/);
    rendered.unmount();
  });

  it('takes a typed value, and refuses one the scenario refuses with --set’s words', async () => {
    const { rendered, press, until, session } = studio();
    await until('platform taobao');
    await press('/', 'welfare', KEYS.enter, KEYS.enter, KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace, '0.07', KEYS.enter);
    expect(session.valueOf('anchors.mei.commission.welfareRate')).toBe(0.07);
    await press(KEYS.enter, KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace, '2', KEYS.enter);
    expect(await until('too large')).toContain('too large');
    expect(session.valueOf('anchors.mei.commission.welfareRate')).toBe(0.07);
    rendered.unmount();
  });

  it('pins the tweak as the baseline, resets, shows the history, saves and exports, and quits with q', async () => {
    const { rendered, press, until, written, session, quitted } = studio();
    await until('platform taobao');
    await press('/', 'welfare', KEYS.enter, '+');
    await until('4/4 pairs');
    await press('p');
    expect(await until('pinned')).toContain('no change yet');
    await press('+', 'r');
    expect(session.valueOf('anchors.mei.commission.welfareRate')).toBe(0.025);
    await press('h');
    expect(await until(/1 mei welfareRate 0.02→0.025\s+4 /)).toContain('95% paired');
    await press('h', 's', KEYS.enter);
    expect(await until('saved the tweak to tiny-tweak.yaml')).toContain('saved the tweak to tiny-tweak.yaml');
    expect(written['tiny-tweak.yaml']).toMatch(/welfareRate: 0\.025 # was 0\.02/);
    await press('e', KEYS.enter);
    await until('wrote the history to tiny-history.csv');
    expect(written['tiny-history.csv']!.split('\n')[0]).toBe('tweak,replicates,metric,aMean,bMean,deltaMean,deltaLow,deltaHigh,relative,significant');
    await press('?');
    expect(await until('pin the tweak as the new baseline')).toContain('s      save the tweak');
    await press('q', 'q');
    expect(quitted()).toBe(true);
    rendered.unmount();
  });
});

describe('a forest row', () => {
  it('draws the interval as a bar on a shared scale, the mean as a dot and zero as a rule', () => {
    expect(forestBar(0.01, 0.02, 0.03, 0.04, 9)).toBe('    │─●─ ');
    expect(forestBar(-0.03, -0.02, -0.01, 0.04, 9)).toBe(' ─●─│    ');
    // An interval across zero: the rule shows inside the bar.
    expect(forestBar(-0.01, 0.005, 0.02, 0.04, 9)).toBe('   ─│●─  ');
  });
});

describe('the studio screen on a wide terminal', () => {
  it('shows each parameter’s prior range and unit in its row', async () => {
    const dir = writeFiles({ 'county.yaml': tinyScenario() });
    const file = path.join(dir, 'county.yaml');
    const session = new StudioSession(file, (overrides) => loadScenario(file, { overrides }), { replicates: 2, rootSeed: 7, jobs: 1 });
    const control = sessionControl(session, { save: () => '', exportHistory: () => '' });
    const rendered = render(<StudioApp control={control} title="tiny" files={{ tweak: 't.yaml', history: 'h.csv' }} width={120} height={30} colorful={false} onQuit={() => {}} />);
    await pause(50);
    const row = (rendered.lastFrame() ?? '').split('\n').find((line) => line.includes('perParcel'))!;
    expect(row).toMatch(/perParcel\s+11\s+10\.5–13\.4 yuan/);
    rendered.unmount();
    session.close();
  });
});
