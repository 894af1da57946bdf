import { describe, expect, it } from 'vitest';
import { ScenarioRun } from '../../src/experiment/run/single-run.js';
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
    // Watching mode at 10 simulated days in about 1.5 s, so that frames are drawn on the way.
    const dashboard = mountDashboard({
      run,
      onStop: (reason) => stops.push(reason),
      colorful: false,
      pace: (10 * 1440) / 1.5,
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
});
