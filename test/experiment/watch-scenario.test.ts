/** run --watch's engine: each saved version runs on the same seeds as the last, with the paired change; a broken file keeps the last good result. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/errors.js';
import { watchScenario, type WatchEvent } from '../../src/experiment/run/watch-scenario.js';
import { loadScenario } from '../../src/scenario/load.js';
import { tinyScenario, writeFiles } from '../helpers.js';

describe('watching a scenario file', () => {
  it('runs each saved version with the paired change from the last good one, and reports a broken one in place', async () => {
    const dir = writeFiles({ 'base.yaml': tinyScenario(), 'county.yaml': 'extends: base.yaml\nname: county\n' });
    const file = path.join(dir, 'county.yaml');
    const events: WatchEvent[] = [];
    let heard: (() => void) | undefined;
    const next = (count: number) => new Promise<void>((resolve) => (heard = () => events.length >= count && resolve()));
    const controller = new AbortController();
    const watching = watchScenario(() => loadScenario(file), { replicates: 3, jobs: 1, settleMs: 50, signal: controller.signal }, (event) => {
      events.push(event);
      heard?.();
    });
    const first = next(1);
    await first;
    expect(events[0]).toMatchObject({ kind: 'result', version: 1, comparison: undefined, complete: true });

    // A file it extends changes: a new version, compared with the first on the same seeds.
    const second = next(2);
    writeFileSync(path.join(dir, 'base.yaml'), stringify(tinyScenario({ products: [{ id: 'apple', price: 46 }] })));
    await second;
    const compared = events[1] as Extract<WatchEvent, { kind: 'result' }>;
    expect(compared.version).toBe(2);
    expect(compared.comparison!.replicates).toBe(3);
    expect(compared.comparison!.metrics.find((metric) => metric.name === 'gmv')!.delta.mean).not.toBe(0);

    // A broken save: said as loading says it, the last good version standing.
    const third = next(3);
    writeFileSync(file, 'extends: base.yaml\nname: county\nseed: [unclosed\n');
    await third;
    expect(events[2]).toMatchObject({ kind: 'invalid', version: 3, lastGood: 2 });
    const error = (events[2] as Extract<WatchEvent, { kind: 'invalid' }>).error;
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).problems[0]).toMatchObject({ file: expect.stringContaining('county.yaml'), line: expect.any(Number) });

    // Fixed: compared with version 2, the last good one.
    const fourth = next(4);
    writeFileSync(file, 'extends: base.yaml\nname: county\n');
    await fourth;
    expect(events[3]).toMatchObject({ kind: 'result', version: 4, complete: true });
    expect((events[3] as Extract<WatchEvent, { kind: 'result' }>).comparison!.metrics.every((metric) => metric.delta.mean === 0)).toBe(true);

    controller.abort();
    await watching;
  }, 30_000);

  it('watches the file a refusal names, so that fixing a file newly extended runs the version', async () => {
    const dir = writeFiles({ 'county.yaml': 'extends: base.yaml\nname: county\n', 'base.yaml': 'name: [unclosed\n' });
    const events: WatchEvent[] = [];
    let heard: (() => void) | undefined;
    const next = (count: number) => new Promise<void>((resolve) => (heard = () => events.length >= count && resolve()));
    const controller = new AbortController();
    const first = next(1);
    const watching = watchScenario(() => loadScenario(path.join(dir, 'county.yaml')), { replicates: 2, jobs: 1, settleMs: 50, signal: controller.signal }, (event) => {
      events.push(event);
      heard?.();
    });
    await first;
    expect(events[0]).toMatchObject({ kind: 'invalid', version: 1, lastGood: undefined });
    const second = next(2);
    writeFileSync(path.join(dir, 'base.yaml'), stringify(tinyScenario()));
    await second;
    expect(events[1]).toMatchObject({ kind: 'result', version: 2, comparison: undefined, complete: true });
    controller.abort();
    await watching;
  }, 30_000);
});
