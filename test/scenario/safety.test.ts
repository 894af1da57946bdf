/**
 * Bad input is refused at its root, with a located message: prototype keys, unsafe names,
 * --set paths that name nothing, mistyped ids in an extending file, oversized runs and designs.
 */
import { describe, expect, it } from 'vitest';
import { ScenarioError, UsageError } from '../../src/errors.js';
import { estimateResources, resourceProblem } from '../../src/experiment/run/resource-estimate.js';
import { newRunDirectory } from '../../src/experiment/run/run-store.js';
import { sweepCases } from '../../src/experiment/analysis/sweep.js';
import { compileScenario } from '../../src/scenario/compile.js';
import { loadScenario } from '../../src/scenario/load.js';
import { loadValue, simulate, tinyScenario, writeFiles } from '../helpers.js';

function problemsOf(load: () => unknown) {
  try {
    load();
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  throw new Error('expected the scenario to be refused');
}

describe('objects that cannot be polluted', () => {
  it('refuse __proto__, constructor and prototype as keys in a file, at their place', () => {
    const dir = writeFiles({ 'bad.yaml': 'extends: demo-county\n__proto__: { seed: 99 }\nbehaviour:\n  constructor: { purchaseRate: 1 }\n' });
    const problems = problemsOf(() => loadScenario(`${dir}/bad.yaml`));
    expect(problems.map((problem) => [problem.line, problem.message])).toEqual([
      [2, '`__proto__` is not allowed as a key'],
      [4, '`constructor` is not allowed as a key'],
    ]);
    expect(({} as Record<string, unknown>).seed).toBeUndefined();
  });

  it('refuse them in --set paths', () => {
    for (const path of ['__proto__.x', 'constructor.prototype.x', 'behaviour.__proto__.purchaseRate']) {
      expect(() => loadValue(tinyScenario(), [`${path}=1`])).toThrow(UsageError);
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuse an alias bomb instead of expanding it', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    const dir = writeFiles({ 'bomb.yaml': `extends: demo-county\n${bomb}\n` });
    expect(problemsOf(() => loadScenario(`${dir}/bomb.yaml`))[0]!.message).toMatch(/aliases/);
  });
});

describe('names and run directories', () => {
  it('a scenario name is a safe slug', () => {
    for (const name of ['../../x', 'a/b', 'x'.repeat(300), 'bad\u0000name', '.hidden']) {
      expect(problemsOf(() => loadValue(tinyScenario({ name })))[0]!.path).toBe('name');
    }
  });

  it('a run directory never leaves its parent, whatever the name', () => {
    expect(() => newRunDirectory('runs', '../escape', 1, new Date(0))).toThrow(UsageError);
    expect(newRunDirectory('runs', 'fine-name', 1, new Date(0))).toMatch(/^runs\/fine-name-1-/);
  });
});

describe('errors that point at the right place', () => {
  it('blames a --set that adds an unknown field on that --set, not on the file', () => {
    const [problem] = problemsOf(() => loadScenario('demo-county', { overrides: ['foo.bar=1'] }));
    expect(problem!.file).toBe('--set foo.bar=1');
  });

  it('says a mistyped id in an extending file names nothing there, and what it probably meant', () => {
    const dir = writeFiles({ 'typo.yaml': 'extends: demo-county\nname: typo\nanchors:\n  - id: li-orchid\n    skill: 1.5\n' });
    const problems = problemsOf(() => loadScenario(`${dir}/typo.yaml`));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe('no anchor `li-orchid` in what this file extends; did you mean `li-orchard`?');
    expect(problems[0]!.line).toBe(4);
  });
});

describe('runs and designs too big to be meant', () => {
  it('are estimated before they start, close to what they cost', async () => {
    const demo = loadScenario('demo-county');
    const estimate = estimateResources(compileScenario(demo.scenario));
    const { summary } = await simulate(demo.scenario, { seed: demo.scenario.seed });
    expect(estimate.events / summary.engine.events).toBeGreaterThan(0.8);
    expect(estimate.events / summary.engine.events).toBeLessThan(1.25);
    expect(resourceProblem(estimate, 'agent')).toBeUndefined();
  });

  it('are refused with the estimate and a way out', () => {
    const huge = compileScenario(loadScenario('demo-county', { overrides: ['anchors.li-orchard.followers=1000000000'] }).scenario);
    const problem = resourceProblem(estimateResources(huge), huge.fidelity);
    expect(problem?.message).toMatch(/billion events/);
    expect(problem?.hint).toMatch(/fidelity: cohort/);
    expect(problem?.hint).toMatch(/--force/);
  });

  it('refuse a sweep grid past its limit with the count', () => {
    expect(() => sweepCases({ vary: [{ path: 'behaviour.purchaseRate', from: 0, to: 1e12, step: 1 }], cases: [] })).toThrow(/1,000,000,000,001 values/);
    const wide = { path: 'seed', values: Array.from({ length: 200 }, (_, index) => index) };
    expect(() => sweepCases({ vary: [wide, wide], cases: [] })).toThrow(/40,000 cases/);
  });
});
