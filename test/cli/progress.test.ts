import { describe, expect, it } from 'vitest';
import { ProgressReporter } from '../../src/cli/progress.js';
import { makeStyle } from '../../src/cli/style.js';
import type { Terminal } from '../../src/cli/terminal.js';
import type { Snapshot } from '../../src/model/observation/snapshot.js';

function fakeTerminal(): Terminal & { written: string } {
  const terminal = {
    written: '',
    out: () => undefined,
    err: (text: string) => void (terminal.written += text),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    ci: true,
    columns: 80,
    outStyle: makeStyle(false),
    errStyle: makeStyle(false),
  };
  return terminal;
}

const snapshot = { progress: 0.42, at: '2019-11-28 20:13', totals: { gmv: 602_857, orders: 12_916 } } as unknown as Snapshot;

describe('plain progress lines', () => {
  it('print at most one line a second, with percent, simulated date, GMV and events/s', () => {
    let now = 0;
    const terminal = fakeTerminal();
    const progress = new ProgressReporter(terminal, 'lines', () => now);
    progress.onSnapshot(snapshot);
    for (let step = 1; step <= 35; step++) {
      now = step * 100; // 3.5 s of slices every 100 ms
      progress.onSlice({ now: step, events: step * 100_000 });
    }
    const lines = terminal.written.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('livesim  42%  2019-11-28 20:13  GMV ¥602.9k  orders 12,916  1.00M events/s  ETA 1.4s');
  });

  it('print nothing when quiet', () => {
    const terminal = fakeTerminal();
    let now = 0;
    const progress = new ProgressReporter(terminal, 'off', () => now);
    progress.onSnapshot(snapshot);
    now = 5000;
    progress.onSlice({ now: 1, events: 1 });
    expect(terminal.written).toBe('');
  });
});
