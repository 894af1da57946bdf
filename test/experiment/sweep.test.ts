import { describe, expect, it } from 'vitest';
import { ScenarioError, UsageError } from '../../src/errors.js';
import { loadCases, parseVary, runSweep, sweepCases } from '../../src/experiment/analysis/sweep.js';
import { planSweep } from '../../src/experiment/analysis/sweep-run.js';
import { loadScenarioText, scenarioVariants } from '../../src/scenario/load.js';
import { loadValue, tinyScenario, writeFiles } from '../helpers.js';

describe('sweep cases', () => {
  it('are every combination of the varied values, the first varying slowest', () => {
    const cases = sweepCases({ vary: [parseVary('a.b=1,2'), parseVary('c=x,y,z')], cases: [] });
    expect(cases.map((item) => item.values)).toEqual([
      { 'a.b': 1, c: 'x' },
      { 'a.b': 1, c: 'y' },
      { 'a.b': 1, c: 'z' },
      { 'a.b': 2, c: 'x' },
      { 'a.b': 2, c: 'y' },
      { 'a.b': 2, c: 'z' },
    ]);
  });

  it('take ranges from..to:step, ends included, without floating-point crumbs', () => {
    const cases = sweepCases({ vary: [parseVary('rate=0.1..0.5:0.1')], cases: [] });
    expect(cases.map((item) => item.values.rate)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
  });

  it('a range without a step is refused with the :step it needs', () => {
    expect(() => parseVary('behaviour.purchaseRate=1..3')).toThrow(UsageError);
    expect(() => parseVary('behaviour.purchaseRate=1..3')).toThrow('a range needs a step');
    try {
      parseVary('behaviour.purchaseRate=1..3');
    } catch (error) {
      expect((error as UsageError).hint).toContain('behaviour.purchaseRate=1..3:0.5');
    }
  });

  it('an unknown path is blamed on --vary, the option it came with, not on --set', async () => {
    const { variant } = scenarioVariants(writeFiles({ 'tiny.yaml': tinyScenario() }) + '/tiny.yaml');
    const cases = sweepCases({ vary: [parseVary('foo=1,2')], cases: [] });
    await expect(loadCases(cases, (overrides) => variant(overrides, '--vary'))).rejects.toThrow(ScenarioError);
    await expect(loadCases(cases, (overrides) => variant(overrides, '--vary'))).rejects.toSatisfy((error: ScenarioError) =>
      error.problems.some((problem) => problem.file === '--vary foo=1' && problem.message.includes('unknown field `foo`')),
    );
  });

  it('can be listed explicitly, and there must be some', () => {
    expect(sweepCases({ vary: [], cases: [{ name: 'cheap', set: { x: 1 } }] })).toEqual([{ name: 'cheap', values: { x: 1 } }]);
    expect(() => sweepCases({ vary: [], cases: [] })).toThrow(UsageError);
    expect(() => parseVary('no-equals')).toThrow(UsageError);
  });
});

describe('a sweep', () => {
  it('runs every case with the same seeds and streams one row per case and replicate to sweep.csv', async () => {
    const text = JSON.stringify(tinyScenario());
    const cases = sweepCases({ vary: [parseVary('behaviour.purchaseRate=0.002,0.006')], cases: [] });
    const streamed = { text: '', append(more: string) { this.text += more; } };
    const loaded = await loadCases(cases, (overrides) => loadScenarioText(text, { overrides }));
    const result = await runSweep(cases, loaded, { replicates: 3, rootSeed: 4, rowsFile: streamed, jobs: 2 });
    expect(result.complete).toBe(true);
    const lines = result.rowsCsv.trim().split('\n');
    expect(streamed.text.trim().split('\n').sort()).toEqual([...lines].sort());
    expect(lines[0]).toMatch(/^case,replicate,seed,scenarioHash,behaviour\.purchaseRate,broadcasts,/);
    expect(lines).toHaveLength(7);
    const seedsOf = (name: string) => result.rows.filter((row) => row.keys.case === name).map((row) => row.keys.seed);
    expect(seedsOf('case-1')).toEqual(seedsOf('case-2'));
    // Same seeds: the audience is the same in both cases, so more buying shows as more orders.
    expect(result.byCase[0]!.views!.mean).toBe(result.byCase[1]!.views!.mean);
    expect(result.byCase[1]!.orders!.mean).toBeGreaterThan(result.byCase[0]!.orders!.mean * 2);
  });

  it('reads its cases from a sweep: block', () => {
    const { scenario } = loadValue(tinyScenario({ sweep: { vary: [{ path: 'anchors.mei.skill', from: 1, to: 2, step: 0.5 }], replicates: 2 } }));
    expect(sweepCases(scenario.sweep!).map((item) => item.values['anchors.mei.skill'])).toEqual([1, 1.5, 2]);
    expect(scenario.sweep!.replicates).toBe(2);
  });
});

describe('a sweep planned from the options or the scenario’s sweep: block', () => {
  it('takes --vary over the block, and the block’s replicates and metrics unless the options say', () => {
    const base = loadValue(tinyScenario({ sweep: { vary: [{ path: 'anchors.mei.skill', values: [1, 2, 3] }], replicates: 4, metrics: ['gmv'] } }));
    const fromBlock = planSweep(base, { vary: [], metrics: [] });
    expect(fromBlock).toMatchObject({ replicates: 4, metrics: ['gmv'], rootSeed: 3, flag: 'sweep:' });
    expect(fromBlock.cases).toHaveLength(3);
    const fromOptions = planSweep(base, { vary: ['products.apple.price=36,44'], replicates: 2, metrics: ['orders'], seed: 9 });
    expect(fromOptions).toMatchObject({ replicates: 2, metrics: ['orders'], rootSeed: 9, flag: '--vary' });
    expect(fromOptions.cases.map((item) => item.values)).toEqual([{ 'products.apple.price': 36 }, { 'products.apple.price': 44 }]);
  });
});
