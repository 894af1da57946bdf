/** The studio's work without its screen: parameters, steps, a paired comparison that restarts on every change, pins, the saved file and the history. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { firstValueFrom, filter } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { STUDIO_METRICS, StudioSession, type StudioUpdate } from '../../src/experiment/studio/studio-session.js';
import { PARAMETER_GROUPS, steppedValue } from '../../src/experiment/studio/studio-parameters.js';
import { loadScenario } from '../../src/scenario/load.js';
import { livesim } from '../cli/livesim.js';
import { tinyScenario, writeFiles } from '../helpers.js';

const COMMISSION = 'anchors.mei.commission.welfareRate';

function session(replicates = 4, jobs = 1) {
  const dir = writeFiles({ 'county.yaml': tinyScenario({ anchors: [{ id: 'mei', broadcasts: [{ id: 'nightly', welfare: true }] }] }) });
  const file = path.join(dir, 'county.yaml');
  return { dir, file, studio: new StudioSession(file, (overrides) => loadScenario(file, { overrides }), { replicates, rootSeed: 7, jobs }) };
}

const finished = (studio: StudioSession) => firstValueFrom(studio.updates$.pipe(filter((update: StudioUpdate) => !update.running && update.comparison !== undefined)));

describe('the studio’s parameters', () => {
  it('are those with a prior, grouped by entity, each with its value, unit and prior range', () => {
    const { studio } = session();
    const commission = studio.parameters.find((parameter) => parameter.path === COMMISSION)!;
    expect(commission).toMatchObject({ group: 'anchor', entity: 'mei', field: 'commission.welfareRate', value: 0.02, low: 0, high: 0.1, unit: 'share', min: 0, max: 1 });
    const groups = studio.parameters.map((parameter) => parameter.group);
    expect(groups).toEqual([...groups].sort((a, b) => PARAMETER_GROUPS.indexOf(a) - PARAMETER_GROUPS.indexOf(b)));
  });

  it('step by a twentieth of the range, by ratio across ten times or more, never past the schema’s bounds', () => {
    const linear = { path: 'x', group: 'product', entity: 'a', field: 'x', value: 0.5, low: 0, high: 1, source: 'p', unit: 'share', min: 0, max: 1, logarithmic: false } as const;
    expect(steppedValue(linear, 0.5, 1)).toBe(0.55);
    expect(steppedValue(linear, 0.98, 1)).toBe(1);
    expect(steppedValue(linear, 0.01, -1)).toBe(0);
    const ratio = { ...linear, low: 0.01, high: 1, logarithmic: true };
    expect(steppedValue(ratio, 0.1, 1)).toBeCloseTo(0.1 * Math.pow(100, 1 / 20), 5);
    expect(steppedValue(ratio, 0, 1)).toBe(0.01);
  });
});

describe('a studio session', () => {
  it('compares a change with the baseline on the same seeds, the interval narrowing as pairs finish, and records it', async () => {
    const { studio } = session(5);
    const seen: StudioUpdate[] = [];
    studio.updates$.subscribe((update) => seen.push(update));
    expect(studio.set(COMMISSION, 0.08)).toBeUndefined();
    const last = await finished(studio);
    const replicates = seen.flatMap((update) => (update.comparison ? [update.comparison.replicates] : []));
    expect(replicates.slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
    // The anchor takes more of each sale: the sellers keep less.
    const margin = last.comparison!.metrics.find((metric) => metric.name === 'ledger.intermediaryMargin')!;
    expect(margin.delta.mean).toBeLessThan(0);
    expect(studio.history).toHaveLength(1);
    expect(studio.history[0]!.tweaks).toEqual([{ path: COMMISSION, value: 0.08, was: 0.02 }]);
  });

  it('refuses a value the scenario refuses, with --set’s message, and runs nothing', () => {
    const { studio } = session();
    expect(studio.set(COMMISSION, 1.5)).toBe('anchors.0.commission.welfareRate: too large · expected at most 1, found number 1.5 · hint: welfareRate: Commission on settled sales in public-welfare broadcasts (share, 0-1)');
    expect(studio.valueOf(COMMISSION)).toBe(0.02);
  });

  it('cancels the replicates of a change the moment another comes, on the worker pool, and shows only the new one', async () => {
    const { studio } = session(12, 2);
    const seen: StudioUpdate[] = [];
    studio.updates$.subscribe((update) => seen.push(update));
    studio.set(COMMISSION, 0.05);
    // The first change's pairs are coming in: its replicates are running on the workers.
    await firstValueFrom(studio.updates$.pipe(filter((update) => update.comparison !== undefined && update.tweaks[0]?.value === 0.05)));
    studio.set(COMMISSION, 0.09);
    const afterChange = seen.length;
    const last = await finished(studio);
    expect(last.tweaks).toEqual([{ path: COMMISSION, value: 0.09, was: 0.02 }]);
    expect(seen.slice(afterChange).every((update) => update.tweaks.every((tweak) => tweak.value === 0.09))).toBe(true);
    expect(studio.history.map((entry) => entry.tweaks[0]!.value)).toEqual([0.09]);
  });

  it('pins a tweak as the new baseline, and resets to it', async () => {
    const { studio } = session(3);
    studio.set(COMMISSION, 0.05);
    const pinned = await finished(studio);
    studio.pin();
    expect(studio.valueOf(COMMISSION)).toBe(0.05);
    studio.set(COMMISSION, 0.07);
    const update = await finished(studio);
    expect(update.tweaks).toEqual([{ path: COMMISSION, value: 0.07, was: 0.05 }]);
    // The new baseline is the pinned tweak's own replicates, kept, not run again.
    const margin = (comparison: typeof update.comparison) => comparison!.metrics.find((metric) => metric.name === 'ledger.intermediaryMargin')!;
    expect(margin(update.comparison).a).toEqual(margin(pinned.comparison).b);
    studio.reset();
    expect(studio.valueOf(COMMISSION)).toBe(0.05);
  });

  it('saves the tweak as a file that extends the scenario with only what changed, and compare gives the same comparison from it', async () => {
    const { dir, studio } = session(4);
    studio.set(COMMISSION, 0.08);
    const last = await finished(studio);
    const saved = path.join(dir, 'tweak.yaml');
    const text = studio.savedText(saved);
    writeFileSync(saved, text);
    expect(text).toMatch(/^extends: county\.yaml$/m);
    expect(text).toMatch(/welfareRate: 0\.08 # was 0\.02$/m);
    expect(loadScenario(saved).scenario.anchors[0]!.commission.welfareRate).toBe(0.08);
    const command = studio.compareCommand('tweak.yaml').split(' ').slice(1);
    const metrics = STUDIO_METRICS.flatMap((name) => ['--metric', name]);
    const { code, stdout, stderr } = await livesim([...command.map((word) => (word === 'tweak.yaml' ? saved : word)), ...metrics, '--json', '--jobs', '1'], { cwd: dir });
    expect(code, stderr).toBe(0);
    // compare --json's metrics, byte for byte, are the studio's last comparison written the same way.
    const printed = JSON.parse(stdout) as { seeds: number[]; metrics: unknown[] };
    const fromStudio = last.comparison!.metrics.map((metric) => ({
      name: metric.name,
      a: { mean: metric.a.mean, ci95: metric.a.ci95 },
      b: { mean: metric.b.mean, ci95: metric.b.ci95 },
      delta: { mean: metric.delta.mean, ci95: metric.delta.ci95, relative: metric.relative },
      significant: metric.significant,
    }));
    expect(printed.seeds).toEqual(studio.seeds);
    expect(JSON.stringify(printed.metrics)).toBe(JSON.stringify(fromStudio));
  });

  it('exports the history as CSV, a row per comparison and metric', async () => {
    const { studio } = session(2);
    studio.set(COMMISSION, 0.06);
    await finished(studio);
    const lines = studio.historyCsv().trim().split('\n');
    expect(lines[0]).toBe('tweak,replicates,metric,aMean,bMean,deltaMean,deltaLow,deltaHigh,relative,significant');
    expect(lines).toHaveLength(1 + 6);
    expect(lines[1]).toMatch(/^anchors\.mei\.commission\.welfareRate=0\.06,2,gain,/);
  });
});
