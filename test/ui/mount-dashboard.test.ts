import { describe, expect, it } from 'vitest';
import { ScenarioRun } from '../../src/experiment/single-run.js';
import { mountDashboard } from '../../src/ui/mount-dashboard.js';
import { loadValue, tinyScenario } from '../helpers.js';
import { FakeInput, FakeTerminal, plain } from './fixtures.js';

describe('a real run through the dashboard', () => {
  it('draws the run as it goes and leaves the results unchanged', async () => {
    const loaded = loadValue(tinyScenario({ end: '2020-03-12' }));
    const reference = await new ScenarioRun(loaded, 9).run();

    const terminal = new FakeTerminal(80, 24);
    const run = new ScenarioRun(loaded, 9);
    const stops: string[] = [];
    // Watching mode at 10 simulated days in about 0.7 s, so that several frames are drawn.
    const dashboard = mountDashboard({
      run,
      onStop: (reason) => stops.push(reason),
      colorful: false,
      pace: (10 * 1440) / 0.7,
      stdout: terminal as unknown as NodeJS.WriteStream,
      stdin: new FakeInput() as unknown as NodeJS.ReadStream,
    });
    const finished = await run.run({
      onProgress: (status) => dashboard.onSlice(status),
      nextSliceLimit: (now) => dashboard.pacer!.nextLimit(now),
    });
    await dashboard.close();

    const output = plain(terminal.written);
    expect(output).toContain('livesim tiny · seed 9 · agent');
    expect(output).toContain('Where the money went');
    expect(output).toMatch(/1\. mei\s+¥/);
    expect(stops).toEqual([]);
    // Drawing reads snapshots only: the run's results are those of a run without it.
    expect(JSON.stringify(finished.summary)).toBe(JSON.stringify(reference.summary));
  });

  it('paces simulated time to the wall clock in watching mode', async () => {
    const loaded = loadValue(tinyScenario({ start: '2020-03-02', end: '2020-03-02T06:00' }));
    const run = new ScenarioRun(loaded, 1);
    const terminal = new FakeTerminal();
    // Six simulated hours at 36 hours a second: about a sixth of a second.
    const dashboard = mountDashboard({ run, onStop: () => {}, colorful: false, pace: 36 * 60, stdout: terminal as unknown as NodeJS.WriteStream, stdin: new FakeInput() as unknown as NodeJS.ReadStream });
    const started = performance.now();
    await run.run({ onProgress: (status) => dashboard.onSlice(status), nextSliceLimit: (now) => dashboard.pacer!.nextLimit(now) });
    const seconds = (performance.now() - started) / 1000;
    await dashboard.close();
    expect(seconds).toBeGreaterThan(0.15);
  });
});
