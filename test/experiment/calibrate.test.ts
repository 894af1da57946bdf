import { describe, expect, it } from 'vitest';
import { calibrate, targetSensitivities, type Fit } from '../../src/experiment/calibrate.js';
import { estimate } from '../../src/experiment/statistics.js';
import { judgeTarget } from '../../src/experiment/targets.js';
import { checkScenario } from '../../src/experiment/check.js';
import { fittedScenarioText } from '../../src/experiment/fitted-file.js';
import { loadScenario } from '../../src/scenario/load.js';
import { presetNames } from '../../src/scenario/presets.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { stringify } from 'yaml';
import { tinyScenario } from '../helpers.js';

describe('livesim check on every preset (10 replicates)', () => {
  const presets = presetNames().filter((name) => loadScenario(name).scenario.targets.length > 0);

  it('covers the five presets of the article', () => {
    expect(presets.sort()).toEqual(['fu-fanping', 'national-agri', 'peasant-anchors', 'qingchuan-mushrooms', 'weiya-welfare']);
  });

  it.each(presets)('%s reproduces its targets, and carries validation figures of its own', async (name) => {
    const loaded = loadScenario(name);
    const report = await checkScenario(loaded, { replicates: 10, rootSeed: loaded.scenario.seed });
    expect(report.complete).toBe(true);
    for (const verdict of report.verdicts) expect(verdict.pass, `${verdict.target}: ${verdict.simulated.mean} ${verdict.simulated.ci95.join('..')}`).toBe(true);
    expect(report.verdicts.filter((verdict) => verdict.kind === 'reproduced').length).toBeGreaterThan(0);
    expect(report.validation.length).toBeGreaterThanOrEqual(3);
  });
});

/** A tiny county whose orders must reach a figure, with the purchase rate free to fit. */
const TEXT = `# a county to fit
${stringify({
  ...tinyScenario(),
  behaviour: { ...(tinyScenario().behaviour as object), purchaseRate: 0.002 },
  targets: [{ id: 'orders', metric: 'orders', aggregate: 'sum', expected: 40, tolerance: 0.05, source: 'a made-up figure' }],
  calibration: { free: [{ path: 'behaviour.purchaseRate', min: 0.0005, max: 0.008, prior: 'conversion' }] },
})}`;

async function fit(overrides: string[] = []) {
  const load = (extra: string[]) => loadScenarioText(TEXT, { overrides: [...overrides, ...extra] });
  return calibrate(load([]), load, { replicates: 2, budget: 14, rootSeed: 5 });
}

describe('livesim calibrate', () => {
  it('fits reproduced targets only, and refuses more free parameters than it has targets to fit', async () => {
    const load = (text: string) => (extra: string[]) => loadScenarioText(text, { overrides: extra });
    const twoKnobs = TEXT.replace(
      'prior: conversion',
      'prior: conversion\n    - path: anchors.0.skill\n      min: 0.5\n      max: 2\n      prior: conversion',
    );
    await expect(calibrate(load(twoKnobs)([]), load(twoKnobs), { replicates: 2, budget: 4, rootSeed: 5 })).rejects.toThrow(/2 free parameters for 1 reproduced target/);
    const asInput = TEXT.replace('source: a made-up figure', 'source: a made-up figure\n    kind: input');
    await expect(calibrate(load(asInput)([]), load(asInput), { replicates: 2, budget: 4, rootSeed: 5 })).rejects.toThrow(/for 0 reproduced targets/);
  });

  it('says which free parameters move each target at the fit, and when one alone does', async () => {
    const result = await fit();
    expect(result.sensitivities).toHaveLength(1);
    expect(result.sensitivities[0]!.moves[0]!.path).toBe('behaviour.purchaseRate');
    expect(result.sensitivities[0]!.moves[0]!.change).toBeGreaterThan(1);
    expect(result.sensitivities[0]!.soleMover).toBe('behaviour.purchaseRate');
  });

  it('names a sole mover only when one parameter alone moves a target noticeably', () => {
    const target = (id: string) => ({ id, metric: 'orders', aggregate: 'sum' as const, expected: 100, tolerance: 0.1, kind: 'reproduced' as const, source: 'test' });
    const fitWith = (...means: number[]): Fit => ({ objective: 0, verdicts: means.map((mean, t) => judgeTarget(target(`t${t}`), estimate([mean]))) });
    const targets = [target('t0'), target('t1')];
    // At the fit both targets are met; nudging `a` moves only t0, nudging `b` moves both.
    const [first, second] = targetSensitivities(targets, ['a', 'b'], fitWith(100, 100), [fitWith(150, 100), fitWith(150, 150)]);
    expect(first!.moves).toEqual([{ path: 'a', change: 5 }, { path: 'b', change: 5 }]);
    expect(first!.soleMover).toBeUndefined();
    expect(second!.moves.map((move) => move.change)).toEqual([0, 5]);
    expect(second!.soleMover).toBe('b');
  });

  it('moves the free parameters so that the targets are met', async () => {
    const result = await fit();
    expect(result.before.verdicts[0]!.pass).toBe(false);
    expect(result.after.objective).toBeLessThan(result.before.objective);
    // Two replicates are too few for the interval to prove a pass; the mean lands on the figure.
    expect(Math.abs(result.after.verdicts[0]!.relativeError)).toBeLessThan(0.05);
    expect(result.parameters[0]!.after).toBeGreaterThan(0.002);
    expect(result.evaluations).toBeLessThanOrEqual(14);
  });

  it('is deterministic for a seed, and writes the fit into the file with its comments kept', async () => {
    const first = fittedScenarioText(TEXT, await fit());
    const second = fittedScenarioText(TEXT, await fit());
    expect(second).toBe(first);
    expect(first).toContain('# a county to fit');
    expect(first).toMatch(/^# livesim calibrate: the fit that set this file's free parameters$/m);
    expect(first).toMatch(/behaviour.purchaseRate: 0.002 -> 0.00\d+/);
    // The fitted file loads, and a second fit replaces the block rather than adding one.
    const refitted = fittedScenarioText(first, await fit());
    expect(refitted.match(/livesim calibrate: the fit/g)).toHaveLength(1);
    expect(loadScenarioText(first).scenario.behaviour.purchaseRate).not.toBe(0.002);
  });
});
