import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError, formatProblem, type ScenarioProblem } from '../../src/errors.js';
import { loadScenario } from '../../src/scenario/load.js';
import { loadValue, tinyScenario, writeFiles } from '../helpers.js';

function problemsIn(yaml: string): ScenarioProblem[] {
  const dir = writeFiles({ 'county.yaml': yaml });
  try {
    loadScenario(path.join(dir, 'county.yaml'));
  } catch (error) {
    if (error instanceof ScenarioError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the scenario to be rejected');
}

const problemsOf = (value: unknown) => {
  try {
    loadValue(value);
  } catch (error) {
    if (error instanceof ScenarioError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the scenario to be rejected');
};

/** The tiny scenario as YAML lines, with `replace` swapped in. */
function yamlWith(replace: Record<string, string>): string {
  let text = [
    'name: tiny',
    'start: 2020-03-02',
    'end: 2020-03-05',
    'platforms:',
    '  - id: taobao',
    'anchors:',
    '  - id: mei',
    '    kind: peasant',
    '    platform: taobao',
    '    followers: 2000',
    '    tuneInShare: 0.1',
    '    broadcasts:',
    '      - schedule: { kind: cadence, every: 1d, at: "20:00" }',
    '        duration: 90m',
    '        lineup:',
    '          - { product: apple, slot: 30m }',
    'products:',
    '  - id: apple',
    '    price: 40',
    '    referencePrice: 40',
    '    farmGatePrice: 16',
    'farmers:',
    '  - id: village',
    '    households: 30',
    '    baselineIncome: 4200',
    '    produces:',
    '      - { product: apple, capacity: 50 }',
  ].join('\n');
  for (const [from, to] of Object.entries(replace)) text = text.replace(from, to);
  return `${text}\n`;
}

describe('scenario errors', () => {
  it('accepts the unchanged fixture (so each case below fails for its own reason)', () => {
    const dir = writeFiles({ 'county.yaml': yamlWith({}) });
    expect(loadScenario(path.join(dir, 'county.yaml')).scenario.name).toBe('tiny');
  });

  it('a misspelt field: its key position and the likely spelling (not also "missing")', () => {
    const problems = problemsIn(yamlWith({ '    tuneInShare: 0.1': '    tuneinshare: 0.1' }));
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem).toMatchObject({ line: 11, column: 5, path: 'anchors.0.tuneinshare', message: 'unknown field `tuneinshare`' });
    expect(problem!.hint).toBe('did you mean `tuneInShare`?');
  });

  it('an unknown field with nothing close: the fields that exist', () => {
    const [problem] = problemsIn(yamlWith({ 'name: tiny': 'name: tiny\nweather: sunny' }));
    expect(problem).toMatchObject({ line: 2, column: 1, path: 'weather' });
    expect(problem!.hint).toMatch(/^fields here: `\$schema`, `name`/);
  });

  it('a wrong type: expected and found', () => {
    const [problem] = problemsIn(yamlWith({ 'price: 40': 'price: forty' }));
    expect(problem).toMatchObject({ line: 19, column: 12, path: 'products.0.price', message: 'wrong type', expected: 'a number', found: '"forty"' });
  });

  it('a value outside its range: the bound and what the field means', () => {
    const [problem] = problemsIn(yamlWith({ 'tuneInShare: 0.1': 'tuneInShare: 1.5' }));
    expect(problem).toMatchObject({ path: 'anchors.0.tuneInShare', expected: 'at most 1', found: 'number 1.5' });
    expect(problem!.hint).toMatch(/^tuneInShare: Share of followers who watch/);
  });

  it('a value not among the allowed ones: the list and a likely spelling', () => {
    const [problem] = problemsIn(yamlWith({ 'kind: peasant': 'kind: peasent' }));
    expect(problem).toMatchObject({ line: 8, column: 11, path: 'anchors.0.kind', found: '"peasent"', hint: 'did you mean `peasant`?' });
    expect(problem!.expected).toBe('one of `celebrity`, `peasant`, `shop-owner`');
  });

  it('a missing required field: where it belongs and what it is', () => {
    const [problem] = problemsIn(yamlWith({ '    farmGatePrice: 16\n': '' }));
    expect(problem).toMatchObject({ path: 'products.0.farmGatePrice', message: 'missing required field `farmGatePrice`', line: 18 });
    expect(problem!.hint).toMatch(/^farmGatePrice: What a farmer gets per unit/);
  });

  it('a malformed duration: an example of the format', () => {
    const [problem] = problemsIn(yamlWith({ 'every: 1d': 'every: 1 day' }));
    expect(problem).toMatchObject({ line: 13, path: 'anchors.0.broadcasts.0.schedule.every', found: '"1 day"' });
    expect(problem!.message).toMatch(/expected a duration like 90m, 2h/);
  });

  it('an impossible date', () => {
    const [problem] = problemsIn(yamlWith({ 'end: 2020-03-05': 'end: 2020-02-30' }));
    expect(problem).toMatchObject({ line: 3, column: 6, path: 'end', message: expect.stringMatching(/not a calendar date/) });
  });

  it('an unknown kind in a union: the kinds there are', () => {
    const [problem] = problemsIn(yamlWith({ 'kind: cadence': 'kind: cadance' }));
    expect(problem).toMatchObject({ path: 'anchors.0.broadcasts.0.schedule.kind', line: 13, expected: 'one of `dates`, `cadence`, `rate`', hint: 'did you mean `cadence`?' });
  });

  it('a reference to something that does not exist: the ids that do', () => {
    const [problem] = problemsIn(yamlWith({ '{ product: apple, slot: 30m }': '{ product: aple, slot: 30m }' }));
    expect(problem).toMatchObject({ line: 16, path: 'anchors.0.broadcasts.0.lineup.0.product', message: 'unknown product `aple`', hint: 'did you mean `apple`?' });
  });

  it('a duplicate id', () => {
    const value = tinyScenario();
    value.platforms = [{ id: 'taobao' }, { id: 'taobao' }];
    const problems = problemsOf(value);
    expect(problems).toContainEqual(expect.objectContaining({ path: 'platforms.1.id', message: 'duplicate id `taobao` in this list' }));
  });

  it('an end before the start', () => {
    const problems = problemsOf(tinyScenario({ end: '2020-03-01' }));
    expect(problems).toContainEqual(expect.objectContaining({ path: 'end', message: expect.stringMatching(/must come after the start/) }));
  });

  it('a change read off a flow, or without its months', () => {
    const figure = { id: 'grew', metric: 'gmv', aggregate: 'change', range: [0, 1], source: 's' };
    const problems = problemsOf(tinyScenario({ targets: [figure] }));
    expect(problems).toContainEqual(expect.objectContaining({ path: 'targets.0.metric', message: expect.stringMatching(/a change reads a day-end level/), hint: 'for a flow, use `sum` over the months' }));
    expect(problems).toContainEqual(expect.objectContaining({ path: 'targets.0.period', message: expect.stringMatching(/a change needs its months/) }));
  });

  it('a product nobody produces, and a shop without a contract price', () => {
    const value = tinyScenario({ shops: [{ id: 'shop', contractPrices: {} }] }) as { products: Record<string, unknown>[] };
    value.products.push({ id: 'pear', price: 30, referencePrice: 30, farmGatePrice: 10, seller: 'shop' });
    const problems = problemsOf(value);
    expect(problems).toContainEqual(expect.objectContaining({ path: 'products.1.id', message: 'no farmer group produces `pear`' }));
    expect(problems).toContainEqual(expect.objectContaining({ path: 'products.1.seller', message: 'shop `shop` has no contract price for `pear`' }));
  });

  it('broken YAML: the position of the syntax error', () => {
    const [problem] = problemsIn('name: tiny\nstart: [2020-03-02\nend: 2020-03-05\n');
    expect(problem!.line).toBeGreaterThanOrEqual(2);
    expect(problem!.hint).toMatch(/not valid YAML or JSON/);
  });

  it('a file that is not a map', () => {
    const [problem] = problemsIn('- just\n- a list\n');
    expect(problem).toMatchObject({ line: 1, column: 1, message: 'a scenario file must be a map of fields' });
  });

  it('formats a problem as file:line:col, dotted path, expected/found and hint', () => {
    const [problem] = problemsIn(yamlWith({ 'kind: peasant': 'kind: peasent' }));
    expect(formatProblem(problem!)).toBe(
      [
        `${problem!.file}:8:11: anchors.0.kind: not one of the allowed values`,
        '  expected one of `celebrity`, `peasant`, `shop-owner`, found "peasent"',
        '  hint: did you mean `peasant`?',
      ].join('\n'),
    );
  });
});
