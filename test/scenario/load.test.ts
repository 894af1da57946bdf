import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError, NotFoundError, UsageError, type ScenarioProblem } from '../../src/errors.js';
import { loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_PRESET, presetNames } from '../../src/scenario/presets.js';
import { loadValue, tinyScenario, writeFiles } from '../helpers.js';

function problemsOf(action: () => unknown): ScenarioProblem[] {
  try {
    action();
  } catch (error) {
    if (error instanceof ScenarioError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

describe('loading presets', () => {
  it('ships the default preset', () => {
    expect(presetNames()).toContain(DEFAULT_PRESET);
  });

  it.each(presetNames())('loads preset %s with defaults filled in', (name) => {
    const loaded = loadScenario(name);
    expect(loaded.scenario.name).toBe(name);
    expect(loaded.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(loaded.files[0]).toBe(path.join('scenarios', `${name}.yaml`));
  });

  it('fills defaults for fields left out', () => {
    const { scenario } = loadValue(tinyScenario());
    expect(scenario.povertyLine).toBe(4000);
    expect(scenario.products[0]!.allocation).toBe('proportional');
    expect(scenario.products[0]!.seller).toBe('farmers');
    expect(scenario.anchors[0]!.skill).toBe(1);
  });

  it('names an unknown preset with a suggestion', () => {
    expect(() => loadScenario('demo-conty')).toThrow(NotFoundError);
    try {
      loadScenario('demo-conty');
    } catch (error) {
      expect((error as NotFoundError).hint).toContain('did you mean `demo-county`?');
    }
  });

  it('reads JSON as well as YAML', () => {
    const dir = writeFiles({ 'county.json': JSON.stringify(tinyScenario({ name: 'from-json' })) });
    expect(loadScenario(path.join(dir, 'county.json')).scenario.name).toBe('from-json');
  });
});

describe('extends', () => {
  it('starts from a preset, merging maps by key and lists by id', () => {
    const dir = writeFiles({
      'richer.yaml': [
        'extends: demo-county',
        'anchors:',
        '  - id: li-orchard',
        '    skill: 1.4',
        '  - id: newcomer',
        '    kind: peasant',
        '    platform: taobao',
        '    followers: 100',
        '    tuneInShare: 0.2',
        '    broadcasts:',
        '      - schedule: { kind: cadence, every: 2d }',
        '        duration: 1h',
        '        lineup: [{ product: black-fungus, slot: 30m }]',
      ].join('\n'),
    });
    const { scenario } = loadScenario(path.join(dir, 'richer.yaml'));
    const base = loadScenario('demo-county').scenario;
    expect(scenario.name).toBe('richer');
    expect(scenario.anchors.map((anchor) => anchor.id)).toEqual(['li-orchard', 'guest-star', 'newcomer']);
    expect(scenario.anchors[0]!.skill).toBe(1.4);
    expect(scenario.anchors[0]!.followers).toBe(base.anchors[0]!.followers);
    expect(scenario.products).toEqual(base.products);
  });

  it('replaces a union whose kind changes, but merges any other map with a kind', () => {
    const dir = writeFiles({
      'switch.yaml': [
        'extends: demo-county',
        'behaviour:',
        '  dwell: { kind: exponential, mean: 8m }',
        'anchors:',
        '  - id: li-orchard',
        '    kind: shop-owner',
      ].join('\n'),
    });
    const { scenario } = loadScenario(path.join(dir, 'switch.yaml'));
    expect(scenario.behaviour.dwell).toEqual({ kind: 'exponential', mean: '8m' });
    expect(scenario.anchors[0]).toMatchObject({ kind: 'shop-owner', followers: 8000 });
  });

  it('follows chains of files relative to each file', () => {
    const dir = writeFiles({
      'base.yaml': { ...tinyScenario(), name: 'base' },
      'middle.yaml': { extends: './base.yaml', behaviour: { purchaseRate: 0.01 } },
      'top.yaml': { extends: 'middle.yaml', seed: 99 },
    });
    const loaded = loadScenario(path.join(dir, 'top.yaml'));
    expect(loaded.scenario.behaviour.purchaseRate).toBe(0.01);
    expect(loaded.scenario.seed).toBe(99);
    expect(loaded.files).toHaveLength(3);
  });

  it('rejects a loop', () => {
    const dir = writeFiles({ 'a.yaml': 'extends: ./b.yaml\n', 'b.yaml': 'extends: ./a.yaml\n' });
    const [problem] = problemsOf(() => loadScenario(path.join(dir, 'a.yaml')));
    expect(problem!.message).toMatch(/extends itself in a loop/);
  });

  it('points at `extends` when what it names does not exist', () => {
    const dir = writeFiles({ 'x.yaml': 'name: x\nextends: demo-conty\n' });
    const [problem] = problemsOf(() => loadScenario(path.join(dir, 'x.yaml')));
    expect(problem).toMatchObject({ line: 2, column: 10, path: 'extends', hint: expect.stringContaining('demo-county') });
  });

  it('locates a problem in the file that wrote it, even through a merge by id', () => {
    const dir = writeFiles({ 'child.yaml': 'extends: demo-county\nanchors:\n  - id: guest-star\n    skill: -2\n' });
    const [problem] = problemsOf(() => loadScenario(path.join(dir, 'child.yaml')));
    expect(problem).toMatchObject({ path: 'anchors.1.skill', line: 4, column: 12 });
    expect(problem!.file.endsWith('child.yaml')).toBe(true);
  });
});

describe('--set overrides', () => {
  it('set fields by dotted path, addressing list items by id or index', () => {
    const { scenario } = loadValue(tinyScenario(), ['anchors.mei.skill=1.5', 'products.0.price=45', 'anchors.mei.broadcasts.nightly.welfare=true', 'fidelity=cohort']);
    expect(scenario.anchors[0]!.skill).toBe(1.5);
    expect(scenario.products[0]!.price).toBe(45);
    expect(scenario.anchors[0]!.broadcasts[0]!.welfare).toBe(true);
    expect(scenario.fidelity).toBe('cohort');
  });

  it('change the scenario hash', () => {
    expect(loadValue(tinyScenario(), ['seed=4']).hash).not.toBe(loadValue(tinyScenario()).hash);
    expect(loadValue(tinyScenario(), ['seed=3']).hash).toBe(loadValue(tinyScenario()).hash);
  });

  it('are validated like the file, and problems name the --set', () => {
    const [problem] = problemsOf(() => loadValue(tinyScenario(), ['behaviour.purchaseRate=lots']));
    expect(problem).toMatchObject({ file: '--set behaviour.purchaseRate=lots', path: 'behaviour.purchaseRate', expected: 'a number', found: '"lots"' });
  });

  it('report a path that leads nowhere, with the ids that exist', () => {
    const [problem] = problemsOf(() => loadValue(tinyScenario(), ['anchors.mie.skill=2']));
    expect(problem).toMatchObject({ path: 'anchors.mie', hint: 'did you mean `mei`?' });
  });

  it('must have the form path=value', () => {
    expect(() => loadValue(tinyScenario(), ['behaviour.purchaseRate'])).toThrow(UsageError);
  });
});

describe('the scenario hash', () => {
  it('does not depend on key order or on defaults being spelled out', () => {
    const shuffled = Object.fromEntries(Object.entries(tinyScenario()).reverse());
    expect(loadValue(shuffled).hash).toBe(loadValue(tinyScenario()).hash);
    expect(loadValue(tinyScenario({ povertyLine: 4000 })).hash).toBe(loadValue(tinyScenario()).hash);
  });
});
