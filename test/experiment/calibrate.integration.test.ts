import { describe, expect, it } from 'vitest';
import { calibrate } from '../../src/experiment/evidence/calibrate.js';
import { identify } from '../../src/experiment/evidence/identification.js';
import { fitQuality, sensitivityMatrix } from '../../src/experiment/evidence/fit-quality.js';
import { ParameterSpace } from '../../src/experiment/analysis/parameter-space.js';
import { checkScenario } from '../../src/experiment/evidence/check.js';
import { fittedScenarioText } from '../../src/experiment/evidence/fitted-file.js';
import { loadScenario } from '../../src/scenario/load.js';
import { presetNames } from '../../src/scenario/presets.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { stringify } from 'yaml';
import { tinyScenario } from '../helpers.js';

describe('livesim check on every preset (its own replicates)', () => {
  const presets = presetNames().filter((name) => loadScenario(name).scenario.targets.length > 0);

  it('covers the five presets of the article', () => {
    expect(presets.sort()).toEqual(['fu-fanping', 'national-agri', 'peasant-anchors', 'qingchuan-mushrooms', 'weiya-welfare']);
  });

  it.each(presets)('%s reproduces its targets, and carries validation figures of its own', async (name) => {
    const loaded = loadScenario(name);
    const report = await checkScenario(loaded, { replicates: loaded.scenario.calibration.replicates, rootSeed: loaded.scenario.seed });
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

  it('says which free parameters move each target at the fit, and that one knob for one target is a fit with no evidence in it', async () => {
    const result = await fit();
    expect(result.identification.parameters).toEqual(['behaviour.purchaseRate']);
    expect(result.identification.matrix[0]![0]!).toBeGreaterThan(1);
    expect(result.identification.fit).toEqual(['fitted-exactly']);
    expect(result.identification.degreesOfFreedom).toBe(0);
    // Goodness and intervals come from the same runs: a miss in tolerances against its noise, and each parameter's interval.
    expect(result.quality.residuals).toHaveLength(1);
    expect(result.quality.intervals[0]!.linearised![0]).toBeLessThan(result.parameters[0]!.after);
    expect(result.quality.intervals[0]!.linearised![1]).toBeGreaterThan(result.parameters[0]!.after);
    expect(result.quality.intervals[0]!.bootstrap).toBeDefined();
  });

  it('calls targets fitted exactly when their group has as many knobs as targets, and reproduced when it has fewer', () => {
    // t0 moved by a alone; t1 and t2 both moved by b alone: b answers to two targets.
    const identification = identify(['t0', 't1', 't2'], ['a', 'b'], [
      [2, 0],
      [0, 1],
      [0.05, -3],
    ]);
    expect(identification.fit).toEqual(['fitted-exactly', 'reproduced', 'reproduced']);
    expect(identification.degreesOfFreedom).toBe(1);
    expect(identification.conditionNumber).toBeGreaterThan(1);
    // Two knobs that move the targets alike cannot be told apart: an infinite condition number, no correlations.
    const alike = identify(['t0', 't1'], ['a', 'b'], [
      [1, 1],
      [2, 2],
    ]);
    expect(alike.conditionNumber).toBe(Number.POSITIVE_INFINITY);
    expect(alike.correlations).toBeUndefined();
  });

  it('measures moves as signed changes in tolerances per tenth of the bounds', () => {
    const target = (id: string) => ({ id, metric: 'orders', aggregate: 'sum' as const, expected: 100, tolerance: 0.1, kind: 'reproduced' as const, source: 'test' });
    // Nudging a (upwards) moves t0 from 100 to 150: +5 tolerances; nudging b downwards moves t1 from 100 to 90: +1 per upward tenth.
    expect(sensitivityMatrix([target('t0'), target('t1')], [100, 100], [[150, 100], [100, 90]], [0.1, -0.1])).toEqual([
      [5, 0],
      [0, 1],
    ]);
  });

  it('bootstraps the fit over replicate seeds, deterministically for a root seed', () => {
    const space = new ParameterSpace([{ path: 'x', min: 0, max: 1, prior: 'conversion' }]);
    const target = { id: 't', metric: 'orders', aggregate: 'sum' as const, expected: 100, tolerance: 0.1, kind: 'reproduced' as const, source: 'test' };
    const at = [[98, 102, 99, 101]];
    const moved = [[[108, 112, 109, 111]]];
    const first = fitQuality([target], space, [0.5], at, moved, 3);
    expect(fitQuality([target], space, [0.5], at, moved, 3)).toEqual(first);
    // One tolerance (10) per tenth of the box: the linearised interval is a tenth either side.
    expect(first.intervals[0]!.linearised).toEqual([0.4, 0.6]);
    const [low, high] = first.intervals[0]!.bootstrap!;
    expect(low).toBeLessThan(0.5);
    expect(high).toBeGreaterThan(0.5);
    expect(high - low).toBeLessThan(0.05);
    expect(first.residuals[0]).toMatchObject({ miss: 0, consistent: true });
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
